import { WEEK_DAYS } from '@loggd/sdk/constants';
import { dueToday, weekStart } from '../habits/due.js';
import { localDate } from '../time/zone.js';
import { days, maxDate, minDate } from './local-date.js';

/** A habit's state on one day: checked, skipped, expected but not done, or not expected. */
/** `pending`: due today and not done yet (the day is not over: `habits pending` and the reports say the same). */
export type DayStatus = 'done' | 'skipped' | 'missed' | 'pending' | 'not-due';

export interface HabitDay {
  date: string;
  weekday: string;
  status: DayStatus;
  /** Check-ins that day (habits allowing several checks may have more than one). */
  checks: number;
}

export interface HabitDayInput {
  habit: {
    frequency?: unknown;
    custom_days?: unknown;
    weekly_target?: unknown;
    status?: unknown;
    start_date?: string | null;
    created_at: string;
    /** Absent from the announcement's short habit: an archived habit without it runs to today. */
    updated_at?: string;
  };
  /** Dates (`YYYY-MM-DD`) of its checks and skips, any order. */
  checkDates: readonly string[];
  skipDates: readonly string[];
  /** Today in the profile's zone: the last day (nothing is missed in the future). */
  today: string;
  timeZone: string;
  weekStartDay: string;
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * One row per day from the habit's start (start_date, else its creation day) to today — or to its last update
 * when archived — clipped to from/to. A check wins over a skip. Daily habits are due every day, custom-days
 * habits on their days; a weekly-target habit's unchecked days are missed only in a week that ended below the
 * target (the current week can still be met, so its days are not-due).
 */
export function habitDays(input: HabitDayInput): HabitDay[] {
  const { habit } = input;
  const checks = new Map<string, number>();
  for (const d of input.checkDates) checks.set(d, (checks.get(d) ?? 0) + 1);
  const skips = new Set(input.skipDates);
  const start = maxDate(habit.start_date ?? localDate(habit.created_at, input.timeZone), input.from)!;
  const lastActive =
    habit.status === 'archived' && habit.updated_at
      ? localDate(habit.updated_at, input.timeZone)
      : input.today;
  const end = minDate(minDate(lastActive, input.today), input.to)!;
  if (start > end) return [];

  // A weekly habit without a target counts as once a week.
  const target =
    typeof habit.weekly_target === 'number' && habit.weekly_target > 0
      ? habit.weekly_target
      : habit.frequency === 'weekly'
        ? 1
        : 0;
  const currentWeek = weekStart({ date: input.today, weekday: weekdayOf(input.today) }, input.weekStartDay);
  const perWeek = new Map<string, number>();
  if (target > 0) {
    for (const [date, n] of checks) {
      const w = weekStart({ date, weekday: weekdayOf(date) }, input.weekStartDay);
      perWeek.set(w, (perWeek.get(w) ?? 0) + n);
    }
  }

  const out: HabitDay[] = [];
  for (const day of days(start, end)) {
    const n = checks.get(day.date) ?? 0;
    let status: DayStatus;
    if (n > 0) status = 'done';
    else if (skips.has(day.date)) status = 'skipped';
    else {
      const due = target > 0 ? 'weekly' : dueToday(habit, day);
      if (due === 'weekly') {
        const week = weekStart(day, input.weekStartDay);
        status = week < currentWeek && (perWeek.get(week) ?? 0) < target ? 'missed' : 'not-due';
      } else if (due !== 'due') status = 'not-due';
      else status = day.date === input.today ? 'pending' : 'missed';
    }
    out.push({ date: day.date, weekday: day.weekday, status, checks: n });
  }
  return out;
}

/** The weekday of a calendar date, by UTC arithmetic on the date itself. */
export function weekdayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // getUTCDay counts from sunday (0); WEEK_DAYS from monday.
  return WEEK_DAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!;
}
