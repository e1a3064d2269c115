import { instantOf } from '../../time/instant.js';
import { localMinuteOfInstant } from '../../time/zone.js';
import { isoOf, WEEKDAYS, weekdayOf, weekStartOf } from '../compute/calendar.js';
import type { Period } from '../compute/period.js';
import { countDays, type HabitSeries } from './series.js';
import { type Interval, normalQuantile, proportionDifference, wilson } from './stats.js';

/** Fewest counted days a weekday needs before it may be called best or worst. */
export const MIN_DAYS_PER_WEEKDAY = 5;
/** Fewest counted days each trend window needs. */
export const MIN_TREND_DAYS = 7;
/** Fewest checks a time-of-day figure needs. */
export const MIN_CHECK_TIMES = 5;
/** The trend compares the last RECENT_WEEKS profile weeks (this one up to yesterday) with the BASELINE_WEEKS before. */
export const RECENT_WEEKS = 4;
export const BASELINE_WEEKS = 12;

export interface WeekdayRate {
  weekday: string;
  done: number;
  days: number;
  rate: number | null;
  /** 95 % Wilson interval of the rate. */
  ci: [number, number] | null;
}

export interface WeekdayFinding {
  /** Weekdays in the profile's week order. */
  weekdays: WeekdayRate[];
  best: string | null;
  worst: string | null;
  /** best − worst rate with Newcombe's interval, widened (Bonferroni) for the weekday pairs one could pick. */
  difference: { estimate: number; ci: [number, number]; confidence: number; clear: boolean } | null;
  /** Why there is no comparison, when there is none. */
  limit: string | null;
}

export interface TimeOfDay {
  checks: number;
  /** Share of checks per part of the day (wall clock). */
  parts: { part: string; from: string; to: string; checks: number; share: number }[];
  median: string | null;
  /** 75th percentile of the check time, counted from the day start: "usually done by". */
  usually_by: string | null;
}

export interface TrendFinding {
  recent: { from: string; to: string; done: number; days: number; rate: number | null };
  previous: { from: string; to: string; done: number; days: number; rate: number | null };
  /** recent − previous with Newcombe's 95 % interval. */
  /** With a Bonferroni-widened interval over the habits analysed (`confidence`). */
  change: { estimate: number; ci: [number, number]; confidence: number } | null;
  direction: 'up' | 'down' | 'steady' | null;
  limit: string | null;
}

const ci = (i: Interval): [number, number] => [i.lo, i.hi];

/**
 * Completion per weekday over `period` (profile week order), the best and the worst weekday and their difference.
 * Picking the extremes after looking is a multiple comparison: the interval uses z for a Bonferroni share of 5 %
 * over the k(k−1)/2 pairs of the habit's k weekdays times the habits analysed, so "clear" survives that choice.
 */
export function weekdayFinding(
  s: HabitSeries,
  period: Period,
  weekStart: number,
  habits = 1,
): WeekdayFinding {
  const done = new Array<number>(7).fill(0);
  const days = new Array<number>(7).fill(0);
  const lo = Math.max(0, period.from - s.first);
  const hi = Math.min(s.outcome.length - 1, period.to - s.first);
  let wd = weekdayOf(s.first + lo);
  for (let i = lo; i <= hi; i++, wd = wd === 6 ? 0 : wd + 1) {
    const o = s.outcome[i]!;
    if (o < 0) continue;
    days[wd]!++;
    done[wd]! += o;
  }
  const order = Array.from({ length: 7 }, (_, k) => (weekStart + k) % 7);
  const weekdays = order.map((w) => ({
    weekday: WEEKDAYS[w]!,
    done: done[w]!,
    days: days[w]!,
    rate: days[w]! === 0 ? null : done[w]! / days[w]!,
    ci: days[w]! === 0 ? null : ci(wilson(done[w]!, days[w]!)),
  }));
  const counted = order.filter((w) => days[w]! > 0);
  const enough = counted.filter((w) => days[w]! >= MIN_DAYS_PER_WEEKDAY);
  const none = { weekdays, best: null, worst: null, difference: null };
  if (counted.length < 2) return { ...none, limit: 'due on fewer than two weekdays' };
  if (enough.length < counted.length)
    return { ...none, limit: `fewer than ${MIN_DAYS_PER_WEEKDAY} counted days on some weekday` };
  const rate = (w: number) => done[w]! / days[w]!;
  const best = enough.reduce((a, b) => (rate(b) > rate(a) ? b : a));
  const worst = enough.reduce((a, b) => (rate(b) < rate(a) ? b : a));
  const pairs = (enough.length * (enough.length - 1)) / 2;
  const confidence = 1 - 0.05 / (pairs * habits);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const d = proportionDifference(done[best]!, days[best]!, done[worst]!, days[worst]!, z);
  return {
    weekdays,
    best: WEEKDAYS[best]!,
    worst: WEEKDAYS[worst]!,
    difference: { estimate: d.estimate, ci: ci(d), confidence, clear: best !== worst && d.lo > 0 },
    limit: null,
  };
}

const PARTS = [
  { part: 'night', from: 22 * 60, to: 5 * 60 },
  { part: 'morning', from: 5 * 60, to: 12 * 60 },
  { part: 'afternoon', from: 12 * 60, to: 17 * 60 },
  { part: 'evening', from: 17 * 60, to: 22 * 60 },
] as const;

/** `07:40` from minutes after midnight. */
export function clockText(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function partOf(minute: number): number {
  for (let i = 1; i < PARTS.length; i++) if (minute >= PARTS[i]!.from && minute < PARTS[i]!.to) return i;
  return 0;
}

/** The k-th smallest (0-based) of the minutes counted in `histogram` (one slot per minute of the day). */
function orderStatistic(histogram: Int32Array, k: number): number {
  let seen = 0;
  for (let m = 0; m < histogram.length; m++) {
    seen += histogram[m]!;
    if (seen > k) return m;
  }
  return histogram.length - 1;
}

/** The value at quantile q of the counted minutes (linear interpolation, as numpy's default). */
function quantile(histogram: Int32Array, n: number, q: number): number {
  const pos = (n - 1) * q;
  const i = Math.floor(pos);
  const a = orderStatistic(histogram, i);
  const b = orderStatistic(histogram, Math.min(n - 1, i + 1));
  return a + (b - a) * (pos - i);
}

// Minutes are whole: a histogram replaces sorting (a million checks cost one pass).
const histogram = new Int32Array(1440);

/**
 * When checks happen, from their checked_at instants in the profile's zone (wall clock, so a DST day is read as
 * lived): the share per part of the day, the median and the "usually done by" time (75th percentile). The
 * percentiles count minutes from the day start, so with days starting at 04:00 a 00:30 check is late, not early.
 * Only checks dated `fromDate`…`toDate` (ISO dates; `checks` and `times` are parallel arrays) are read.
 */
export function timeOfDay(
  checks: readonly string[],
  times: readonly string[] | undefined,
  fromDate: string,
  toDate: string,
  zone: string,
  dayStartsAt: number,
): TimeOfDay {
  const counts = [0, 0, 0, 0];
  histogram.fill(0);
  let n = 0;
  if (times) {
    for (let i = 0; i < checks.length; i++) {
      const date = checks[i]!;
      if (date < fromDate || date > toDate || !times[i]) continue;
      const ms = instantOf(times[i]!);
      if (Number.isNaN(ms)) continue;
      const minute = localMinuteOfInstant(ms, zone);
      counts[partOf(minute)]!++;
      histogram[(minute - dayStartsAt + 1440) % 1440]!++;
      n++;
    }
  }
  const at = (q: number) => (n < MIN_CHECK_TIMES ? null : clockText(quantile(histogram, n, q) + dayStartsAt));
  return {
    checks: n,
    parts: PARTS.map((p, i) => ({
      part: p.part,
      from: clockText(p.from),
      to: clockText(p.to),
      checks: counts[i]!,
      share: n === 0 ? 0 : counts[i]! / n,
    })),
    median: at(0.5),
    usually_by: at(0.75),
  };
}

/**
 * The rate of the last RECENT_WEEKS profile weeks (this week up to yesterday) against the BASELINE_WEEKS weeks
 * before, with Newcombe's interval of the change at a Bonferroni level over the `habits` analysed (95 % for one):
 * up or down only when it excludes 0.
 */
export function trendFinding(s: HabitSeries, today: number, weekStart: number, habits = 1): TrendFinding {
  const recentFrom = weekStartOf(today, weekStart) - (RECENT_WEEKS - 1) * 7;
  const previousFrom = recentFrom - BASELINE_WEEKS * 7;
  const r = countDays(s, recentFrom, today - 1);
  const p = countDays(s, previousFrom, recentFrom - 1);
  const window = (from: number, to: number, c: { done: number; days: number }) => ({
    from: isoOf(from),
    to: isoOf(to),
    ...c,
    rate: c.days === 0 ? null : c.done / c.days,
  });
  const base = {
    recent: window(recentFrom, today - 1, r),
    previous: window(previousFrom, recentFrom - 1, p),
  };
  if (r.days < MIN_TREND_DAYS || p.days < MIN_TREND_DAYS)
    return {
      ...base,
      change: null,
      direction: null,
      limit: `fewer than ${MIN_TREND_DAYS} counted days in the last ${RECENT_WEEKS} weeks or the ${BASELINE_WEEKS} before`,
    };
  const confidence = 1 - 0.05 / habits;
  const d = proportionDifference(r.done, r.days, p.done, p.days, normalQuantile(1 - (1 - confidence) / 2));
  return {
    ...base,
    change: { estimate: d.estimate, ci: ci(d), confidence },
    direction: d.lo > 0 ? 'up' : d.hi < 0 ? 'down' : 'steady',
    limit: null,
  };
}
