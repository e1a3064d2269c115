import { type FocusInput, splitSession } from '../compute/focus.js';
import type { Period } from '../compute/period.js';
import { FDR } from './pairs.js';
import type { HabitSeries } from './series.js';
import { benjaminiHochberg, permutationPValue, pointBiserial } from './stats.js';

/** Fewest counted days, and fewest in each group (done / not done), before a habit is tested against focus. */
export const MIN_FOCUS_DAYS = 20;
export const MIN_FOCUS_GROUP = 5;
/** Most permutations per test (more when many habits are tested); the sequential rule stops after PERMUTATION_HITS exceedances. */
export const MAX_PERMUTATIONS = 1999;
export const PERMUTATION_HITS = 10;
/**
 * Habits whose |t| = |r|·√((n − 2) ÷ (1 − r²)) is below this (two-sided p ≈ 0.23) cannot reach p ≤ 0.05: they count
 * as tested without permutations (as in pairs.ts, the findings are unchanged).
 */
export const SCREEN_T = 1.2;

export interface FocusFinding {
  habit: { id: number; name: string };
  n: number;
  done_days: number;
  /** Mean focus minutes on days the habit was done, and on the other counted days. */
  minutes_done: number;
  minutes_not_done: number;
  r: number;
  p: number;
  q: number;
  permutations: number;
}

export interface FocusResult {
  tested: number;
  /** Day from which focus minutes count (the first focused day), or null without any focus. */
  since: string | null;
  seed: number;
  significant: FocusFinding[];
}

/** Focused minutes per local day of `period` from completed sessions (split over the days they span). */
export function focusMinutesPerDay(
  sessions: readonly FocusInput[],
  period: Period,
  zone: string,
  dayStartsAt: number,
): { minutes: Float64Array; firstDay: number | null } {
  const minutes = new Float64Array(Math.max(0, period.to - period.from + 1));
  let firstDay: number | null = null;
  for (const s of sessions) {
    if (s.status !== 'completed') continue;
    for (const piece of splitSession(s, zone, dayStartsAt)) {
      if (piece.seconds <= 0) continue;
      if (firstDay === null || piece.day < firstDay) firstDay = piece.day;
      const i = piece.day - period.from;
      if (i >= 0 && i < minutes.length) minutes[i]! += piece.seconds / 60;
    }
  }
  return { minutes, firstDay };
}

/**
 * Habit ↔ focus minutes: per habit, over its counted days of `period` since the first focused day, the
 * point-biserial r between done and that day's focus minutes and a seeded two-sided permutation p-value
 * (each habit's stream seeded by seed + habit id); Benjamini–Hochberg over the habits tested.
 */
export function focusLinks(
  series: readonly HabitSeries[],
  perDay: { minutes: Float64Array; firstDay: number | null },
  period: Period,
  seed: number,
): FocusResult {
  const from = perDay.firstDay === null ? null : Math.max(period.from, perDay.firstDay);
  const candidates: { s: HabitSeries; flags: Uint8Array; y: Float64Array; r: number; t: number }[] = [];
  if (from !== null) {
    // Typed buffers reused across habits (a thousand-habit account builds millions of day entries here).
    const span = period.to - from + 1;
    const flagBuffer = new Uint8Array(span);
    const yBuffer = new Float64Array(span);
    for (const s of series) {
      let n = 0;
      let doneDays = 0;
      for (let d = from; d <= period.to; d++) {
        const i = d - s.first;
        const o = i >= 0 && i < s.outcome.length ? s.outcome[i]! : -1;
        if (o < 0) continue;
        flagBuffer[n] = o;
        yBuffer[n++] = perDay.minutes[d - period.from]!;
        doneDays += o;
      }
      if (n < MIN_FOCUS_DAYS || doneDays < MIN_FOCUS_GROUP || n - doneDays < MIN_FOCUS_GROUP) continue;
      const flags = flagBuffer.slice(0, n);
      const y = yBuffer.slice(0, n);
      const r = pointBiserial(flags, y);
      if (r === null) continue;
      candidates.push({
        s,
        flags,
        y,
        r,
        t: Math.abs(r) * Math.sqrt((y.length - 2) / Math.max(1e-12, 1 - r * r)),
      });
    }
  }
  // First pass: at most MAX_PERMUTATIONS shuffles each (the sequential rule ends null habits after a few dozen).
  const first = candidates.map(({ s, flags, y, t }) =>
    t < SCREEN_T
      ? { p: 1, permutations: 0 }
      : permutationPValue(flags, y, {
          seed: (seed + s.habit.id) | 0,
          max: MAX_PERMUTATIONS,
          hits: PERMUTATION_HITS,
        }),
  );
  // A habit no shuffle reached sits at the floor p = 1 ÷ (MAX + 1). BH keeps the s such habits only if that floor
  // is ≤ FDR·s ÷ m, so only when it is not (many habits tested, few strong links) are those s redrawn with more
  // shuffles, enough for twice that resolution. Sizing the redraw by s instead of by the worst case s = 1 keeps an
  // account with a thousand habits from drawing tens of thousands of shuffles for every strong link.
  const floor = 1 / (MAX_PERMUTATIONS + 1);
  const saturated = first.filter((r) => r.permutations === MAX_PERMUTATIONS && r.p === floor).length;
  const max =
    saturated === 0
      ? MAX_PERMUTATIONS
      : Math.max(MAX_PERMUTATIONS, Math.ceil((2 * candidates.length) / (FDR * saturated)) - 1);
  const tested: Omit<FocusFinding, 'q'>[] = candidates.map(({ s, flags, y, r }, k) => {
    const perm =
      max > MAX_PERMUTATIONS && first[k]!.permutations === MAX_PERMUTATIONS && first[k]!.p === floor
        ? permutationPValue(flags, y, { seed: (seed + s.habit.id) | 0, max, hits: PERMUTATION_HITS })
        : first[k]!;
    let doneDays = 0;
    for (const f of flags) doneDays += f;
    let sumDone = 0;
    let sumAll = 0;
    for (let k = 0; k < y.length; k++) {
      sumAll += y[k]!;
      if (flags[k]) sumDone += y[k]!;
    }
    return {
      habit: { id: s.habit.id, name: s.habit.name },
      n: y.length,
      done_days: doneDays,
      minutes_done: sumDone / doneDays,
      minutes_not_done: (sumAll - sumDone) / (y.length - doneDays),
      r,
      p: perm.p,
      permutations: perm.permutations,
    };
  });
  const q = benjaminiHochberg(tested.map((t) => t.p));
  const significant = tested
    .map((t, k) => ({ ...t, q: q[k]! }))
    .filter((t) => t.q <= FDR)
    .sort((a, b) => a.q - b.q || Math.abs(b.r) - Math.abs(a.r));
  return {
    tested: tested.length,
    since: from === null ? null : isoDay(from),
    seed,
    significant,
  };
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
