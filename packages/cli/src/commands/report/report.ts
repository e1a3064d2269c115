import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { colorLevel } from '../../color.js';
import { CliError, usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';

import { dayOf, isoOf, weekdayIndex } from '../../report/compute/calendar.js';
import type { Period, ReportSettings } from '../../report/compute/period.js';
import { type LoadNeeds, loadReportData } from '../../report/load.js';
import { rangePeriod, reviewPeriod } from '../../report/options.js';
import { renderHtml } from '../../report/render/html.js';
import { renderMarkdown } from '../../report/render/markdown.js';
import { renderTerminal } from '../../report/render/terminal.js';
import type { ReportFlags, ReportKind } from '../../report/sections/index.js';
import { buildReport } from '../../report/sections/index.js';
import { isValidTimeZone, localDayOfInstant } from '../../time/zone.js';
import type { CommandContext } from '../../types.js';

export type { ReportFlags, ReportKind } from '../../report/sections/index.js';

type Output = 'terminal' | 'json' | 'markdown';

/** The context's format (REPORT_FORMATS: table, json, markdown) as a report output; --markdown wins. */
export function outputOf(ctx: CommandContext, flags: Pick<ReportFlags, 'markdown'>): Output {
  if (flags.markdown || ctx.format === 'markdown') return 'markdown';
  return ctx.format === 'json' ? 'json' : 'terminal';
}

/** With --html the file is the output, unless a format was asked for by a flag (LOGGD_FORMAT is only a default). */
export function printsBesideHtml(ctx: CommandContext, flags: Pick<ReportFlags, 'markdown'>): boolean {
  return ctx.formatSource === 'flag' || Boolean(flags.markdown);
}

/** The profile's zone (LOGGD_TZ overrides it), week start and today, with --day-starts-at applied. */
export async function settingsFor(
  ctx: CommandContext,
  flags: Pick<ReportFlags, 'dayStartsAt'>,
  clock: () => number,
): Promise<ReportSettings> {
  const loggd = await ctx.createClient({ batch: true });
  const profile = await loggd.profile.get();
  const fromEnv = ctx.io.env.LOGGD_TZ;
  if (fromEnv && !isValidTimeZone(fromEnv))
    throw usageError(`invalid LOGGD_TZ '${fromEnv}': give an IANA zone such as Europe/Bucharest`);
  const zone = fromEnv || (isValidTimeZone(profile.timezone) ? profile.timezone : 'UTC');
  const dayStartsAt = flags.dayStartsAt ?? 0;
  // With --demo the mock's clock (LOGGD_DEMO_NOW) is "now", so demo reports end where the demo data ends.
  const demoNow = ctx.opts.demo ? ctx.io.env.LOGGD_DEMO_NOW : undefined;
  const now = demoNow ? Date.parse(demoNow) : clock();
  return {
    zone,
    weekStart: Math.max(0, weekdayIndex(profile.week_start_day)),
    dayStartsAt,
    today: localDayOfInstant(now, zone, dayStartsAt),
  };
}

function needsOf(kind: ReportKind, flags: ReportFlags): LoadNeeds {
  switch (kind) {
    case 'weekly':
    case 'monthly':
      return { habits: true, tasks: true, goals: true, focus: true };
    case 'habits':
      return { habits: true, ...(flags.habit !== undefined ? { habitId: flags.habit } : {}) };
    case 'focus':
      return { focus: true, names: true };
    case 'tasks':
      return { tasks: true };
    case 'goals':
      return { goals: true };
  }
}

function periodOf(kind: ReportKind, flags: ReportFlags, s: ReportSettings): Period {
  switch (kind) {
    case 'weekly':
      return reviewPeriod('week', flags, s.today, s.weekStart);
    case 'monthly':
      return reviewPeriod('month', flags, s.today, s.weekStart);
    case 'habits':
      return rangePeriod(flags, s.today, s.weekStart, 'week', 26);
    case 'focus':
      return flags.by === 'month'
        ? rangePeriod(flags, s.today, s.weekStart, 'month', 12)
        : flags.by === 'week'
          ? rangePeriod(flags, s.today, s.weekStart, 'week', 12)
          : rangePeriod(flags, s.today, s.weekStart, 'day', 14);
    case 'tasks':
      return flags.by === 'month'
        ? rangePeriod(flags, s.today, s.weekStart, 'month', 12)
        : rangePeriod(flags, s.today, s.weekStart, 'week', 12);
    case 'goals': {
      // Goals are a snapshot "as of" one day: --to, or today.
      const day = flags.to ? dayOf(flags.to) : s.today;
      return { from: day, to: day };
    }
  }
}

/** Writes `text` to `path` atomically: a temp file beside it, then a rename. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/**
 * `loggd report <kind>`: load through the SDK, compute, then print (terminal, json, markdown) and/or write HTML.
 * `clock` gives "now" (injected by tests; `--demo` follows LOGGD_DEMO_NOW).
 */
export async function runReport(
  ctx: CommandContext,
  kind: ReportKind,
  flags: ReportFlags,
  clock: () => number = Date.now,
): Promise<number> {
  const output = outputOf(ctx, flags);
  if (flags.from && flags.to && flags.from > flags.to)
    throw usageError(`invalid date range: --from ${flags.from} is after --to ${flags.to}`);
  const fsChecks = await import('../../fs-errors.js');
  if (flags.html) await fsChecks.checkFileFlag('--html', flags.html);
  const settings = await settingsFor(ctx, flags, clock);
  const period = periodOf(kind, flags, settings);
  const loggd = await ctx.createClient({ batch: true });
  const data = await loadReportData(loggd, needsOf(kind, flags), {
    to: isoOf(Math.max(period.to, settings.today)),
  });
  if (kind === 'habits' && flags.habit !== undefined && data.habits.length === 0)
    throw new CliError(
      `no habit ${flags.habit}: --habit names no habit of this account`,
      EXIT.notFound,
      'not_found',
      ['find ids with `loggd habits list --status all`'],
    );
  const built = buildReport(kind, data, period, settings, flags);
  if (flags.html) {
    try {
      await writeAtomically(flags.html, renderHtml(built.doc));
    } catch (err) {
      throw (
        fsChecks.fileSystemError(err, flags.html) ??
        usageError(`cannot write --html '${flags.html}': ${(err as Error).message}`)
      );
    }
    ctx.io.stderr.write(`wrote ${flags.html}\n`);
    if (!printsBesideHtml(ctx, flags)) return 0;
  }
  if (output === 'json') ctx.io.stdout.write(`${JSON.stringify(built.json, null, 2)}\n`);
  else if (output === 'markdown') ctx.io.stdout.write(renderMarkdown(built.doc));
  else
    ctx.io.stdout.write(
      renderTerminal(built.doc, { width: ctx.io.columns, level: colorLevel(ctx.io.color, ctx.io.env) }),
    );
  return 0;
}
