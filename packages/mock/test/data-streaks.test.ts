import type { FullHabit as Habit, HabitCheck, HabitSkip } from '@loggd/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDataset, recomputeHabitStats } from '../src/data/generate.js';
import type { Account } from '../src/data/types.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Local date of an instant, straight from Intl (independent of the generator's zone code). */
const formats = new Map<string, Intl.DateTimeFormat>();
function localDate(ms: number, timeZone: string): string {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, f);
  }
  return f.format(ms);
}

function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + n)).toISOString().slice(0, 10);
}

function weekdayName(date: string): string {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

/**
 * The streak rules written the simple way: list every due period from the first record to today as done, miss
 * or neutral (skipped, or the current period not yet done), drop the neutral ones, then count runs of "done".
 */
function referenceStats(
  habit: Habit,
  checks: HabitCheck[],
  skips: HabitSkip[],
  today: string,
  weekStart: string,
) {
  const past = checks.filter((c) => c.date <= today);
  const checked = new Set(past.map((c) => c.date));
  const skipped = new Set(skips.filter((s) => s.date <= today).map((s) => s.date));
  const dates = [...checked, ...skipped].sort();
  const statuses: ('done' | 'miss')[] = [];
  if (dates.length > 0) {
    if (habit.frequency === 'weekly') {
      let start = dates[0]!;
      while (weekdayName(start) !== weekStart) start = addDays(start, -1);
      for (let w = start; w <= today; w = addDays(w, 7)) {
        let done = 0;
        let skip = 0;
        for (let i = 0; i < 7; i++) {
          const d = addDays(w, i);
          if (d > today) break;
          if (checked.has(d)) done++;
          else if (skipped.has(d)) skip++;
        }
        const current = addDays(w, 7) > today;
        const target = habit.weekly_target ?? 1;
        if (done >= target) statuses.push('done');
        else if (done + skip < target && !current) statuses.push('miss');
      }
    } else {
      const days = habit.frequency === 'custom' && habit.custom_days?.length ? habit.custom_days : WEEKDAYS;
      for (let d = dates[0]!; d <= today; d = addDays(d, 1)) {
        if (!days.includes(weekdayName(d))) continue;
        if (checked.has(d)) statuses.push('done');
        else if (!skipped.has(d) && d !== today) statuses.push('miss');
      }
    }
  }
  let run = 0;
  let longest = 0;
  for (const s of statuses) {
    run = s === 'done' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  const lastCheckedAt =
    past
      .map((c) => c.checked_at)
      .sort()
      .at(-1) ?? null;
  return {
    current_streak: run,
    longest_streak: longest,
    checked_today: checked.has(today),
    last_checked_at: lastCheckedAt,
  };
}

function habitOf(
  id: number,
  frequency: Habit['frequency'],
  customDays: string[] | null,
  target: number | null,
): Habit {
  return {
    id,
    name: 'h',
    description: null,
    emoji: null,
    color: null,
    url: null,
    frequency,
    custom_days: customDays,
    tracking_mode: 'check',
    weekly_target: target,
    daily_time_goal: null,
    data_source: null,
    allow_multiple_checks: true,
    display_order: 1,
    current_streak: 0,
    longest_streak: 0,
    status: 'active',
    start_date: null,
    checked_today: false,
    last_checked_at: null,
    created_at: '2026-01-01T00:00:00+00:00',
    updated_at: '2026-01-01T00:00:00+00:00',
  };
}

const base = generateDataset({ seed: 1, now: new Date('2026-04-08T12:00:00Z'), scale: 0.1, years: 0.05 })
  .accounts[0]!;

function accountWith(
  habit: Habit,
  checks: HabitCheck[],
  skips: HabitSkip[],
  timezone: string,
  weekStart: string,
) {
  const account: Account = {
    ...base,
    profile: { ...base.profile, timezone, week_start_day: weekStart as Account['profile']['week_start_day'] },
    habits: [habit],
    checks: new Map([[habit.id, checks]]),
    skips: new Map([[habit.id, skips]]),
  };
  return account;
}

// Windows around Europe/Bucharest's 2026 DST changes (29 March, 25 October) and a quiet stretch.
const NOW_WINDOWS: [string, string][] = [
  ['2026-03-26T00:00:00Z', '2026-04-06T00:00:00Z'],
  ['2026-10-22T00:00:00Z', '2026-11-02T00:00:00Z'],
  ['2026-06-10T00:00:00Z', '2026-06-20T00:00:00Z'],
];

const historyArb = fc.record({
  window: fc.integer({ min: 0, max: NOW_WINDOWS.length - 1 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  timezone: fc.constantFrom('Europe/Bucharest', 'America/New_York', 'Asia/Kolkata'),
  weekStart: fc.constantFrom(...WEEKDAYS),
  frequency: fc.constantFrom<Habit['frequency']>('daily', 'custom', 'weekly'),
  customDays: fc.subarray(WEEKDAYS, { minLength: 1 }),
  target: fc.integer({ min: 1, max: 4 }),
  // Days back from today (negative = future, which the rules ignore); checks may repeat on a day.
  checks: fc.array(
    fc.record({ back: fc.integer({ min: -2, max: 40 }), hour: fc.integer({ min: 0, max: 23 }) }),
    {
      maxLength: 40,
    },
  ),
  skips: fc.uniqueArray(fc.integer({ min: -1, max: 40 }), { maxLength: 8 }),
});

describe('recomputeHabitStats', () => {
  it('matches the reference streak rules on random histories (skips, custom days, weekly targets, DST)', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const [from, to] = NOW_WINDOWS[h.window]!;
        const nowMs = Date.parse(from) + Math.floor(h.at * (Date.parse(to) - Date.parse(from)));
        const today = localDate(nowMs, h.timezone);
        const habit = habitOf(
          1,
          h.frequency,
          h.frequency === 'custom' ? h.customDays : null,
          h.frequency === 'weekly' ? h.target : null,
        );
        const checks: HabitCheck[] = h.checks.map((c, i) => {
          const date = addDays(today, -c.back);
          // A local wall time on `date`, turned into an instant with the offset Intl reports around it.
          const guess = Date.parse(`${date}T${String(c.hour).padStart(2, '0')}:30:00Z`);
          const offset =
            Date.parse(`${new Date(guess).toLocaleString('en-US', { timeZone: h.timezone })} UTC`) - guess;
          const at = new Date(guess - offset).toISOString().slice(0, 19);
          return {
            id: i + 1,
            date,
            source: 'manual',
            note: null,
            contribution_count: 1,
            checked_at: `${at}+00:00`,
          };
        });
        const skips: HabitSkip[] = h.skips
          .map((back) => addDays(today, -back))
          .filter((date) => !checks.some((c) => c.date === date))
          .map((date, i) => ({ id: i + 1, date, reason: 'rest', note: null }));
        const account = accountWith(habit, [...checks].reverse(), skips, h.timezone, h.weekStart);
        const stats = recomputeHabitStats(account, 1, nowMs);
        expect(stats).toEqual(referenceStats(habit, checks, skips, today, h.weekStart));
        expect(stats.longest_streak).toBeGreaterThanOrEqual(stats.current_streak);
      }),
      { numRuns: 300 },
    );
  });

  it('counts the 23-hour DST day in Europe/Bucharest as one day', () => {
    const days = Array.from({ length: 9 }, (_, i) => addDays('2026-03-25', i)); // 25 March … 2 April
    const checks = days.reverse().map((date, i) => ({
      id: 100 - i,
      date,
      source: 'manual',
      note: null,
      contribution_count: 1,
      checked_at: `${date}T06:00:00+00:00`,
    }));
    const account = accountWith(habitOf(1, 'daily', null, null), checks, [], 'Europe/Bucharest', 'monday');
    const stats = recomputeHabitStats(account, 1, new Date('2026-04-02T20:00:00Z'));
    expect(stats).toEqual({
      current_streak: 9,
      longest_streak: 9,
      checked_today: true,
      last_checked_at: '2026-04-02T06:00:00+00:00',
    });
  });

  it('keeps the streak at risk (not broken) until today ends, and lets skips bridge a gap', () => {
    const mk = (id: number, date: string): HabitCheck => ({
      id,
      date,
      source: 'manual',
      note: null,
      contribution_count: 1,
      checked_at: `${date}T08:00:00+00:00`,
    });
    const checks = [mk(3, '2026-04-07'), mk(2, '2026-04-05'), mk(1, '2026-04-04')];
    const skips: HabitSkip[] = [{ id: 1, date: '2026-04-06', reason: 'sick', note: null }];
    const account = accountWith(habitOf(1, 'daily', null, null), checks, skips, 'Europe/Bucharest', 'monday');
    const stats = recomputeHabitStats(account, 1, new Date('2026-04-08T12:00:00Z'));
    expect(stats.current_streak).toBe(3);
    expect(stats.checked_today).toBe(false);
    const later = recomputeHabitStats(account, 1, new Date('2026-04-09T12:00:00Z'));
    expect(later.current_streak).toBe(0);
    expect(later.longest_streak).toBe(3);
  });

  it('throws for a habit the account does not own', () => {
    const account = accountWith(habitOf(1, 'daily', null, null), [], [], 'UTC', 'monday');
    expect(() => recomputeHabitStats(account, 999, Date.now())).toThrow(/999/);
  });
});

describe('generated habits', () => {
  const now = new Date('2026-04-08T12:00:00Z');
  const dataset = generateDataset({ seed: 3, now });

  it('store the streaks the reference rules derive from their checks and skips', () => {
    for (const account of dataset.accounts) {
      const today = localDate(now.getTime(), account.profile.timezone);
      for (const habit of account.habits) {
        const expected = referenceStats(
          habit,
          account.checks.get(habit.id)!,
          account.skips.get(habit.id)!,
          today,
          account.profile.week_start_day,
        );
        expect({
          current_streak: habit.current_streak,
          longest_streak: habit.longest_streak,
          checked_today: habit.checked_today,
          last_checked_at: habit.last_checked_at,
        }).toEqual(expected);
      }
    }
  });

  it('date every check on the local date of its instant in the profile timezone', () => {
    for (const account of dataset.accounts) {
      for (const list of account.checks.values()) {
        for (const c of list)
          expect(localDate(Date.parse(c.checked_at), account.profile.timezone)).toBe(c.date);
      }
    }
  });

  it('show live streaks, skips of every kind and checks that land on the next UTC day', () => {
    const demo = dataset.accounts[0]!;
    expect(Math.max(...demo.habits.map((h) => h.current_streak))).toBeGreaterThanOrEqual(14);
    const reasons = new Set([...demo.skips.values()].flat().map((s) => s.reason));
    expect([...reasons].sort()).toEqual(expect.arrayContaining(['rest', 'sick', 'vacation']));
    const other = dataset.accounts[1]!;
    const crossing = [...other.checks.values()].flat().filter((c) => c.checked_at.slice(0, 10) !== c.date);
    expect(crossing.length).toBeGreaterThan(0);
  });
});
