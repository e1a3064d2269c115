import { EXIT } from '../exit-codes.js';
import { dueToday, weekStart } from '../habits/due.js';
import { escapeControl } from '../output/escape.js';
import { render, type TableHelpers } from '../output/render.js';
import { HABIT, HABIT_CHECK, HABIT_SKIP } from '../resources/spec.js';
import { localDay } from '../time/zone.js';
import type { CommandContext } from '../types.js';
import { fetchList, runList } from './list.js';

type Row = Record<string, unknown>;

export interface HabitListFlags {
  status?: string;
  limit?: number;
  all?: boolean;
}
export interface RangeFlags {
  from?: string;
  to?: string;
  limit?: number;
  all?: boolean;
}

const cells = {
  name: (row: Row) => (row.emoji ? `${String(row.emoji)} ${String(row.name)}` : String(row.name)),
  current_streak: (row: Row, h: TableHelpers) => {
    const n = Number(row.current_streak);
    return n > 0 ? h.chalk.yellow(`${n}d`) : h.chalk.dim('0d');
  },
  longest_streak: (row: Row) => `${Number(row.longest_streak)}d`,
};

/** `loggd habits list` */
export async function habitsList(ctx: CommandContext, flags: HabitListFlags): Promise<number> {
  const loggd = await ctx.createClient();
  const query = {
    ...(flags.status ? { status: flags.status } : {}),
    ...(flags.limit ? { limit: flags.limit } : {}),
  };
  return runList(ctx, loggd.habits.list(query as never), {
    all: flags.all,
    plural: 'habits',
    spec: HABIT,
    cells,
  });
}

/** `loggd habits get <id>` */
export async function habitsGet(ctx: CommandContext, id: number): Promise<number> {
  const habit = await (await ctx.createClient()).habits.get(id);
  await render(ctx, habit as Row, { spec: HABIT, cells });
  return 0;
}

function rangeQuery(flags: RangeFlags) {
  return {
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.to ? { to: flags.to } : {}),
    ...(flags.limit ? { limit: flags.limit } : {}),
  };
}

/** `loggd habits checks <id>` */
export async function habitsChecks(ctx: CommandContext, id: number, flags: RangeFlags): Promise<number> {
  const loggd = await ctx.createClient();
  return runList(ctx, loggd.habits.checks(id, rangeQuery(flags)), {
    all: flags.all,
    plural: 'checks',
    spec: HABIT_CHECK,
  });
}

/** `loggd habits skips <id>` */
export async function habitsSkips(ctx: CommandContext, id: number, flags: RangeFlags): Promise<number> {
  const loggd = await ctx.createClient();
  return runList(ctx, loggd.habits.skips(id, rangeQuery(flags)), {
    all: flags.all,
    plural: 'skips',
    spec: HABIT_SKIP,
  });
}

/**
 * `loggd habits pending`: active habits whose `checked_today` is false (the API computes it in the profile's time
 * zone). Exit 0 when none is pending, 10 (EXIT.pending) when some is: distinct from every error code, so a cron
 * alert for pending habits does not fire during an outage.
 */
export async function habitsPending(ctx: CommandContext): Promise<number> {
  const loggd = await ctx.createClient();
  const [{ items }, profile] = await Promise.all([
    fetchList(ctx, loggd.habits.list({ status: 'active', limit: 100 } as never), true, 'habits'),
    loggd.profile.get().catch((err: unknown) => {
      // Only a missing scope is worked around; a free plan or an outage must not read as "nothing pending".
      if ((err as { code?: string } | undefined)?.code !== 'missing_scope') throw err;
      return undefined;
    }),
  ]);
  if (!profile) {
    ctx.io.stderr.write('note: the token has no read:profile scope: days are UTC, weeks start monday\n');
  }
  const now = ctx.now ? await ctx.now() : new Date();
  const day = localDay(now, profile?.timezone ?? 'UTC');
  const from = weekStart(day, profile?.week_start_day);
  const unchecked = (items as Row[]).filter((h) => h.checked_today === false);
  // A weekly-target habit is pending until the week has its target of checks (one request per such habit).
  const verdicts = await Promise.all(
    unchecked.map(async (h) => {
      const due = dueToday(h, day);
      if (due !== 'weekly') return due === 'due';
      const checks = await loggd.habits.checks(Number(h.id), { from, to: day.date, limit: 100 }).toArray();
      return new Set(checks.map((c) => c.date)).size < Number(h.weekly_target);
    }),
  );
  const pending = unchecked.filter((_, i) => verdicts[i]);
  await render(ctx, pending, {
    spec: HABIT,
    cells,
    columns: ['id', 'name', 'frequency', 'current_streak', 'last_checked_at'],
  });
  if (ctx.io.stderr.isTTY) {
    // The date comes from the profile's time zone: escaped like any text that reaches the terminal.
    const summary =
      pending.length === 0
        ? `Nothing pending today (${day.date}).`
        : `${pending.length} of ${items.length} active habits pending today (${day.date}).`;
    ctx.io.stderr.write(`${escapeControl(summary)}\n`);
  }
  return pending.length === 0 ? EXIT.ok : EXIT.pending;
}
