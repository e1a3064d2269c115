import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCREEN_CHI2 } from '../src/report/insights/pairs.js';
import {
  benjaminiHochberg,
  fisherExact,
  inverseRegression,
  leastSquares,
  normalQuantile,
  permutationPValue,
  phi,
  pointBiserial,
  proportionDifference,
  seededRandom,
  tQuantile,
  wilson,
} from '../src/report/insights/stats.js';

// Reference values: hand-worked where the arithmetic is short, otherwise computed ONCE with scipy 1.17.1 /
// statsmodels 0.15.0 (Python 3.11) and written here; the call that produced each is named beside it. The tests
// need neither at run time.

describe('Wilson score interval', () => {
  it('matches statsmodels proportion_confint(k, n, method="wilson")', () => {
    const cases: [number, number, number, number][] = [
      [7, 10, 0.39677814746114537, 0.8922087325936989],
      [0, 10, 0.0, 0.27753279986288926],
      [10, 10, 0.7224672001371106, 1.0],
      [56, 70, 0.6918335550374695, 0.8769526075163705],
      [1, 3, 0.06149194472039626, 0.7923403991979523],
    ];
    for (const [k, n, lo, hi] of cases) {
      const w = wilson(k, n);
      expect(w.estimate).toBeCloseTo(k / n, 12);
      expect(w.lo).toBeCloseTo(lo, 10);
      expect(w.hi).toBeCloseTo(hi, 10);
    }
  });

  it('by hand: 0 of 4 gives [0, z²/(n+z²)]', () => {
    const z2 = 1.959963984540054 ** 2;
    expect(wilson(0, 4).hi).toBeCloseTo(z2 / (4 + z2), 12);
  });

  it('always holds the estimate and stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const k = Math.round(share * n);
          const w = wilson(k, n);
          return w.lo >= 0 && w.hi <= 1 && w.lo <= k / n + 1e-12 && w.hi >= k / n - 1e-12;
        },
      ),
    );
  });
});

describe('difference of proportions (Newcombe hybrid score)', () => {
  it('reproduces Newcombe (1998) and statsmodels confint_proportions_2indep(..., method="newcomb")', () => {
    const cases: [number, number, number, number, number, number][] = [
      // Newcombe's paper prints 0.0524 to 0.3339 for this one.
      [56, 70, 48, 80, 0.05243147240236498, 0.33387265403690614],
      [9, 10, 3, 10, 0.1705227239345029, 0.809017973535488],
      [5, 56, 0, 29, -0.038137147903536936, 0.19256001385511165],
      [30, 40, 10, 35, 0.2401066690281161, 0.6276429276619746],
    ];
    for (const [k1, n1, k2, n2, lo, hi] of cases) {
      const d = proportionDifference(k1, n1, k2, n2);
      expect(d.estimate).toBeCloseTo(k1 / n1 - k2 / n2, 12);
      expect(d.lo).toBeCloseTo(lo, 10);
      expect(d.hi).toBeCloseTo(hi, 10);
    }
  });
});

describe('phi coefficient', () => {
  it('by hand: [[3,1],[1,3]] → (9 − 1) ÷ √(4·4·4·4) = 0.5', () => {
    expect(phi({ a: 3, b: 1, c: 1, d: 3 })).toBe(0.5);
  });

  it('is Pearson’s r of the two 0/1 series (computed here from the raw days)', () => {
    const x = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0];
    const y = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0];
    const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
    const mx = mean(x);
    const my = mean(y);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < x.length; i++) {
      sxy += (x[i]! - mx) * (y[i]! - my);
      sxx += (x[i]! - mx) ** 2;
      syy += (y[i]! - my) ** 2;
    }
    expect(phi({ a: 8, b: 2, c: 1, d: 5 })).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
  });

  it('is null when a margin is empty', () => {
    expect(phi({ a: 5, b: 5, c: 0, d: 0 })).toBeNull();
  });
});

describe('Fisher’s exact test (two-sided)', () => {
  it('by hand: [[3,1],[1,3]] sums the tables no likelier than it: (16 + 1 + 16 + 1) ÷ 70', () => {
    // Margins 4/4 of 8: P(a) = C(4,a)·C(4,4−a) ÷ C(8,4) = 1, 16, 36, 16, 1 (÷ 70) for a = 0…4.
    expect(fisherExact({ a: 3, b: 1, c: 1, d: 3 })).toBeCloseTo(34 / 70, 14);
  });

  it('matches scipy.stats.fisher_exact(table).pvalue', () => {
    const cases: [[number, number, number, number], number][] = [
      [[8, 2, 1, 5], 0.034965034965034975],
      [[120, 40, 50, 90], 6.892054198060275e-12],
      [[0, 10, 10, 0], 1.082508822446903e-5],
      [[400, 100, 120, 380], 7.045321620686357e-74],
      [[2, 7, 8, 2], 0.02301413756522116],
      [[60, 15, 12, 5], 0.5145971063353968],
      [[1, 0, 0, 30], 0.03225806451612904],
    ];
    for (const [[a, b, c, d], p] of cases) {
      const ours = fisherExact({ a, b, c, d });
      expect(Math.abs(ours - p) / p).toBeLessThan(1e-9);
    }
  });

  it('is symmetric in the table’s transposition and the swap of rows, and within (0, 1]', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40), fc.nat(40)).filter(([a, b, c, d]) => a + b + c + d > 0),
        ([a, b, c, d]) => {
          const p = fisherExact({ a, b, c, d });
          return (
            p > 0 &&
            p <= 1 &&
            Math.abs(fisherExact({ a, b: c, c: b, d }) - p) < 1e-12 &&
            Math.abs(fisherExact({ a: c, b: d, c: a, d: b }) - p) < 1e-12
          );
        },
      ),
    );
  });
});

describe('Benjamini–Hochberg', () => {
  it('by hand: Benjamini & Hochberg (1995)’s 15 p-values keep 4 at q ≤ 0.05', () => {
    const p = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
      0.759, 1,
    ];
    // The largest i with p(i) ≤ 0.05·i/15 is i = 4 (0.0095 ≤ 0.0133; 0.0201 > 0.0167, … 0.0459 > 0.03).
    const q = benjaminiHochberg(p);
    expect(q.filter((x) => x <= 0.05)).toHaveLength(4);
    expect(q[3]).toBeCloseTo((0.0095 * 15) / 4, 12);
  });

  it('matches statsmodels multipletests(p, method="fdr_bh")[1], in any order', () => {
    const p = [
      0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216, 0.222, 0.251, 0.269, 0.275, 0.34,
    ];
    const expected = [
      0.015, 0.06, 0.126, 0.126, 0.126, 0.15, 0.15857142857142856, 0.29464285714285715, 0.29464285714285715,
      0.29464285714285715, 0.29464285714285715, 0.29464285714285715, 0.29464285714285715, 0.29464285714285715,
      0.34,
    ];
    const order = [7, 2, 14, 0, 9, 4, 11, 1, 13, 6, 3, 12, 8, 5, 10];
    const q = benjaminiHochberg(order.map((i) => p[i]!));
    order.forEach((i, k) => {
      expect(q[k]).toBeCloseTo(expected[i]!, 12);
    });
  });
});

describe('point-biserial correlation and the permutation test', () => {
  const x = [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1];
  const y = [30, 10, 50, 40, 0, 20, 60, 5, 35, 45, 25, 20];

  it('matches scipy.stats.pointbiserialr(x, y).statistic', () => {
    expect(pointBiserial(x, y)).toBeCloseTo(0.7791531595377762, 12);
  });

  it('approaches the exact permutation p (5 of the C(12,7) = 792 splits, enumerated in Python) and is seeded', () => {
    const a = permutationPValue(x, y, { seed: 1, max: 40_000, hits: Number.POSITIVE_INFINITY });
    expect(Math.abs(a.p - 5 / 792)).toBeLessThan(0.0015);
    expect(permutationPValue(x, y, { seed: 1, max: 500, hits: 10 })).toEqual(
      permutationPValue(x, y, { seed: 1, max: 500, hits: 10 }),
    );
  });

  it('draws exactly the seededRandom stream (the inlined generator is the same mulberry32)', () => {
    // The textbook form, drawing through seededRandom: the fast path must give the same p and count for any data.
    const reference = (flags: number[], y: number[], seed: number, max: number, hits: number) => {
      const values = Float64Array.from(y);
      const n = y.length;
      const n1 = flags.filter(Boolean).length;
      if (n1 === 0 || n1 === n) return { p: 1, permutations: 0 };
      const total = values.reduce((a, b) => a + b, 0);
      const sum1 = y.reduce((a, v, i) => a + (flags[i] ? v : 0), 0);
      const centre = (n1 * total) / n;
      const observed = Math.abs(sum1 - centre) * (1 - 1e-12);
      const random = seededRandom(seed);
      const k = Math.min(n1, n - n1);
      let count = 0;
      for (let drawn = 1; drawn <= max; drawn++) {
        let s = 0;
        for (let i = 0; i < k; i++) {
          const j = i + Math.floor(random() * (n - i));
          [values[i], values[j]] = [values[j]!, values[i]!];
          s += values[i]!;
        }
        const s1 = k !== n1 ? total - s : s;
        if (Math.abs(s1 - centre) >= observed && ++count >= hits)
          return { p: count / drawn, permutations: drawn };
      }
      return { p: (count + 1) / (max + 1), permutations: max };
    };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 120 })), { minLength: 2, maxLength: 40 }),
        fc.integer(),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 12 }),
        (rows, seed, max, hits) => {
          const flags = rows.map(([f]) => (f ? 1 : 0));
          const y = rows.map(([, v]) => v);
          expect(permutationPValue(flags, y, { seed, max, hits })).toEqual(
            reference(flags, y, seed, max, hits),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('stops early on a null effect (sequential rule) and never returns 0', () => {
    const flat = Array.from({ length: 60 }, (_, i) => (i * 7919) % 13);
    const flags = Array.from({ length: 60 }, (_, i) => i % 2);
    const r = permutationPValue(flags, flat, { seed: 3 });
    expect(r.permutations).toBeLessThan(200);
    expect(r.p).toBeGreaterThan(0.05);
    const strong = permutationPValue(
      flags,
      flags.map((f, i) => f * 100 + (i % 3)),
      { seed: 3, max: 999 },
    );
    expect(strong.p).toBe(1 / 1000);
  });
});

describe('least squares and the inverse-regression (Fieller) interval', () => {
  const xs = [0, 7, 14, 21, 28, 35];
  const ys = [10, 12.5, 13.9, 17.2, 18.1, 21.0];

  it('by hand: a perfect line y = 2 + 3x meets y = 20 at x = 6 exactly, with a zero-width interval', () => {
    const fit = leastSquares([0, 1, 2, 3], [2, 5, 8, 11])!;
    expect(fit.slope).toBeCloseTo(3, 12);
    expect(fit.intercept).toBeCloseTo(2, 12);
    const r = inverseRegression(fit, 20);
    expect(r.x).toBeCloseTo(6, 12);
    expect(r.lo).toBeCloseTo(6, 9);
    expect(r.hi).toBeCloseTo(6, 9);
  });

  it('matches scipy.stats.linregress and statsmodels OLS (residual SE = √scale)', () => {
    const fit = leastSquares(xs, ys)!;
    expect(fit.slope).toBeCloseTo(0.306530612244898, 12);
    expect(fit.intercept).toBeCloseTo(10.085714285714282, 12);
    expect(fit.s).toBeCloseTo(0.5299595671908772, 12);
  });

  it('bounds the date where statsmodels’ 95 % mean band meets the target (brentq on get_prediction().conf_int())', () => {
    const r = inverseRegression(leastSquares(xs, ys)!, 30);
    expect(r.x).toBeCloseTo(64.96671105193076, 9);
    expect(r.lo).toBeCloseTo(58.038563714645015, 6);
    expect(r.hi).toBeCloseTo(74.51624144404545, 6);
  });

  it('gives no bounds when the slope is not clearly away from zero', () => {
    const r = inverseRegression(leastSquares([0, 1, 2, 3], [5, 4, 6, 5])!, 10);
    expect(r.lo).toBeNull();
    expect(r.hi).toBeNull();
  });

  it('needs three points and two distinct x', () => {
    expect(leastSquares([1, 2], [1, 2])).toBeNull();
    expect(leastSquares([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});

describe('quantiles', () => {
  it('match scipy.stats.t.ppf(0.975, df) and scipy.stats.norm.ppf(1 − 0.05/42)', () => {
    const t: [number, number][] = [
      [1, 12.706204736174694],
      [3, 3.1824463052837078],
      [10, 2.228138851986274],
      [30, 2.0422724563012378],
    ];
    for (const [df, q] of t) expect(tQuantile(0.975, df)).toBeCloseTo(q, 9);
    expect(normalQuantile(1 - 0.05 / 42)).toBeCloseTo(3.0380743049242116, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 10);
  });
});

describe('the pair screen (pairs.ts SCREEN_CHI2)', () => {
  it('skips only tables Fisher would not call: every table of 20–40 days with n·φ² < 2 has p > 0.1', () => {
    // Exhaustive here; the same search up to 90 days gives a smallest p of 0.168.
    let smallest = 1;
    for (let n = 20; n <= 40; n++)
      for (let r1 = 1; r1 < n; r1++)
        for (let c1 = 1; c1 < n; c1++)
          for (let a = Math.max(0, r1 + c1 - n); a <= Math.min(r1, c1); a++) {
            const t = { a, b: r1 - a, c: c1 - a, d: n - r1 - c1 + a };
            const f = phi(t)!;
            if (n * f * f < SCREEN_CHI2) smallest = Math.min(smallest, fisherExact(t));
          }
    expect(smallest).toBeGreaterThan(0.1);
  });
});
