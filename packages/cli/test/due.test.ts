import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueToday, weekStart } from '../src/habits/due.js';
import { localDay } from '../src/time/zone.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

describe('habits due today', () => {
  it('takes the calendar day in the profile’s zone, across midnight and DST', () => {
    // 22:30 UTC on 28 March 2026 is already Sunday 29 March in Bucharest (DST starts that night) …
    expect(localDay(new Date('2026-03-28T22:30:00Z'), 'Europe/Bucharest')).toEqual({
      date: '2026-03-29',
      weekday: 'sunday',
    });
    // … and still Saturday in New York.
    expect(localDay(new Date('2026-03-28T22:30:00Z'), 'America/New_York')).toEqual({
      date: '2026-03-28',
      weekday: 'saturday',
    });
  });

  it('finds the week start for any of the seven start days', () => {
    const wed = { date: '2026-04-08', weekday: 'wednesday' };
    expect(weekStart(wed, 'monday')).toBe('2026-04-06');
    expect(weekStart(wed, 'sunday')).toBe('2026-04-05');
    expect(weekStart(wed, 'wednesday')).toBe('2026-04-08');
    expect(weekStart(wed, 'thursday')).toBe('2026-04-02');
    // Across a month and a year boundary.
    expect(weekStart({ date: '2026-01-01', weekday: 'thursday' }, 'monday')).toBe('2025-12-29');
  });

  it('property: the week start is on the start day, at most 6 days back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.constantFrom(...DAYS), (n, start) => {
        const date = new Date(Date.UTC(1990, 0, 1) + n * 86_400_000);
        const day = { date: date.toISOString().slice(0, 10), weekday: DAYS[(date.getUTCDay() + 6) % 7]! };
        const ws = new Date(`${weekStart(day, start)}T00:00:00Z`);
        const back = (date.getTime() - ws.getTime()) / 86_400_000;
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(6);
        expect(DAYS[(ws.getUTCDay() + 6) % 7]).toBe(start);
      }),
    );
  });

  it('daily habits are due, custom days only on their days, weekly targets are counted by the caller', () => {
    const wed = { date: '2026-04-08', weekday: 'wednesday' };
    expect(dueToday({ frequency: 'daily', custom_days: null, weekly_target: null }, wed)).toBe('due');
    expect(dueToday({ frequency: 'custom', custom_days: ['monday', 'wednesday'] }, wed)).toBe('due');
    expect(dueToday({ frequency: 'custom', custom_days: ['tuesday'] }, wed)).toBe('not_due');
    expect(dueToday({ frequency: 'weekly', weekly_target: 3 }, wed)).toBe('weekly');
    expect(dueToday({ frequency: 'something-new' }, wed)).toBe('due');
  });
});
