import { colorLevel } from '../../color.js';
import { usageError } from '../../errors.js';
import { addMonths, isoOf } from '../../report/compute/calendar.js';
import type { Period } from '../../report/compute/period.js';
import { firstDataDay } from '../../report/insights/index.js';
import { loadReportData } from '../../report/load.js';
import { renderHtml } from '../../report/render/html.js';
import { renderMarkdown } from '../../report/render/markdown.js';
import { renderTerminal } from '../../report/render/terminal.js';
import { buildInsights } from '../../report/sections/insights.js';
import type { CommandContext } from '../../types.js';
import { outputOf, printsBesideHtml, settingsFor, writeAtomically } from '../report/report.js';

export interface InsightsFlags {
  period?: string;
  habit?: number[];
  seed?: number;
  dayStartsAt?: number;
  explain?: boolean;
  html?: string;
  markdown?: boolean;
}

/** The default seed of the permutation tests: fixed, so the same data gives the same p-values. */
export const DEFAULT_SEED = 12;

/** The days `--period` covers, ending today (today itself is never counted; see insights/series.ts). */
function periodOf(span: string, today: number, first: number | null): Period {
  if (span === 'all') return { from: Math.min(first ?? today, today), to: today };
  const n = Number(span.slice(0, -1));
  const unit = span.at(-1);
  if (unit === 'd') return { from: today - n, to: today };
  if (unit === 'w') return { from: today - 7 * n, to: today };
  // Months and years: the same day of the month n months back (clamped to that month's length).
  const months = unit === 'y' ? 12 * n : n;
  const monthStart = addMonths(today, -months);
  const length = addMonths(monthStart, 1) - monthStart;
  const dayOfMonth = today - addMonths(today, 0);
  return { from: monthStart + Math.min(dayOfMonth, length - 1), to: today };
}

/**
 * `loggd insights`: load what reports load (plus check times), compute the insights, then print them (terminal,
 * json, markdown) and/or write HTML. `clock` gives "now" (injected by tests; `--demo` follows LOGGD_DEMO_NOW).
 */
export async function runInsights(
  ctx: CommandContext,
  flags: InsightsFlags,
  clock: () => number = Date.now,
): Promise<number> {
  const output = outputOf(ctx, flags);
  const settings = await settingsFor(ctx, flags, clock);
  const loggd = await ctx.createClient();
  const ids = flags.habit && flags.habit.length > 0 ? [...new Set(flags.habit)] : undefined;
  const data = await loadReportData(
    loggd,
    { habits: true, goals: true, focus: true, checkTimes: true, ...(ids ? { habitIds: ids } : {}) },
    { to: isoOf(settings.today) },
  );
  if (ids) {
    const unknown = ids.filter((id) => !data.habits.some((h) => h.id === id));
    if (unknown.length > 0)
      throw usageError(
        `unknown --habit ${unknown.join(', ')}: no habit with that id`,
        'find ids with `loggd habits list --status all`',
      );
  }
  const span = flags.period ?? '90d';
  const period = periodOf(span, settings.today, firstDataDay(data));
  const built = buildInsights(data, period, settings, {
    seed: flags.seed ?? DEFAULT_SEED,
    label: span === 'all' ? 'all history' : `last ${span}`,
    explain: Boolean(flags.explain),
  });
  if (flags.html) {
    try {
      await writeAtomically(flags.html, renderHtml(built.doc));
    } catch (err) {
      throw usageError(`cannot write --html '${flags.html}': ${(err as Error).message}`);
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
