import { isoOf } from '../compute/calendar.js';
import { timeOfDay } from './habit-patterns.js';
import type { HabitSeries } from './series.js';

/** Weeks of check times the usual time is read from. */
export const USUAL_TIME_WEEKS = 8;

export interface AtRisk {
  id: number;
  name: string;
  streak: number;
  unit: 'day' | 'week';
  /** 75th percentile of the recent check times (null with too few): "usually done by". */
  usually_by: string | null;
}

/**
 * Habits whose streak is alive but hangs on today (this week for weekly targets): due, not yet done, with a
 * current streak. Longest streak first (weeks weigh 7 days); the usual time comes from the last weeks' checks.
 */
export function atRiskToday(
  series: readonly HabitSeries[],
  checks: ReadonlyMap<number, readonly string[]>,
  times: ReadonlyMap<number, readonly string[]> | undefined,
  today: number,
  zone: string,
  dayStartsAt: number,
): AtRisk[] {
  const from = isoOf(today - USUAL_TIME_WEEKS * 7);
  const to = isoOf(today - 1);
  return series
    .filter((s) => s.figures.at_risk && s.figures.current_streak > 0 && s.habit.status !== 'archived')
    .map((s) => ({
      id: s.habit.id,
      name: s.habit.name,
      streak: s.figures.current_streak,
      unit: s.figures.streak_unit,
      usually_by: timeOfDay(checks.get(s.habit.id) ?? [], times?.get(s.habit.id), from, to, zone, dayStartsAt)
        .usually_by,
    }))
    .sort((a, b) => b.streak * (b.unit === 'week' ? 7 : 1) - a.streak * (a.unit === 'week' ? 7 : 1));
}
