/*
 * The statistics behind `loggd insights`: small, dependency-free and exact enough to match scipy/statsmodels to
 * 1e-9 on the tests' reference values (test/insights-stats.test.ts). Every function is pure.
 */

/** The normal quantile of 0.975: two-sided 95 % intervals. */
export const Z95 = 1.959963984540054;

/** A proportion with its interval. */
export interface Interval {
  estimate: number;
  lo: number;
  hi: number;
}

/**
 * Wilson's score interval for k successes in n trials (better than the textbook p ± z·√(p(1−p)/n) near 0, 1 and
 * for small n). `wilson(7, 10)` → 0.70 [0.3968, 0.8922].
 */
export function wilson(k: number, n: number, z = Z95): Interval {
  if (n <= 0) return { estimate: Number.NaN, lo: 0, hi: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n)) || 0;
  return { estimate: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

/**
 * The difference of two proportions k1/n1 − k2/n2 with Newcombe's hybrid score interval (method 10 of Newcombe
 * 1998, built from the two Wilson intervals). Newcombe's own example: 56/70 − 48/80 = 0.20 [0.0524, 0.3339].
 */
export function proportionDifference(k1: number, n1: number, k2: number, n2: number, z = Z95): Interval {
  const a = wilson(k1, n1, z);
  const b = wilson(k2, n2, z);
  const d = a.estimate - b.estimate;
  const lo = d - Math.sqrt((a.estimate - a.lo) ** 2 + (b.hi - b.estimate) ** 2);
  const hi = d + Math.sqrt((a.hi - a.estimate) ** 2 + (b.estimate - b.lo) ** 2);
  return { estimate: d, lo, hi };
}

/** A 2×2 table: a = both, b = first only, c = second only, d = neither. */
export interface Table2x2 {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** The phi coefficient of a 2×2 table (Pearson's r of two 0/1 variables); null when a margin is empty. */
export function phi({ a, b, c, d }: Table2x2): number | null {
  const denominator = Math.sqrt((a + b) * (c + d) * (a + c) * (b + d));
  return denominator === 0 ? null : (a * d - b * c) / denominator;
}

// ln(k!) for k = 0…, grown on demand: Fisher's test needs hundreds of thousands of them per run.
let logFactorials = new Float64Array([0, 0]);

function logFactorial(k: number): number {
  if (k >= logFactorials.length) {
    const grown = new Float64Array(Math.max(k + 1, logFactorials.length * 2));
    grown.set(logFactorials);
    for (let i = logFactorials.length; i < grown.length; i++) grown[i] = grown[i - 1]! + Math.log(i);
    logFactorials = grown;
  }
  return logFactorials[k]!;
}

/**
 * Fisher's exact test, two-sided, as scipy.stats.fisher_exact: the sum of the hypergeometric probabilities of
 * every table with the same margins that is no more likely than the observed one (relative tolerance 1e-7).
 * Walks outward from the observed table and from the matching point of the other tail, stopping once terms
 * vanish, so a table of 1,000 days costs tens of terms, not a thousand.
 */
export function fisherExact({ a, b, c, d }: Table2x2): number {
  const n = a + b + c + d;
  const r1 = a + b;
  const c1 = a + c;
  const lo = Math.max(0, r1 + c1 - n);
  const hi = Math.min(r1, c1);
  if (hi === lo) return 1;
  const constant =
    logFactorial(r1) + logFactorial(n - r1) + logFactorial(c1) + logFactorial(n - c1) - logFactorial(n);
  const logP = (x: number) =>
    constant - logFactorial(x) - logFactorial(r1 - x) - logFactorial(c1 - x) - logFactorial(n - r1 - c1 + x);
  const observed = logP(a);
  const bound = observed + Math.log1p(1e-7);
  // The distribution is unimodal around its mode: the tables no more likely than the observed one are two tails.
  const mode = Math.min(hi, Math.max(lo, Math.floor(((r1 + 1) * (c1 + 1)) / (n + 2))));
  const tail = (from: number, step: 1 | -1, end: number) => {
    let sum = 0;
    for (let x = from; step > 0 ? x <= end : x >= end; x += step) {
      const term = Math.exp(logP(x));
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return sum;
  };
  // The first table past the mode, on the other side, whose probability is ≤ the observed one (binary search).
  const crossing = (from: number, to: number, step: 1 | -1) => {
    let inside = from; // more likely than observed
    let outside = to + step; // sentinel past the end
    while (Math.abs(outside - inside) > 1) {
      const mid = Math.trunc((inside + outside) / 2);
      if (logP(mid) <= bound) outside = mid;
      else inside = mid;
    }
    return outside;
  };
  let total: number;
  if (a <= mode) {
    total = tail(a, -1, lo);
    const start = crossing(mode, hi, 1);
    if (start <= hi) total += tail(start, 1, hi);
    // Tables between the observed one and the mode that tie with it (a flat mode).
    for (let x = a + 1; x <= mode && logP(x) <= bound; x++) total += Math.exp(logP(x));
  } else {
    total = tail(a, 1, hi);
    const start = crossing(mode, lo, -1);
    if (start >= lo) total += tail(start, -1, lo);
    for (let x = a - 1; x >= mode && logP(x) <= bound; x--) total += Math.exp(logP(x));
  }
  return Math.min(1, total);
}

/**
 * Benjamini–Hochberg adjusted p-values (q-values): q(i) = min over j ≥ i of p(j)·m/j, p sorted ascending, capped at
 * 1; a finding with q ≤ α keeps the false discovery rate across all m tests at α.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = Array.from(pValues.keys()).sort((i, j) => pValues[i]! - pValues[j]!);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1]!;
    running = Math.min(running, (pValues[i]! * m) / rank);
    q[i] = running;
  }
  return q;
}

/**
 * The point-biserial correlation of a 0/1 variable with a number (Pearson's r with x ∈ {0, 1}): (M1 − M0) ÷ s ·
 * √(p·q), s the population standard deviation of y. Null without both groups or without variation in y.
 */
export function pointBiserial(flags: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = y.length;
  let n1 = 0;
  let sum1 = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    sum += v;
    sumSq += v * v;
    if (flags[i]) {
      n1++;
      sum1 += v;
    }
  }
  const n0 = n - n1;
  if (n1 === 0 || n0 === 0) return null;
  const mean = sum / n;
  const variance = sumSq / n - mean * mean;
  if (variance <= 0) return null;
  const m1 = sum1 / n1;
  const m0 = (sum - sum1) / n0;
  return ((m1 - m0) / Math.sqrt(variance)) * Math.sqrt((n1 / n) * (n0 / n));
}

/** mulberry32: a tiny seeded generator, so a permutation p-value is the same on every run with the same seed. */
export function seededRandom(seed: number): () => number {
  let state = Math.imul((seed | 0) ^ 0x5bd1e995, 0x9e3779b1) | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PermutationResult {
  p: number;
  /** Permutations drawn (fewer than the maximum when the sequential rule stopped early). */
  permutations: number;
}

/**
 * Two-sided permutation p-value of the difference in mean y between the flagged and the other days: the flags are
 * shuffled (seeded), and a permutation counts when its |difference| is at least the observed one.
 * Besag & Clifford's sequential rule stops once `hits` permutations reached it (p = hits ÷ drawn): a clearly null
 * effect costs a few dozen shuffles; otherwise p = (1 + count) ÷ (1 + max) (Phipson & Smyth, never 0).
 */
export function permutationPValue(
  flags: ArrayLike<number>,
  y: ArrayLike<number>,
  options: { seed: number; max?: number; hits?: number },
): PermutationResult {
  const max = options.max ?? 1999;
  const hits = options.hits ?? 10;
  const n = y.length;
  const values = Float64Array.from(y);
  let n1 = 0;
  let total = 0;
  let sum1 = 0;
  for (let i = 0; i < n; i++) {
    total += values[i]!;
    if (flags[i]) {
      n1++;
      sum1 += values[i]!;
    }
  }
  if (n1 === 0 || n1 === n) return { p: 1, permutations: 0 };
  // |mean1 − mean0| is a monotone function of |sum1 − n1·mean|: compare sums of the first n1 shuffled values.
  const centre = (n1 * total) / n;
  const observed = Math.abs(sum1 - centre) * (1 - 1e-12);
  // seededRandom's mulberry32, inlined: the draw below is the hot loop of `loggd insights` on large accounts, and
  // the closure call cost a third of it. The stream is the same (the tests compare p-values with seededRandom's).
  let state = Math.imul((options.seed | 0) ^ 0x5bd1e995, 0x9e3779b1) | 0;
  const k = Math.min(n1, n - n1);
  const flip = k !== n1; // shuffling the smaller group is enough: sum of the rest = total − sum
  let count = 0;
  for (let drawn = 1; drawn <= max; drawn++) {
    let s = 0;
    // Partial Fisher–Yates: the first k slots become a uniform random k-subset.
    for (let i = 0; i < k; i++) {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const j = i + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (n - i));
      const v = values[j]!;
      values[j] = values[i]!;
      values[i] = v;
      s += v;
    }
    const s1 = flip ? total - s : s;
    if (Math.abs(s1 - centre) >= observed) {
      count++;
      if (count >= hits) return { p: count / drawn, permutations: drawn };
    }
  }
  return { p: (count + 1) / (max + 1), permutations: max };
}

/** An ordinary least-squares line y = intercept + slope·x with what its intervals need. */
export interface LineFit {
  n: number;
  slope: number;
  intercept: number;
  /** Mean of x, and Σ(x − x̄)². */
  xMean: number;
  sxx: number;
  /** The residual standard error √(Σ residual² ÷ (n − 2)). */
  s: number;
}

/** Least squares through (x, y) pairs; null with fewer than 3 points or all x equal. */
export function leastSquares(xs: readonly number[], ys: readonly number[]): LineFit | null {
  const n = xs.length;
  if (n < 3) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += xs[i]!;
    sy += ys[i]!;
  }
  const xMean = sx / n;
  const yMean = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i]! - xMean) ** 2;
    sxy += (xs[i]! - xMean) * (ys[i]! - yMean);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i]! - intercept - slope * xs[i]!) ** 2;
  return { n, slope, intercept, xMean, sxx, s: Math.sqrt(sse / (n - 2)) };
}

/**
 * Where the fitted line reaches `target` (x̂ = (target − intercept) ÷ slope) and the 95 % inverse-regression
 * (Fieller) interval: the x whose confidence band of the mean holds the target. lo/hi are null when the slope is
 * not clearly different from zero (the band never closes: the date cannot be bounded).
 */
export function inverseRegression(
  fit: LineFit,
  target: number,
): { x: number | null; lo: number | null; hi: number | null } {
  const x = fit.slope === 0 ? null : (target - fit.intercept) / fit.slope;
  const t = tQuantile(0.975, fit.n - 2);
  const g = (t * t * fit.s * fit.s) / fit.sxx;
  const a = fit.slope * fit.slope - g;
  if (a <= 0 || x === null) return { x, lo: null, hi: null };
  const d = target - (fit.intercept + fit.slope * fit.xMean);
  const c = d * d - (t * t * fit.s * fit.s) / fit.n;
  const root = Math.sqrt(Math.max(0, fit.slope * fit.slope * d * d - a * c));
  const u1 = (fit.slope * d - root) / a;
  const u2 = (fit.slope * d + root) / a;
  return { x, lo: fit.xMean + Math.min(u1, u2), hi: fit.xMean + Math.max(u1, u2) };
}

/** ln Γ(x) (Lanczos, g = 7): enough for the t distribution's constants. */
function logGamma(x: number): number {
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
    12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularized incomplete beta I_x(a, b) (continued fraction, modified Lentz). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const front =
    Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x)) / a;
  const tiny = 1e-300;
  let f = 1;
  let c = 1;
  let d = 0;
  for (let i = 0; i <= 400; i++) {
    const m = Math.floor(i / 2);
    const numerator =
      i === 0
        ? 1
        : i % 2 === 0
          ? (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
          : -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    const step = c * d;
    f *= step;
    if (Math.abs(1 - step) < 1e-15) break;
  }
  return front * (f - 1);
}

/** Student's t cumulative distribution with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** Student's t quantile (bisection on tCdf, to 1e-12). `tQuantile(0.975, 10)` → 2.2281. */
export function tQuantile(p: number, df: number): number {
  if (df <= 0) return Number.NaN;
  let lo = -1e3;
  let hi = 1e3;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The standard normal distribution function, Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …): a series of positive
 * terms, so no cancellation for the |x| ≤ 8 that intervals use.
 */
export function normalCdf(x: number): number {
  if (x < -8) return 0;
  if (x > 8) return 1;
  let term = x;
  let sum = x;
  for (let k = 1; k < 500 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
    term *= (x * x) / (2 * k + 1);
    sum += term;
  }
  return 0.5 + sum * (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI));
}

/** The standard normal quantile (bisection on normalCdf, to 1e-12). `normalQuantile(0.975)` → 1.95996. */
export function normalQuantile(p: number): number {
  let lo = -8;
  let hi = 8;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
