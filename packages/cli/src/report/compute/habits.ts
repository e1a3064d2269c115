import { dayOf, isoOf, weekdayIndex, weekdayOf, weekStartOf } from './calendar.js';
import type { Period } from './period.js';

/** What the habit figures need of a habit (the API's `Habit` fits). */
export interface HabitInput {
  id: number;
  name: string;
  emoji?: string | null;
  status?: string;
  frequency: string;
  custom_days: readonly string[] | null;
  weekly_target: number | null;
  start_date: string | null;
}

/**
 * How a day looks in a habit's row: `done`, `skipped`, `missed` (due, not done, in the past), `at_risk` (today,
 * due, not yet done), `open` (a weekly-target habit's unchecked day: no single day is due), `not_due`
 * (custom-days habit), `before_start`, `future`.
 */
export type DayMark =
  | 'done'
  | 'skipped'
  | 'missed'
  | 'at_risk'
  | 'open'
  | 'not_due'
  | 'before_start'
  | 'future';

/**
 * A day's mark as one letter, for `marks` strings: one letter per day keeps a year of 1,000 habits a few hundred
 * kilobytes of JSON instead of an object per day.
 */
export const MARK_LETTERS = {
  done: 'd',
  skipped: 's',
  missed: 'm',
  at_risk: 'r',
  open: 'o',
  not_due: 'n',
  before_start: 'b',
  future: 'f',
} as const satisfies Record<DayMark, string>;

const MARK_OF_LETTER = new Map<string, DayMark>(
  Object.entries(MARK_LETTERS).map(([mark, letter]) => [letter, mark as DayMark]),
);

/** The marks of a `marks` string, in order (`dayMarks('dsr')` → `['done', 'skipped', 'at_risk']`). */
export function dayMarks(marks: string): DayMark[] {
  return Array.from(marks, (letter) => MARK_OF_LETTER.get(letter)!);
}

export interface HabitFigures {
  id: number;
  name: string;
  rule: string;
  streak_unit: 'day' | 'week';
  /** One letter per day of the range from its first day (MARK_LETTERS; decode with dayMarks). */
  marks: string;
  done: number;
  due: number;
  skipped: number;
  /** done ÷ due (skips excluded from due), null when nothing was due. */
  completion_rate: number | null;
  current_streak: number;
  longest_streak: number;
  /** Today (this week for weekly habits) is due and not yet done: the streak is not broken yet. */
  at_risk: boolean;
  /** Loop Habit Tracker's exponential score, 0…1, at the end of the range. */
  strength: number;
}

const CHECKED = 1;
const SKIPPED = 2;

/** The weekdays a daily or custom-days habit is due on (index 0 = monday); custom with no days is daily. */
export function dueWeekdays(habit: Pick<HabitInput, 'frequency' | 'custom_days'>): boolean[] {
  const due = [true, true, true, true, true, true, true];
  if (habit.frequency !== 'custom' || !habit.custom_days || habit.custom_days.length === 0) return due;
  due.fill(false);
  for (const name of habit.custom_days) {
    const i = weekdayIndex(name);
    if (i >= 0) due[i] = true;
  }
  return due;
}

/** The habit's rule in words: `daily`, `mon, wed, fri`, `3× per week`. */
export function habitRule(habit: Pick<HabitInput, 'frequency' | 'custom_days' | 'weekly_target'>): string {
  if (habit.frequency === 'weekly') return `${habit.weekly_target ?? 1}× per week`;
  const due = dueWeekdays(habit);
  if (due.every(Boolean)) return 'daily';
  const names = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  return names.filter((_, i) => due[i]).join(', ');
}

/**
 * Loop's frequency f = numerator ÷ denominator: 1/1 daily, k/7 for k custom days, target/7 weekly. Loop doubles
 * both when f < 1 so the rolling window spans two periods.
 */
export function loopFrequency(habit: Pick<HabitInput, 'frequency' | 'custom_days' | 'weekly_target'>): {
  numerator: number;
  denominator: number;
} {
  let numerator = 1;
  let denominator = 1;
  if (habit.frequency === 'weekly') {
    numerator = Math.max(1, habit.weekly_target ?? 1);
    denominator = 7;
  } else {
    const k = dueWeekdays(habit).filter(Boolean).length;
    if (k < 7) {
      numerator = k;
      denominator = 7;
    }
  }
  if (numerator / denominator < 1) return { numerator: numerator * 2, denominator: denominator * 2 };
  return { numerator, denominator };
}

interface History {
  /** Day number of marks[0]. */
  first: number;
  /** CHECKED | SKIPPED per day from the first record to the last. */
  marks: Uint8Array;
  firstRecord: number;
  /** Streaks and strength per (rule, as-of day): a review asks for the same ones several times. */
  derived: Map<string, { runs: { current: number; longest: number; atRisk: boolean }; strength: number }>;
}

// Reports compute several periods from the same histories: index each history once (keyed by its arrays).
const histories = new WeakMap<readonly string[], { skips: readonly string[]; history: History }>();

function historyOf(checkDates: readonly string[], skipDates: readonly string[]): History {
  const hit = histories.get(checkDates);
  if (hit && hit.skips === skipDates) return hit.history;
  const checks = new Int32Array(checkDates.length);
  const skips = new Int32Array(skipDates.length);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < checks.length; i++) {
    const n = dayOf(checkDates[i]!);
    checks[i] = n;
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  for (let i = 0; i < skips.length; i++) {
    const n = dayOf(skipDates[i]!);
    skips[i] = n;
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  const first = Number.isFinite(lo) ? lo : 0;
  const marks = new Uint8Array(Number.isFinite(lo) ? hi - lo + 1 : 0);
  for (const n of checks) marks[n - first]! |= CHECKED;
  for (const n of skips) marks[n - first]! |= SKIPPED;
  const history: History = { first, marks, firstRecord: lo, derived: new Map() };
  histories.set(checkDates, { skips: skipDates, history });
  return history;
}

/** Loop's decay per day: m = 0.5^(√f ÷ 13). */
export function strengthMultiplier(f: number): number {
  return 0.5 ** (Math.sqrt(f) / 13);
}

/**
 * Every figure of one habit over `range` from its checked and skipped dates (any order, `YYYY-MM-DD`): the
 * history before the range feeds the streaks and the strength. `today` is the profile's local day; days after
 * it are `future`, and the figures are "as of" min(range end, today).
 */
export function habitFigures(
  habit: HabitInput,
  checkDates: readonly string[],
  skipDates: readonly string[],
  range: Period,
  today: number,
  weekStart: number,
): HabitFigures {
  const asOf = Math.min(range.to, today);
  const startDay = habit.start_date ? dayOf(habit.start_date) : Number.POSITIVE_INFINITY;
  const history = historyOf(checkDates, skipDates);
  // Days before start_date hold no obligations; with no start_date the first record starts the habit.
  const begin = Number.isFinite(startDay) ? startDay : history.firstRecord;
  const { first, marks } = history;
  const last = first + marks.length - 1;
  // Records after the as-of day do not count yet.
  const at = (d: number) => (d < first || d > last || d > asOf ? 0 : marks[d - first]!);

  const weekly = habit.frequency === 'weekly';
  const due = dueWeekdays(habit);
  const target = Math.max(1, habit.weekly_target ?? 1);
  const days: HabitFigures['days'] = [];
  for (let d = range.from; d <= range.to; d++) {
    const m = at(d);
    let mark: DayMark;
    if (d > today) mark = 'future';
    else if (d < begin) mark = 'before_start';
    else if (!weekly && !due[weekdayOf(d)]) mark = 'not_due';
    else if (m & CHECKED) mark = 'done';
    else if (m & SKIPPED) mark = 'skipped';
    else if (weekly) mark = 'open';
    else mark = d === today ? 'at_risk' : 'missed';
    days.push({ date: isoOf(d), mark });
  }

  let done = 0;
  let dueCount = 0;
  let skipped = 0;
  if (weekly) {
    for (let w = weekStartOf(range.from, weekStart); w <= range.to; w += 7) {
      if (w < range.from || w > asOf || w + 6 < begin) continue;
      const { checked, skippedDays } = weekCounts(at, Math.max(w, begin), Math.min(w + 6, asOf));
      skipped += skippedDays;
      const current = w + 6 >= today;
      if (checked >= target) {
        done += target;
        dueCount += target;
      } else if (current) {
        done += checked;
        dueCount += checked;
      } else {
        done += checked;
        dueCount += Math.max(checked, target - skippedDays);
      }
    }
  } else {
    for (const { mark } of days) {
      if (mark === 'done') {
        done++;
        dueCount++;
      } else if (mark === 'missed') dueCount++;
      else if (mark === 'skipped') skipped++;
    }
  }

  const key = `${habit.frequency}|${habit.custom_days}|${target}|${begin}|${asOf}|${today}|${weekStart}`;
  let derived = history.derived.get(key);
  if (!derived) {
    derived = {
      runs: weekly
        ? weeklyRuns(at, begin, asOf, today, weekStart, target)
        : dailyRuns(at, begin, asOf, today, due),
      strength: loopStrength(habit, at, begin, asOf === today && !(at(today) & CHECKED) ? asOf - 1 : asOf),
    };
    history.derived.set(key, derived);
  }
  const { runs, strength } = derived;
  return {
    id: habit.id,
    name: habit.name,
    rule: habitRule(habit),
    streak_unit: weekly ? 'week' : 'day',
    days,
    done,
    due: dueCount,
    skipped,
    completion_rate: dueCount === 0 ? null : done / dueCount,
    current_streak: runs.current,
    longest_streak: runs.longest,
    at_risk: runs.atRisk,
    strength,
  };
}

function weekCounts(at: (d: number) => number, from: number, to: number) {
  let checked = 0;
  let skippedDays = 0;
  for (let d = from; d <= to; d++) {
    const m = at(d);
    if (m & CHECKED) checked++;
    else if (m & SKIPPED) skippedDays++;
  }
  return { checked, skippedDays };
}

// Streaks: a checked due day extends, a skipped one neither breaks nor extends, an unchecked past one breaks.
// Checks on days that are not due are ignored. Today unchecked is "at risk", not a break.
function dailyRuns(at: (d: number) => number, begin: number, asOf: number, today: number, due: boolean[]) {
  let run = 0;
  let longest = 0;
  let atRisk = false;
  if (!Number.isFinite(begin)) return { current: 0, longest: 0, atRisk: false };
  for (let d = begin; d <= asOf; d++) {
    if (!due[weekdayOf(d)]) continue;
    const m = at(d);
    if (m & CHECKED) {
      run++;
      if (run > longest) longest = run;
    } else if (m & SKIPPED) {
      // frozen
    } else if (d === today) {
      atRisk = true;
    } else {
      run = 0;
    }
  }
  return { current: run, longest, atRisk };
}

// Weekly-target habits count weeks: a week with ≥ target checked days extends; one short of the target is
// neutral when checks + skips reach it, and breaks otherwise; this week is at risk until it reaches the target.
function weeklyRuns(
  at: (d: number) => number,
  begin: number,
  asOf: number,
  today: number,
  weekStart: number,
  target: number,
) {
  let run = 0;
  let longest = 0;
  let atRisk = false;
  if (!Number.isFinite(begin)) return { current: 0, longest: 0, atRisk: false };
  const lastWeek = weekStartOf(asOf, weekStart);
  for (let w = weekStartOf(begin, weekStart); w <= lastWeek; w += 7) {
    const { checked, skippedDays } = weekCounts(at, Math.max(w, begin), Math.min(w + 6, asOf));
    if (checked >= target) {
      run++;
      if (run > longest) longest = run;
    } else if (w + 6 >= today) {
      atRisk = true;
    } else if (checked + skippedDays < target) {
      run = 0;
    }
  }
  return { current: run, longest, atRisk };
}

/**
 * Loop's habit strength from `begin` through `end`: score = score·m + p·(1−m) each day, p = min(1, checks in the
 * last `denominator` days ÷ numerator); a skipped day leaves the score unchanged.
 */
function loopStrength(habit: HabitInput, at: (d: number) => number, begin: number, end: number): number {
  if (!Number.isFinite(begin)) return 0;
  const { numerator, denominator } = loopFrequency(habit);
  const m = strengthMultiplier(numerator / denominator);
  let score = 0;
  let window = 0;
  for (let d = begin; d <= end; d++) {
    const mark = at(d);
    if (mark & CHECKED) window++;
    if (d - denominator >= begin && at(d - denominator) & CHECKED) window--;
    if (mark & SKIPPED && !(mark & CHECKED)) continue;
    score = score * m + Math.min(1, window / numerator) * (1 - m);
  }
  return score;
}

/** All habits combined for a heatmap: per day, done ÷ due across habits (null when nothing was due). */
export function combinedDays(
  figures: readonly HabitFigures[],
): { date: string; done: number; due: number }[] {
  const out: { date: string; done: number; due: number }[] = [];
  if (figures.length === 0) return out;
  const n = figures[0]!.days.length;
  for (let i = 0; i < n; i++) {
    let done = 0;
    let due = 0;
    for (const f of figures) {
      const mark = f.days[i]!.mark;
      if (mark === 'done') {
        done++;
        due++;
      } else if (mark === 'missed') due++;
    }
    out.push({ date: figures[0]!.days[i]!.date, done, due });
  }
  return out;
}
