import type { Period } from '../compute/period.js';
import type { HabitSeries } from './series.js';
import { benjaminiHochberg, fisherExact, phi, type Table2x2 } from './stats.js';

/** Fewest days both habits must count on before their pair is tested. */
export const MIN_PAIR_DAYS = 20;
/** The false discovery rate findings are held to. */
export const FDR = 0.05;
/** Pairs are tested among at most this many habits (those with the most counted days): 4,950 pairs. */
export const MAX_PAIR_HABITS = 100;
/**
 * Tables whose χ² = n·φ² is below this (χ² p ≈ 0.16) cannot reach p ≤ 0.05 by Fisher's test at n ≥ 20: they count
 * as tested, but their exact p is not computed. BH's q of a pair with q ≤ 0.05 depends only on m and the p-values
 * ≤ 0.05, so the listed findings are exactly those of the full computation.
 */
export const SCREEN_CHI2 = 2;

export interface PairFinding {
  a: { id: number; name: string };
  b: { id: number; name: string };
  /** Days both counted: a = both done, b = first only, c = second only, d = neither. */
  table: Table2x2;
  n: number;
  phi: number;
  p: number;
  /** Benjamini–Hochberg adjusted p over every tested pair. */
  q: number;
  /** The second habit's rate on days the first was done, and on days it was not. */
  rate_with: number;
  rate_without: number;
}

export interface PairsResult {
  /** Pairs with enough shared days and some variation in both habits: the m of the correction. */
  tested: number;
  /** Habits the pairs were drawn from, and how many had counted days (more than MAX_PAIR_HABITS: capped). */
  habits_paired: number;
  habits_counted: number;
  /** Pairs of habits that existed together but share too few counted days to test. */
  too_few_days: number;
  /** Tested pairs with q ≤ FDR, strongest evidence first. */
  significant: PairFinding[];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Habit ↔ habit co-occurrence over `period`: for every pair, the days both counted (due, not skipped) as a 2×2
 * table of done/not done, its phi coefficient and Fisher's exact p; Benjamini–Hochberg over all tested pairs, and
 * only q ≤ 0.05 reported. Past MAX_PAIR_HABITS habits, the most-tracked ones are paired. Days are bitsets (one bit a day), so a pair costs a few popcounts per 32 days.
 */
export function habitPairs(series: readonly HabitSeries[], period: Period): PairsResult {
  const days = Math.max(0, period.to - period.from + 1);
  const words = Math.ceil(days / 32);
  let counted: Uint32Array[] = [];
  let done: Uint32Array[] = [];
  let keep: HabitSeries[] = [];
  const sizes: number[] = [];
  for (const s of series) {
    const e = new Uint32Array(words);
    const d = new Uint32Array(words);
    let n = 0;
    for (let k = 0; k < days; k++) {
      const i = period.from + k - s.first;
      const o = i >= 0 && i < s.outcome.length ? s.outcome[i]! : -1;
      if (o < 0) continue;
      n++;
      e[k >>> 5]! |= 1 << (k & 31);
      if (o === 1) d[k >>> 5]! |= 1 << (k & 31);
    }
    if (n === 0) continue;
    keep.push(s);
    counted.push(e);
    done.push(d);
    sizes.push(n);
  }
  const habitsCounted = keep.length;
  if (keep.length > MAX_PAIR_HABITS) {
    // The most-tracked habits, ties by id; the rest can be chosen with --habit.
    const order = keep
      .map((_, i) => i)
      .sort((i, j) => sizes[j]! - sizes[i]! || keep[i]!.habit.id - keep[j]!.habit.id)
      .slice(0, MAX_PAIR_HABITS)
      .sort((i, j) => i - j);
    keep = order.map((i) => keep[i]!);
    counted = order.map((i) => counted[i]!);
    done = order.map((i) => done[i]!);
  }
  const tables: { i: number; j: number; t: Table2x2; p: number }[] = [];
  let tooFew = 0;
  for (let i = 0; i < keep.length; i++) {
    const ei = counted[i]!;
    const di = done[i]!;
    for (let j = i + 1; j < keep.length; j++) {
      const ej = counted[j]!;
      const dj = done[j]!;
      let n = 0;
      let both = 0;
      let first = 0;
      let second = 0;
      for (let w = 0; w < words; w++) {
        const shared = ei[w]! & ej[w]!;
        if (shared === 0) continue;
        n += popcount(shared);
        both += popcount(di[w]! & dj[w]!);
        first += popcount(di[w]! & ej[w]!);
        second += popcount(ei[w]! & dj[w]!);
      }
      if (n === 0) continue;
      if (n < MIN_PAIR_DAYS) {
        tooFew++;
        continue;
      }
      const t = { a: both, b: first - both, c: second - both, d: n - first - second + both };
      // A habit always (or never) done on the shared days has no co-occurrence to measure.
      if (first === 0 || first === n || second === 0 || second === n) continue;
      const f = phi(t)!;
      tables.push({ i, j, t, p: n * f * f < SCREEN_CHI2 ? 1 : fisherExact(t) });
    }
  }
  const q = benjaminiHochberg(tables.map((x) => x.p));
  const significant: PairFinding[] = [];
  tables.forEach((x, k) => {
    if (q[k]! > FDR) return;
    const { a, b, c, d } = x.t;
    significant.push({
      a: { id: keep[x.i]!.habit.id, name: keep[x.i]!.habit.name },
      b: { id: keep[x.j]!.habit.id, name: keep[x.j]!.habit.name },
      table: x.t,
      n: a + b + c + d,
      phi: phi(x.t)!,
      p: x.p,
      q: q[k]!,
      rate_with: a / (a + b),
      rate_without: c / (c + d),
    });
  });
  significant.sort((x, y) => x.q - y.q || Math.abs(y.phi) - Math.abs(x.phi));
  return {
    tested: tables.length,
    habits_paired: keep.length,
    habits_counted: habitsCounted,
    too_few_days: tooFew,
    significant,
  };
}
