import { dayOf, isoOf, WEEKDAYS, weekdayIndex, weekdayOf, weekStartOf } from './calendar.js';
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
  return WEEKDAYS.filter((_, i) => due[i])
    .map((name) => name.slice(0, 3))
    .join(', ');
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
  derived: Map<string, Derived>;
  /** Checkpoints of the day-by-day pass per rule, so another as-of day resumes instead of starting over. */
  passes: Map<string, Checkpoint[]>;
}

/** The day pass's state after the days [begin, begin + k · CHECKPOINT_DAYS), at index k. */
interface Checkpoint {
  run: number;
  longest: number;
  score: number;
  window: number;
}

const CHECKPOINT_DAYS = 32;

interface Derived {
  current: number;
  longest: number;
  atRisk: boolean;
  strength: number;
}

// Reports compute several periods from the same histories: index each history once (keyed by its arrays).
const histories = new WeakMap<readonly string[], { skips: readonly string[]; history: History }>();

function historyOf(checkDates: readonly string[], skipDates: readonly string[]): History {
  const hit = histories.get(checkDates);
  if (hit && hit.skips === skipDates) return hit.history;
  // Each date is parsed once into a day number, then the marks array is sized from the lowest and highest day.
  // Plain locals in one function: a closure over the growing array kept them in a context V8 could not keep in
  // registers, and this loop runs once per check of the account (docs/performance.md).
  const nChecks = checkDates.length;
  const days = new Int32Array(nChecks + skipDates.length);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < days.length; i++) {
    const n = dayOf(i < nChecks ? checkDates[i]! : skipDates[i - nChecks]!);
    days[i] = n;
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  const found = days.length > 0;
  const marks = new Uint8Array(found ? hi - lo + 1 : 0);
  for (let i = 0; i < nChecks; i++) marks[days[i]! - lo]! |= CHECKED;
  for (let i = nChecks; i < days.length; i++) marks[days[i]! - lo]! |= SKIPPED;
  const history: History = {
    first: found ? lo : 0,
    marks,
    firstRecord: lo,
    derived: new Map(),
    passes: new Map(),
  };
  histories.set(checkDates, { skips: skipDates, history });
  return history;
}

/** CHECKED | SKIPPED of day `d`; 0 outside the history and after `asOf` (later records do not count yet). */
function bitsOn(h: History, d: number, asOf: number): number {
  const i = d - h.first;
  return d > asOf || i < 0 || i >= h.marks.length ? 0 : h.marks[i]!;
}

/** Loop's decay per day: m = 0.5^(√f ÷ 13). */
export function strengthMultiplier(f: number): number {
  return 0.5 ** (Math.sqrt(f) / 13);
}

const code = (mark: DayMark) => MARK_LETTERS[mark].charCodeAt(0);
const DONE = code('done');
const SKIP = code('skipped');
const MISSED = code('missed');
const AT_RISK = code('at_risk');
const OPEN = code('open');
const NOT_DUE = code('not_due');
const BEFORE_START = code('before_start');
const FUTURE = code('future');
const ascii = new TextDecoder('latin1');

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

  const weekly = habit.frequency === 'weekly';
  const due = dueWeekdays(habit);
  const target = Math.max(1, habit.weekly_target ?? 1);
  // One pass over the range: a letter per day, and the daily habits' counts on the way.
  const letters = new Uint8Array(Math.max(0, range.to - range.from + 1));
  let done = 0;
  let dueCount = 0;
  let skipped = 0;
  let wd = weekdayOf(range.from);
  for (let d = range.from, i = 0; d <= range.to; d++, i++, wd = wd === 6 ? 0 : wd + 1) {
    let letter: number;
    if (d > today) letter = FUTURE;
    else if (d < begin) letter = BEFORE_START;
    else if (!weekly && !due[wd]) letter = NOT_DUE;
    else {
      // d ≤ min(range end, today) here: no as-of check needed.
      const k = d - first;
      const m = k >= 0 && k < marks.length ? marks[k]! : 0;
      if (m & CHECKED) {
        letter = DONE;
        done++;
        dueCount++;
      } else if (m & SKIPPED) {
        letter = SKIP;
        skipped++;
      } else if (weekly) letter = OPEN;
      else if (d === today) letter = AT_RISK;
      else {
        letter = MISSED;
        dueCount++;
      }
    }
    letters[i] = letter;
  }

  if (weekly) {
    done = 0;
    dueCount = 0;
    skipped = 0;
    for (let w = weekStartOf(range.from, weekStart); w <= range.to; w += 7) {
      if (w < range.from || w > asOf || w + 6 < begin) continue;
      const { checked, skippedDays } = weekCounts(history, Math.max(w, begin), Math.min(w + 6, asOf), asOf);
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
  }

  const key = `${habit.frequency}|${habit.custom_days}|${target}|${begin}|${asOf}|${today}|${weekStart}`;
  let derived = history.derived.get(key);
  if (!derived) {
    derived = dayPass(habit, history, begin, asOf, today, weekly ? null : due);
    if (weekly) Object.assign(derived, weeklyRuns(history, begin, asOf, today, weekStart, target));
    history.derived.set(key, derived);
  }
  return {
    id: habit.id,
    name: habit.name,
    rule: habitRule(habit),
    streak_unit: weekly ? 'week' : 'day',
    marks: ascii.decode(letters),
    done,
    due: dueCount,
    skipped,
    completion_rate: dueCount === 0 ? null : done / dueCount,
    current_streak: derived.current,
    longest_streak: derived.longest,
    at_risk: derived.atRisk,
    strength: derived.strength,
  };
}

function weekCounts(h: History, from: number, to: number, asOf: number) {
  let checked = 0;
  let skippedDays = 0;
  for (let d = from; d <= to; d++) {
    const m = bitsOn(h, d, asOf);
    if (m & CHECKED) checked++;
    else if (m & SKIPPED) skippedDays++;
  }
  return { checked, skippedDays };
}

/**
 * One pass over a habit's days from `begin`: the daily streaks through `asOf` (`due` = the weekdays it is due
 * on; null for weekly-target habits, whose runs count weeks) and Loop's strength.
 *
 * Streaks: a checked due day extends, a skipped one neither breaks nor extends, an unchecked past one breaks.
 * Checks on days that are not due are ignored. Today unchecked is "at risk", not a break.
 *
 * Strength: score = score·m + p·(1−m) each day through yesterday when today is unchecked (else through asOf),
 * p = min(1, checks in the last `denominator` days ÷ numerator); a skipped day leaves the score unchanged.
 *
 * The state is kept every CHECKPOINT_DAYS days before today: a later call for an earlier or later as-of day
 * (the previous period of a review) resumes from the nearest one, so each habit's history is walked about once.
 */
function dayPass(
  habit: HabitInput,
  h: History,
  begin: number,
  asOf: number,
  today: number,
  due: boolean[] | null,
): Derived {
  if (!Number.isFinite(begin)) return { current: 0, longest: 0, atRisk: false, strength: 0 };
  const { first, marks } = h;
  const n = marks.length;
  // The due weekdays as a bit mask and the marks read inline: this loop runs once per day of every habit's
  // history (as many iterations as the account has checks), so it avoids a closure call and an optional chain.
  let dueMask = 0;
  if (due) for (let i = 0; i < 7; i++) if (due[i]) dueMask |= 1 << i;
  const end = asOf === today && !(bitsOn(h, today, asOf) & CHECKED) ? asOf - 1 : asOf;
  const { numerator, denominator } = loopFrequency(habit);
  const m = strengthMultiplier(numerator / denominator);
  const passKey = `${habit.frequency}|${habit.custom_days}|${habit.weekly_target}|${begin}`;
  let checkpoints = h.passes.get(passKey);
  if (!checkpoints) {
    checkpoints = [{ run: 0, longest: 0, score: 0, window: 0 }];
    h.passes.set(passKey, checkpoints);
  }
  // Resume after the last checkpointed day that is ≤ end and before today (days read so far are ≤ it).
  const usable = Math.floor((Math.min(end + 1, today) - begin) / CHECKPOINT_DAYS);
  const k = Math.max(0, Math.min(checkpoints.length - 1, usable));
  let { run, longest, score, window } = checkpoints[k]!;
  let atRisk = false;
  let nextCheckpoint = begin + (k + 1) * CHECKPOINT_DAYS - 1;
  let wd = weekdayOf(begin + k * CHECKPOINT_DAYS);
  for (let d = begin + k * CHECKPOINT_DAYS; d <= asOf; d++, wd = wd === 6 ? 0 : wd + 1) {
    const at = d - first;
    const mark = at >= 0 && at < n ? marks[at]! : 0;
    if ((dueMask >> wd) & 1) {
      if (mark & CHECKED) {
        run++;
        if (run > longest) longest = run;
      } else if (mark & SKIPPED) {
        // frozen
      } else if (d === today) {
        atRisk = true;
      } else {
        run = 0;
      }
    }
    if (d > end) continue;
    if (mark & CHECKED) window++;
    const back = at - denominator;
    if (d - denominator >= begin && back >= 0 && back < n && marks[back]! & CHECKED) window--;
    if (!(mark & SKIPPED && !(mark & CHECKED))) score = score * m + Math.min(1, window / numerator) * (1 - m);
    if (d === nextCheckpoint) {
      if (d < today && (d + 1 - begin) / CHECKPOINT_DAYS === checkpoints.length)
        checkpoints.push({ run, longest, score, window });
      nextCheckpoint += CHECKPOINT_DAYS;
    }
  }
  return due
    ? { current: run, longest, atRisk, strength: score }
    : { current: 0, longest: 0, atRisk: false, strength: score };
}

// Weekly-target habits count weeks: a week with ≥ target checked days extends; one short of the target is
// neutral when checks + skips reach it, and breaks otherwise; this week is at risk until it reaches the target.
function weeklyRuns(
  h: History,
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
    const { checked, skippedDays } = weekCounts(h, Math.max(w, begin), Math.min(w + 6, asOf), asOf);
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

/** Whether a habit's row in a range holds any day it existed on (not all before its start or in the future). */
export function touchesRange(f: Pick<HabitFigures, 'marks'>): boolean {
  for (let i = 0; i < f.marks.length; i++) {
    const c = f.marks.charCodeAt(i);
    if (c !== BEFORE_START && c !== FUTURE) return true;
  }
  return false;
}

/** All habits combined for a heatmap: per day of `range`, done ÷ due across habits (null when nothing was due). */
export function combinedDays(
  figures: readonly HabitFigures[],
  range: Period,
): { date: string; done: number; due: number }[] {
  if (figures.length === 0) return [];
  const n = figures[0]!.marks.length;
  const done = new Int32Array(n);
  const due = new Int32Array(n);
  for (const f of figures) {
    const marks = f.marks;
    for (let i = 0; i < n; i++) {
      const c = marks.charCodeAt(i);
      if (c === DONE) {
        done[i]!++;
        due[i]!++;
      } else if (c === MISSED) due[i]!++;
    }
  }
  return Array.from({ length: n }, (_, i) => ({ date: isoOf(range.from + i), done: done[i]!, due: due[i]! }));
}
