import { dayOf } from '../compute/calendar.js';
import { type HabitFigures, type HabitInput, habitFigures, MARK_LETTERS } from '../compute/habits.js';
import type { Period } from '../compute/period.js';

/** Day outcomes of one habit: what every insight is counted from. */
export interface HabitSeries {
  habit: HabitInput;
  /** The report's figures for the analysed days as of today (streaks, at risk, strength). */
  figures: HabitFigures;
  weekly: boolean;
  /** Day number of outcome[0]. */
  first: number;
  /** Per day: 1 done, 0 due and not done, −1 not counted (not due, skipped, before the start, today). */
  outcome: Int8Array;
}

const DONE = MARK_LETTERS.done.charCodeAt(0);
const MISSED = MARK_LETTERS.missed.charCodeAt(0);
const OPEN = MARK_LETTERS.open.charCodeAt(0);

/**
 * Every habit's outcome per day of `range` from the report's own day marks (compute/habits.ts), so the due rules,
 * skips and start dates are exactly the reports'. Daily and custom-days habits: a due day is done or missed, a
 * skipped or non-due day does not count; an archived habit counts up to its last record. Weekly-target habits have no due days: every day of theirs that is not
 * skipped counts, done when checked (their rate is the share of days checked). Today never counts: it is not over.
 */
export function habitSeries(
  habit: HabitInput,
  checks: readonly string[],
  skips: readonly string[],
  range: Period,
  today: number,
  weekStart: number,
): HabitSeries {
  const figures = habitFigures(habit, checks, skips, range, today, weekStart);
  const marks = figures.marks;
  const outcome = new Int8Array(marks.length);
  // The API does not say when a habit was archived: its last check or skip ends it (later days are not misses).
  const end = habit.status === 'archived' ? Math.min(today, lastRecord(checks, skips) + 1) : today;
  for (let i = 0; i < marks.length; i++) {
    const c = marks.charCodeAt(i);
    outcome[i] = range.from + i >= end ? -1 : c === DONE ? 1 : c === MISSED || c === OPEN ? 0 : -1;
  }
  return { habit, figures, weekly: habit.frequency === 'weekly', first: range.from, outcome };
}

function lastRecord(checks: readonly string[], skips: readonly string[]): number {
  let last = '';
  for (const d of checks) if (d > last) last = d;
  for (const d of skips) if (d > last) last = d;
  return last === '' ? Number.NEGATIVE_INFINITY : dayOf(last);
}

/** Done and counted days of a series within [from, to]. */
export function countDays(s: HabitSeries, from: number, to: number): { done: number; days: number } {
  let done = 0;
  let days = 0;
  const lo = Math.max(0, from - s.first);
  const hi = Math.min(s.outcome.length - 1, to - s.first);
  for (let i = lo; i <= hi; i++) {
    const o = s.outcome[i]!;
    if (o >= 0) {
      days++;
      done += o;
    }
  }
  return { done, days };
}
