import type { Habit, HabitCheck, HabitSkip } from '@loggd/sdk';
import { dayOf, weekdayIndex, weekdayOf, weekStartOf } from './calendar.js';
import type { Account, HabitStats } from './types.js';
import { localDayOf } from './zone.js';

/*
 * Streak rules of the mock (the docs give none; these follow the report research's pitfalls):
 *
 * - Days are local calendar dates in the profile's timezone: a check counts on its `date`, never on its instant,
 *   so DST days (23 or 25 hours) are one day like any other.
 * - Due periods: a daily habit is due every day; a custom habit on its `custom_days` (a custom habit with no
 *   days listed is treated as daily); a weekly habit is due once per week, the week starting on the profile's
 *   `week_start_day`, and a week counts when it has ≥ `weekly_target` distinct checked days (target null → 1).
 * - A due day that is checked extends the streak; a skipped due day neither breaks nor extends it; an unchecked,
 *   unskipped due day breaks it. Checks on days that are not due are ignored. For weekly habits a week short of
 *   its target is neutral when checks + skipped days reach the target, and breaks the streak otherwise.
 * - Today (this week, for weekly habits) not yet done does not break the current streak: it is "at risk".
 * - `current_streak` counts consecutive counted periods (days, or weeks for weekly habits) ending today or at
 *   the last due period before today; `longest_streak` is the longest such run in the history (≥ current).
 * - Checks and skips dated after today are ignored. `checked_today` = a check dated today;
 *   `last_checked_at` = the latest `checked_at` among the counted checks, or null.
 */

const CHECKED = 1;
const SKIPPED = 2;

/** What the streak rules need of a habit. */
export type StreakHabit = Pick<Habit, 'frequency' | 'custom_days' | 'weekly_target'>;

/**
 * Streak fields of a habit from its checks and skips (any order), `today` being the local day number and
 * `weekStart` the weekday index (0 = monday) weeks start on. Pure.
 */
export function computeHabitStats(
  habit: StreakHabit,
  checks: readonly HabitCheck[],
  skips: readonly HabitSkip[],
  today: number,
  weekStart: number,
): HabitStats {
  // Parse each date once; compare instants only on the latest checked day (comparing concatenated strings
  // flattens them, which costs memory on a million checks).
  const checkDays = new Int32Array(checks.length);
  let first = today + 1;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < checks.length; i++) {
    const d = dayOf(checks[i]!.date);
    checkDays[i] = d;
    if (d > today) continue;
    if (d < first) first = d;
    if (d > lastDay) lastDay = d;
  }
  let lastCheckedAt: string | null = null;
  for (let i = 0; i < checks.length; i++) {
    if (checkDays[i] !== lastDay) continue;
    const at = checks[i]!.checked_at;
    if (lastCheckedAt === null || at > lastCheckedAt) lastCheckedAt = at;
  }
  const skipDays = new Int32Array(skips.length);
  for (let i = 0; i < skips.length; i++) {
    const d = dayOf(skips[i]!.date);
    skipDays[i] = d;
    if (d <= today && d < first) first = d;
  }
  if (first > today) {
    return { current_streak: 0, longest_streak: 0, checked_today: false, last_checked_at: null };
  }
  const marks = new Uint8Array(today - first + 1);
  for (const d of checkDays) if (d <= today) marks[d - first]! |= CHECKED;
  for (const d of skipDays) if (d <= today && d >= first) marks[d - first]! |= SKIPPED;
  const checkedToday = lastDay === today;
  const runs =
    habit.frequency === 'weekly'
      ? weeklyRuns(marks, first, today, weekStart, habit.weekly_target ?? 1)
      : dailyRuns(marks, first, today, dueWeekdays(habit));
  return {
    current_streak: runs.current,
    longest_streak: runs.longest,
    checked_today: checkedToday,
    last_checked_at: lastCheckedAt,
  };
}

function dueWeekdays(habit: StreakHabit): boolean[] {
  const due = [true, true, true, true, true, true, true];
  if (habit.frequency !== 'custom' || !habit.custom_days || habit.custom_days.length === 0) return due;
  due.fill(false);
  for (const name of habit.custom_days) {
    const i = weekdayIndex(name.toLowerCase());
    if (i >= 0) due[i] = true;
  }
  return due;
}

function dailyRuns(marks: Uint8Array, first: number, today: number, due: boolean[]) {
  let run = 0;
  let longest = 0;
  for (let d = first; d <= today; d++) {
    if (!due[weekdayOf(d)]) continue;
    const m = marks[d - first]!;
    if (m & CHECKED) {
      run++;
      if (run > longest) longest = run;
    } else if (!(m & SKIPPED) && d !== today) {
      run = 0;
    }
  }
  return { current: run, longest };
}

function weeklyRuns(marks: Uint8Array, first: number, today: number, weekStart: number, target: number) {
  let run = 0;
  let longest = 0;
  const thisWeek = weekStartOf(today, weekStart);
  for (let w = weekStartOf(first, weekStart); w <= thisWeek; w += 7) {
    let checked = 0;
    let skipped = 0;
    for (let d = Math.max(w, first); d < w + 7 && d <= today; d++) {
      const m = marks[d - first]!;
      if (m & CHECKED) checked++;
      else if (m & SKIPPED) skipped++;
    }
    if (checked >= target) {
      run++;
      if (run > longest) longest = run;
    } else if (checked + skipped < target && w !== thisWeek) {
      run = 0;
    }
  }
  return { current: run, longest };
}

/**
 * Recompute a habit's `current_streak`, `longest_streak`, `checked_today` and `last_checked_at` from the
 * account's checks and skips at instant `now`, in the profile's timezone and week start. Pure: returns the
 * fields (assign them onto the habit); throws if the habit is not the account's.
 *
 * @example Object.assign(habit, recomputeHabitStats(account, habit.id, clock.now()))
 */
export function recomputeHabitStats(account: Account, habitId: number, now: Date | number): HabitStats {
  const habit = account.habits.find((h) => h.id === habitId);
  if (!habit) throw new Error(`Habit ${habitId} does not belong to user ${account.userId}`);
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const today = localDayOf(nowMs, account.profile.timezone);
  const weekStart = Math.max(0, weekdayIndex(account.profile.week_start_day));
  return computeHabitStats(
    habit,
    account.checks.get(habitId) ?? [],
    account.skips.get(habitId) ?? [],
    today,
    weekStart,
  );
}
