import { describe, expect, it } from 'vitest';
import { focusLinks, MAX_PERMUTATIONS } from '../src/report/insights/focus-link.js';
import { FDR } from '../src/report/insights/pairs.js';
import type { HabitSeries } from '../src/report/insights/series.js';
import { seededRandom } from '../src/report/insights/stats.js';

const DAYS = 200;
const random = seededRandom(99);
// Focus minutes per day: 0–59 at random, the same for every test.
const minutes = Float64Array.from({ length: DAYS }, () => Math.floor(random() * 60));
const perDay = { minutes, firstDay: 0 };
const period = { from: 0, to: DAYS - 1 };

function series(id: number, outcome: (day: number) => number): HabitSeries {
  return {
    habit: { id, name: `habit ${id}` },
    first: 0,
    outcome: Int8Array.from({ length: DAYS }, (_, d) => outcome(d)),
  } as unknown as HabitSeries;
}
// Done on the days with the most focus: a link no shuffle reaches.
const strong = (id: number) => series(id, (d) => (minutes[d]! >= 30 ? 1 : 0));
const noise = (id: number) => {
  const r = seededRandom(id);
  return series(id, () => (r() < 0.5 ? 1 : 0));
};

describe('habit ↔ focus: shuffles sized by what Benjamini–Hochberg needs', () => {
  it('redraws a lone strong link among many tests with 2m ÷ FDR shuffles, so BH can keep it', () => {
    const habits = [strong(1), ...Array.from({ length: 100 }, (_, i) => noise(1000 + i))];
    const result = focusLinks(habits, perDay, period, 12);
    expect(result.tested).toBe(101);
    const max = Math.ceil((2 * 101) / FDR) - 1;
    expect(max).toBeGreaterThan(MAX_PERMUTATIONS);
    const found = result.significant.find((f) => f.habit.id === 1);
    expect(found).toMatchObject({ permutations: max, p: 1 / (max + 1) });
    expect(found!.q).toBeLessThanOrEqual(FDR);
  });

  it('keeps the first pass when many links sit at its floor: 1 ÷ 2,000 already survives BH for all of them', () => {
    const habits = [...Array.from({ length: 40 }, (_, i) => strong(i + 1)), noise(1000)];
    const result = focusLinks(habits, perDay, period, 12);
    const links = result.significant.filter((f) => f.habit.id <= 40);
    expect(links).toHaveLength(40);
    for (const f of links)
      expect(f).toMatchObject({ permutations: MAX_PERMUTATIONS, p: 1 / (MAX_PERMUTATIONS + 1) });
  });
});
