/**
 * Which habits are due today, in the profile's time zone (today itself comes from time/zone.ts localDay). Pure
 * functions on calendar dates (`YYYY-MM-DD`): day arithmetic goes through UTC midnights of those dates, so no time
 * zone or DST can shift a day.
 */

import { WEEK_DAYS, type WeekDay } from '@loggd/sdk/constants';

export interface LocalDay {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** Lower-case english weekday name, as the API spells `custom_days` and `week_start_day`. */
  weekday: string;
}

/** The first day of the week holding `day`, for a week starting on `weekStartDay` (default monday). */
export function weekStart(day: LocalDay, weekStartDay = 'monday'): string {
  const today = WEEK_DAYS.indexOf(day.weekday as WeekDay);
  const start = Math.max(0, WEEK_DAYS.indexOf(weekStartDay as WeekDay));
  const back = (today - start + 7) % 7;
  const [y, m, d] = day.date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - back)).toISOString().slice(0, 10);
}

export interface DueHabit {
  frequency?: unknown;
  custom_days?: unknown;
  weekly_target?: unknown;
}

/**
 * `due`: expected today (daily, or a custom-days habit on one of its days); `not_due`: a custom-days habit on
 * another day; `weekly`: a weekly-target habit, due while the week's checks are below the target (the caller
 * counts them). Unknown frequencies count as due: better a spurious reminder than a missed one.
 */
export function dueToday(habit: DueHabit, day: LocalDay): 'due' | 'not_due' | 'weekly' {
  if (typeof habit.weekly_target === 'number' && habit.weekly_target > 0) return 'weekly';
  if (Array.isArray(habit.custom_days) && habit.custom_days.length > 0) {
    return habit.custom_days.map((d) => String(d).toLowerCase()).includes(day.weekday) ? 'due' : 'not_due';
  }
  return 'due';
}
