import { EXIT } from '../../exit-codes.js';
import { dueToday, weekStart } from '../../habits/due.js';
import { escapeControl } from '../../output/escape.js';
import { render } from '../../output/render.js';
import { HABIT } from '../../resources/spec.js';
import { localDay } from '../../time/zone.js';
import type { CommandContext } from '../../types.js';
import { fetchList } from '../list.js';
import { HABIT_CELLS } from './cells.js';

type Row = Record<string, unknown>;

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
    cells: HABIT_CELLS,
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
