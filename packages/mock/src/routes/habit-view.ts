import type { FullHabit as Habit, HabitCheck } from '@loggd/sdk';
import { dateInZone } from '../clock.js';
import { recomputeHabitStats } from '../data/streaks.js';
import type { Account, HabitStats } from '../data/types.js';

interface Cached {
  today: string;
  checks: readonly HabitCheck[] | undefined;
  status: string;
  view: Habit;
}

const cache = new WeakMap<Habit, Cached>();

/**
 * The habit as of the mock clock: `current_streak`, `checked_today` and `last_checked_at` follow the clock (a day
 * without a check breaks the streak), recomputed only when the user's local day or the checks change.
 */
export function habitView(habit: Habit, account: Account, nowMs: number): Habit {
  const today = dateInZone(nowMs, account.profile.timezone);
  const checks = account.checks.get(habit.id);
  const hit = cache.get(habit);
  if (
    hit &&
    hit.today === today &&
    hit.checks === checks &&
    hit.status === habit.status &&
    hit.view.updated_at === habit.updated_at
  ) {
    return hit.view;
  }
  const stats: HabitStats = recomputeHabitStats(account, habit.id, nowMs);
  const same =
    stats.current_streak === habit.current_streak &&
    stats.longest_streak === habit.longest_streak &&
    stats.checked_today === habit.checked_today &&
    stats.last_checked_at === habit.last_checked_at;
  const view = same ? habit : { ...habit, ...stats };
  cache.set(habit, { today, checks, status: habit.status, view });
  return view;
}
