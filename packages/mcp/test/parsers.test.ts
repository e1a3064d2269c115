import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekLabel } from '../../cli/src/report/compute/calendar.js';
import { collectUpTo } from '../src/collect.js';
import { isCalendarDate, isIsoWeek } from '../src/inputs.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('argument parsers', () => {
  it('isCalendarDate accepts exactly the dates the calendar has', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const probe = new Date(0);
          probe.setUTCFullYear(y, m - 1, d);
          const real =
            m >= 1 && m <= 12 && d >= 1 && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
          expect(isCalendarDate(text)).toBe(real);
        },
      ),
    );
    for (const bad of ['2026-4-1', '20260401', '2026-04-01T00:00:00Z', ' 2026-04-01', ''])
      expect(isCalendarDate(bad)).toBe(false);
  });

  it('isIsoWeek agrees with the ISO week of every day (W53 only in long years)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1971, max: 2400 }), fc.integer({ min: 0, max: 54 }), (year, week) => {
        const label = `${year}-W${pad(week, 2)}`;
        // A label is a real week when some day's ISO week label is it: look at the days around its position.
        const jan4 = Math.floor(Date.UTC(year, 0, 4) / 86_400_000);
        const exists = [-7, 0, 7].some((shift) => isoWeekLabel(jan4 + (week - 1) * 7 + shift) === label);
        expect(isIsoWeek(label)).toBe(exists);
      }),
    );
  });
});

describe('collectUpTo', () => {
  const pagesOf = (sizes: number[]) => ({
    requested: 0,
    async *pages() {
      let next = 0;
      for (let i = 0; i < sizes.length; i++) {
        this.requested++;
        const data = Array.from({ length: sizes[i]! }, () => next++);
        yield { data, has_more: i < sizes.length - 1 };
      }
    },
  });

  it('returns the first min(limit, total) items, truncated exactly when more exist, never reading past limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 500 }),
        async (sizes, limit) => {
          const list = pagesOf(sizes);
          const total = sizes.reduce((a, b) => a + b, 0);
          const { items, truncated } = await collectUpTo(list, limit);
          expect(items).toEqual(Array.from({ length: Math.min(limit, total) }, (_, i) => i));
          expect(truncated).toBe(total > limit);
          // Pages needed to reach the limit (or all of them): one more is never requested.
          let needed = 0;
          for (let sum = 0; needed < sizes.length && sum < limit; needed++) sum += sizes[needed]!;
          expect(list.requested).toBe(needed);
        },
      ),
    );
  });
});
