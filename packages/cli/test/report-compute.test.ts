import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, isoOf, isoWeekLabel, isoWeekMonday, weekStartOf } from '../src/report/compute/calendar.js';
import { type FocusInput, focusFigures, splitSession } from '../src/report/compute/focus.js';
import { type GoalInput, goalFigures } from '../src/report/compute/goals.js';
import { dayMarks, type HabitInput, habitFigures } from '../src/report/compute/habits.js';
import { buckets, monthPeriod, previousPeriod, type ReportSettings } from '../src/report/compute/period.js';
import { type TaskInput, taskFigures } from '../src/report/compute/tasks.js';
import { instantOf } from '../src/time/instant.js';
import { dayStartInstant, localDayOfInstant } from '../src/time/zone.js';

// Every expected figure below was worked out by hand from the dataset in the test (comments show the working).

const MON = 0;
const SUN = 6;
const d = dayOf;
const range = (from: string, to: string) => ({ from: d(from), to: d(to) });

const daily: HabitInput = {
  id: 1,
  name: 'Read',
  frequency: 'daily',
  custom_days: null,
  weekly_target: null,
  start_date: '2026-04-01',
};

describe('calendar', () => {
  it('does day arithmetic on calendar dates and honours any week start', () => {
    // 2026-04-08 is a wednesday.
    expect(isoOf(weekStartOf(d('2026-04-08'), MON))).toBe('2026-04-06');
    expect(isoOf(weekStartOf(d('2026-04-08'), SUN))).toBe('2026-04-05');
    expect(isoOf(weekStartOf(d('2026-04-08'), 5))).toBe('2026-04-04'); // saturday
    expect(isoOf(weekStartOf(d('2026-04-04'), 5))).toBe('2026-04-04');
    expect(isoOf(isoWeekMonday('2026-W15')!)).toBe('2026-04-06');
    expect(isoWeekMonday('2026-W54')).toBeUndefined();
    expect(isoWeekLabel(d('2027-01-01'))).toBe('2026-W53');
    expect(monthPeriod(d('2026-02-14'))).toEqual(range('2026-02-01', '2026-02-28'));
    expect(previousPeriod(range('2026-03-01', '2026-03-31'), 'month')).toEqual(
      range('2026-02-01', '2026-02-28'),
    );
  });

  it('places instants on local days across DST in Europe/Bucharest and America/New_York', () => {
    // Bucharest springs forward 2026-03-29 03:00 EET → 04:00 EEST: that day is 23 hours long.
    const bStart = dayStartInstant(d('2026-03-29'), 'Europe/Bucharest');
    const bNext = dayStartInstant(d('2026-03-30'), 'Europe/Bucharest');
    expect(new Date(bStart).toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect((bNext - bStart) / 3_600_000).toBe(23);
    // New York falls back 2026-11-01 02:00 EDT → 01:00 EST: a 25-hour day.
    const nStart = dayStartInstant(d('2026-11-01'), 'America/New_York');
    expect((dayStartInstant(d('2026-11-02'), 'America/New_York') - nStart) / 3_600_000).toBe(25);
    // 2026-11-02T04:30Z is 23:30 EST on 11-01 (it would be 00:30 on 11-02 under the summer offset).
    expect(isoOf(localDayOfInstant(Date.parse('2026-11-02T04:30:00Z'), 'America/New_York'))).toBe(
      '2026-11-01',
    );
    // Days starting at 04:00: 02:30 local belongs to the previous day.
    expect(isoOf(localDayOfInstant(Date.parse('2026-04-08T23:30:00Z'), 'Europe/Bucharest', 240))).toBe(
      '2026-04-08',
    );
  });

  it('buckets a range by profile weeks (edge weeks clipped)', () => {
    const weeks = buckets(range('2026-04-01', '2026-04-14'), 'week', SUN).map((b) => [
      isoOf(b.from),
      isoOf(b.to),
    ]);
    expect(weeks).toEqual([
      ['2026-04-01', '2026-04-04'],
      ['2026-04-05', '2026-04-11'],
      ['2026-04-12', '2026-04-14'],
    ]);
  });
});

describe('habit figures', () => {
  it('a skipped day neither breaks nor extends a streak; today unchecked is at risk', () => {
    // Apr 1 ✓ 2 ✓ 3 skip 4 ✓ 5 ✓ 6 ✓ 7 (today) not yet → streak 5, at risk; done 5 of due 5.
    const f = habitFigures(
      daily,
      ['2026-04-01', '2026-04-02', '2026-04-04', '2026-04-05', '2026-04-06'],
      ['2026-04-03'],
      range('2026-04-01', '2026-04-07'),
      d('2026-04-07'),
      MON,
    );
    expect(dayMarks(f.marks)).toEqual(['done', 'done', 'skipped', 'done', 'done', 'done', 'at_risk']);
    expect([f.current_streak, f.longest_streak, f.at_risk]).toEqual([5, 5, true]);
    expect([f.done, f.due, f.skipped, f.completion_rate]).toEqual([5, 5, 1, 1]);
  });

  it('a missed day breaks the streak and counts in due', () => {
    // 1 ✓ 2 ✓ 3 skip 4 ✓ (run 3) 5 ✗ (0) 6 ✓ (1); today = 6. done 4 / due 5 = 0.8.
    const f = habitFigures(
      daily,
      ['2026-04-01', '2026-04-02', '2026-04-04', '2026-04-06'],
      ['2026-04-03'],
      range('2026-04-01', '2026-04-07'),
      d('2026-04-06'),
      MON,
    );
    expect(dayMarks(f.marks).at(-1)).toBe('future');
    expect([f.current_streak, f.longest_streak, f.at_risk]).toEqual([1, 3, false]);
    expect(f.completion_rate).toBeCloseTo(0.8, 10);
  });

  it('a custom-days habit is due only on its days; other checks are ignored', () => {
    const mwf: HabitInput = { ...daily, frequency: 'custom', custom_days: ['monday', 'wednesday', 'friday'] };
    // History: Wed 1 ✓, Fri 3 ✓, Mon 6 ✓ (run 3), Tue 7 ✓ not due, Wed 8 ✗ (0), Fri 10 ✓ (1). Today Sun 12.
    const f = habitFigures(
      mwf,
      ['2026-04-01', '2026-04-03', '2026-04-06', '2026-04-07', '2026-04-10'],
      [],
      range('2026-04-06', '2026-04-12'),
      d('2026-04-12'),
      MON,
    );
    expect(f.rule).toBe('mon, wed, fri');
    expect(dayMarks(f.marks)).toEqual(['done', 'not_due', 'missed', 'not_due', 'done', 'not_due', 'not_due']);
    expect([f.done, f.due, f.current_streak, f.longest_streak, f.at_risk]).toEqual([2, 3, 1, 3, false]);
  });

  it('a weekly-target habit counts weeks, and the week start changes the answer', () => {
    const twice: HabitInput = { ...daily, frequency: 'weekly', weekly_target: 2, start_date: '2026-03-30' };
    const checks = ['2026-04-04', '2026-04-05', '2026-04-06']; // Sat, Sun, Mon
    const today = d('2026-04-11'); // a saturday
    // Monday weeks: Mar 30–Apr 5 has Sat+Sun = 2 ✓; Apr 6–12 (this week) has 1 → at risk. 3 done of 3 due.
    const mon = habitFigures(twice, checks, [], range('2026-03-30', '2026-04-12'), today, MON);
    expect([mon.current_streak, mon.longest_streak, mon.at_risk]).toEqual([1, 1, true]);
    expect([mon.done, mon.due]).toEqual([3, 3]);
    // Sunday weeks: Mar 29–Apr 4 has Sat only = 1 ✗; Apr 5–11 has Sun+Mon = 2 ✓. 3 done of 4 due.
    const sun = habitFigures(twice, checks, [], range('2026-03-29', '2026-04-11'), today, SUN);
    expect([sun.current_streak, sun.longest_streak, sun.at_risk]).toEqual([1, 1, false]);
    expect([sun.done, sun.due, sun.completion_rate]).toEqual([3, 4, 0.75]);
    expect(dayMarks(sun.marks)[d('2026-04-07') - d('2026-03-29')]).toBe('open');
  });

  it('a week short of its target is neutral when skips make up the difference', () => {
    const twice: HabitInput = { ...daily, frequency: 'weekly', weekly_target: 2, start_date: '2026-03-30' };
    // Mon weeks: W1 ✓✓ (1), W2 one check + one skip → neutral (1), W3 ✓✓ (2). Today Mon Apr 20 (W4, nothing yet).
    const f = habitFigures(
      twice,
      ['2026-03-30', '2026-03-31', '2026-04-08', '2026-04-13', '2026-04-14'],
      ['2026-04-09'],
      range('2026-03-30', '2026-04-26'),
      d('2026-04-20'),
      MON,
    );
    expect([f.current_streak, f.longest_streak, f.at_risk]).toEqual([2, 2, true]);
    // Due: 2 + (2 − 1 skip) + 2 + 0 (this week, nothing done) = 5; done: 2 + 1 + 2 = 5.
    expect([f.done, f.due]).toEqual([5, 5]);
  });

  it('habit strength follows Loop: 1 − m^n for a perfect daily record; skips freeze it', () => {
    // m = 0.5^(1/13) = 0.948078; two perfect days → 1 − m² = 0.101149; 30 days → 1 − 0.5^(30/13) = 0.798017.
    const two = habitFigures(
      daily,
      ['2026-04-01', '2026-04-02'],
      [],
      range('2026-04-01', '2026-04-02'),
      d('2026-04-09'),
      MON,
    );
    expect(two.strength).toBeCloseTo(0.101149, 5);
    const frozen = habitFigures(
      daily,
      ['2026-04-01', '2026-04-02'],
      ['2026-04-03'],
      range('2026-04-01', '2026-04-03'),
      d('2026-04-09'),
      MON,
    );
    expect(frozen.strength).toBeCloseTo(0.101149, 5);
    const month = Array.from({ length: 30 }, (_, i) => isoOf(d('2026-04-01') + i));
    const thirty = habitFigures(daily, month, [], range('2026-04-01', '2026-04-30'), d('2026-05-09'), MON);
    expect(thirty.strength).toBeCloseTo(0.798017, 5);
    // Today unchecked does not lower the score: it counts through yesterday.
    const pending = habitFigures(
      daily,
      month.slice(0, 29),
      [],
      range('2026-04-01', '2026-04-30'),
      d('2026-04-30'),
      MON,
    );
    const yesterday = habitFigures(
      daily,
      month.slice(0, 29),
      [],
      range('2026-04-01', '2026-04-29'),
      d('2026-05-09'),
      MON,
    );
    expect(pending.strength).toBeCloseTo(yesterday.strength, 12);
  });

  it('custom-days strength uses f = k/7 with Loop’s doubled window', () => {
    // f = 3/7 → window 14 days, numerator 6; m = 0.5^(√(3/7)/13) = 0.965697. One check: (1/6)(1 − m) = 0.005717.
    const mwf: HabitInput = { ...daily, frequency: 'custom', custom_days: ['monday', 'wednesday', 'friday'] };
    const f = habitFigures(mwf, ['2026-04-01'], [], range('2026-04-01', '2026-04-01'), d('2026-04-09'), MON);
    expect(f.strength).toBeCloseTo(0.005717, 6);
  });
});

describe('figures are independent of what was computed before', () => {
  // The histories are indexed once and the day pass keeps checkpoints for later as-of days: a figure must come out
  // the same whether its history is fresh or was already walked for other ranges (a review's previous period).
  const rule = fc.constantFrom<Partial<HabitInput>>(
    { frequency: 'daily' },
    { frequency: 'custom', custom_days: ['monday', 'thursday', 'saturday'] },
    { frequency: 'weekly', weekly_target: 3 },
  );
  const base = d('2025-01-01');
  const history = fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 250 });
  const query = fc.record({ from: fc.integer({ min: 0, max: 420 }), len: fc.integer({ min: 1, max: 60 }) });

  it('for any history and any order of ranges', () => {
    fc.assert(
      fc.property(
        rule,
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        history,
        history,
        fc.array(query, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 430 }),
        (over, start, checked, skipped, queries, todayAt) => {
          const habit: HabitInput = {
            ...daily,
            ...over,
            start_date: start === undefined ? null : isoOf(base + start),
          };
          const checks = checked.map((n) => isoOf(base + n));
          const skips = skipped.filter((n) => !checked.includes(n)).map((n) => isoOf(base + n));
          const today = base + todayAt;
          for (const q of queries) {
            const r = { from: base + q.from, to: base + q.from + q.len - 1 };
            const warm = habitFigures(habit, checks, skips, r, today, MON);
            const cold = habitFigures(habit, checks.slice(), skips.slice(), r, today, MON);
            expect(warm).toEqual(cold);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('instants', () => {
  it('reads the API’s ISO datetimes as Date.parse does', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('Z', '+00:00', '+03:00', '-05:30', '+14:00', '-12:45'),
        fc.boolean(),
        (date, zone, fraction) => {
          const iso = `${date.toISOString().slice(0, fraction ? 23 : 19)}${zone}`;
          expect(instantOf(iso)).toBe(Date.parse(iso));
        },
      ),
    );
    for (const odd of [
      '2026-02-30T10:00:00Z',
      '2026-04-08T24:00:00Z',
      '2026-04-08 10:00:00Z',
      '2026-04-08T10:00:00',
    ])
      expect(Object.is(instantOf(odd), Date.parse(odd))).toBe(true);
  });
});

const session = (over: Partial<FocusInput>): FocusInput => ({
  id: 1,
  title: null,
  status: 'completed',
  started_at: '2026-04-07T19:30:00Z',
  ended_at: '2026-04-07T22:30:00Z',
  planned_duration_seconds: null,
  actual_duration_seconds: 10_800,
  total_paused_seconds: 0,
  task_id: null,
  habit_id: null,
  tags: [],
  ...over,
});

describe('focus figures', () => {
  const bucharest: ReportSettings = {
    zone: 'Europe/Bucharest',
    weekStart: MON,
    dayStartsAt: 0,
    today: d('2026-04-30'),
  };

  it('splits a session across midnight, or not with --day-starts-at', () => {
    // 22:30–01:30 EEST (+03:00): 1.5 h on Apr 7 and 1.5 h on Apr 8.
    const pieces = splitSession(session({}), 'Europe/Bucharest', 0);
    expect(pieces.map((p) => [isoOf(p.day), p.seconds])).toEqual([
      ['2026-04-07', 5400],
      ['2026-04-08', 5400],
    ]);
    // Days starting at 04:00: all 3 h belong to Apr 7.
    expect(splitSession(session({}), 'Europe/Bucharest', 240).map((p) => [isoOf(p.day), p.seconds])).toEqual([
      ['2026-04-07', 10_800],
    ]);
  });

  it('splits across the DST change by real hours (Bucharest spring, New York fall)', () => {
    // 23:00 EET Mar 28 (21:00Z) → 05:00 EEST Mar 29 (02:00Z): 5 h wall; midnight is 22:00Z → 1 h + 4 h.
    const spring = splitSession(
      session({
        started_at: '2026-03-28T21:00:00Z',
        ended_at: '2026-03-29T02:00:00Z',
        actual_duration_seconds: 18_000,
      }),
      'Europe/Bucharest',
      0,
    );
    expect(spring.map((p) => [isoOf(p.day), p.seconds])).toEqual([
      ['2026-03-28', 3600],
      ['2026-03-29', 14_400],
    ]);
    // 23:00 EDT Oct 31 (03:00Z) → 01:30 EST Nov 1 (06:30Z): 3.5 h wall, with half of it paused (net 6300 s).
    const fall = splitSession(
      session({
        started_at: '2026-11-01T03:00:00Z',
        ended_at: '2026-11-01T06:30:00Z',
        actual_duration_seconds: 6300,
        total_paused_seconds: 6300,
      }),
      'America/New_York',
      0,
    );
    // Midnight EDT is 04:00Z: 1 h of 3.5 h wall → 1800 s; 2.5 h → 4500 s.
    expect(fall.map((p) => [isoOf(p.day), p.seconds])).toEqual([
      ['2026-10-31', 1800],
      ['2026-11-01', 4500],
    ]);
  });

  it('totals by day, week, task and tag, with averages, pause share and planned vs actual', () => {
    const sessions = [
      session({ id: 1, task_id: 5, tags: [{ id: 9, name: 'deep' }], planned_duration_seconds: 7200 }),
      session({
        id: 2,
        started_at: '2026-04-09T06:00:00Z',
        ended_at: '2026-04-09T07:00:00Z',
        actual_duration_seconds: 3000,
        total_paused_seconds: 600,
        planned_duration_seconds: 3000,
        habit_id: 3,
      }),
      session({
        id: 3,
        status: 'cancelled',
        started_at: '2026-04-09T08:00:00Z',
        ended_at: '2026-04-09T09:00:00Z',
      }),
    ];
    const f = focusFigures(sessions, range('2026-04-06', '2026-04-12'), bucharest, 'day', {
      tasks: new Map([[5, 'Write report']]),
    });
    expect(f.days.slice(1, 4).map((x) => x.seconds)).toEqual([5400, 5400, 3000]);
    expect(f.total_seconds).toBe(13_800);
    expect(f.sessions).toBe(2);
    expect(f.average_session_seconds).toBe(6900); // (10800 + 3000) / 2
    expect(f.pause_share).toBeCloseTo(600 / 14_400, 10);
    expect(f.planned_ratio).toBeCloseTo(13_800 / 10_200, 10);
    expect(f.by_task).toEqual([{ id: 5, name: 'Write report', seconds: 10_800 }]);
    expect(f.by_habit).toEqual([{ id: 3, name: 'habit 3', seconds: 3000 }]);
    expect(f.by_tag).toEqual([{ id: 9, name: 'deep', seconds: 10_800 }]);
    // Only Apr 7 lies in a range ending on Apr 7: the session's second half is outside.
    const clipped = focusFigures(sessions, range('2026-04-01', '2026-04-07'), bucharest, 'week');
    expect(clipped.total_seconds).toBe(5400);
    expect(clipped.buckets.map((b) => [b.from, b.seconds])).toEqual([
      ['2026-04-01', 0],
      ['2026-04-06', 5400],
    ]);
  });
});

const task = (over: Partial<TaskInput>): TaskInput => ({
  id: 1,
  status: 'scheduled',
  priority: 'high',
  category: 'work',
  planned_day: null,
  created_at: '2026-04-07T12:00:00Z',
  completed_at: null,
  cancelled_at: null,
  ...over,
});

describe('task figures', () => {
  it('counts created by created_at and completed by completed_at, in the profile’s zone and week', () => {
    const tasks = [
      // Sunday Apr 5 23:00 EDT (Apr 6 03:00Z): a sunday in New York.
      task({
        id: 1,
        created_at: '2026-04-06T03:00:00Z',
        completed_at: '2026-04-08T15:00:00Z',
        planned_day: '2026-04-08',
      }),
      task({
        id: 2,
        created_at: '2026-04-07T15:00:00Z',
        completed_at: '2026-04-10T15:00:00Z',
        planned_day: '2026-04-09',
      }),
      task({
        id: 3,
        created_at: '2026-04-07T15:00:00Z',
        cancelled_at: '2026-04-08T15:00:00Z',
        priority: 'low',
      }),
      task({ id: 4, created_at: '2026-04-08T15:00:00Z', priority: null, category: null }),
    ];
    const ny = (weekStart: number): ReportSettings => ({
      zone: 'America/New_York',
      weekStart,
      dayStartsAt: 0,
      today: d('2026-04-30'),
    });
    const mon = taskFigures(tasks, range('2026-03-30', '2026-04-12'), ny(MON), 'week');
    // Monday weeks: task 1 was created in the week of Mar 30; the rest in the week of Apr 6.
    expect(mon.periods.map((p) => [p.from, p.created, p.completed, p.cancelled, p.net])).toEqual([
      ['2026-03-30', 1, 0, 0, 1],
      ['2026-04-06', 3, 2, 1, 0],
    ]);
    const sun = taskFigures(tasks, range('2026-03-29', '2026-04-11'), ny(SUN), 'week');
    expect(sun.periods.map((p) => [p.from, p.created])).toEqual([
      ['2026-03-29', 0],
      ['2026-04-05', 4],
    ]);
    expect(mon.totals).toEqual({ created: 4, completed: 2, cancelled: 1, net: 1 });
    expect(mon.average.created).toBe(2);
    // high: 2 created, 2 completed → 1; low: 1 created, cancelled → no rate; none: 1 created, 0 completed.
    expect(mon.by_priority.map((r) => [r.key, r.created, r.completed, r.rate])).toEqual([
      ['high', 2, 2, 1],
      ['low', 1, 0, null],
      ['none', 1, 0, 0],
    ]);
    // Task 1 done on its planned day (on time), task 2 a day late → 1 of 2.
    expect(mon.on_time).toEqual({ planned: 2, on_time: 1, rate: 0.5 });
  });
});

const goal = (over: Partial<GoalInput>): GoalInput => ({
  id: 1,
  title: 'Run 100 km',
  life_area: 'health',
  tracking_type: 'metric',
  status: 'active',
  progress_percentage: 0,
  is_on_track: true,
  metric_unit: 'km',
  metric_start_value: 0,
  metric_target_value: 100,
  metric_current_value: 20,
  metric_decrease: false,
  started_at: '2026-01-01',
  target_date: '2026-12-31',
  created_at: '2026-01-01T00:00:00Z',
  milestones: [],
  ...over,
});

describe('goal figures', () => {
  const s = { zone: 'UTC', dayStartsAt: 0 };
  const updates = [
    { metric_value: 10, update_date: '2026-03-02T10:00:00Z' },
    { metric_value: 20, update_date: '2026-04-01T10:00:00Z' },
  ];

  it('compares progress with the linear pace and the 10-point rule', () => {
    // Jan 1 → Dec 31 is 364 days; Apr 1 is day 90: expected 90/364 = 24.73 %. 20 % is 4.7 points behind: on track.
    const g = goalFigures(goal({}), updates, d('2026-04-01'), s);
    expect(g.expected).toBeCloseTo((90 / 364) * 100, 10);
    expect(g.expected_value).toBeCloseTo((90 / 364) * 100, 10);
    expect(g.progress).toBe(20);
    expect(g.on_track).toBe(true);
    // At 10 % it is 14.7 points behind: off track.
    const behind = goalFigures(
      goal({}),
      [{ metric_value: 10, update_date: '2026-03-02T10:00:00Z' }],
      d('2026-04-01'),
      s,
    );
    expect(behind.on_track).toBe(false);
  });

  it('projects the completion date from the recent rate', () => {
    // 10 → 20 over Mar 2 → Apr 1 (30 days): 1/3 per day; 80 left → 240 days after Apr 1 = Nov 27.
    const g = goalFigures(goal({}), updates, d('2026-04-01'), s);
    expect(g.projection).toEqual({ verdict: 'on_pace', date: '2026-11-27', rate_per_day: 1 / 3 });
    const late = goalFigures(goal({ target_date: '2026-10-01' }), updates, d('2026-04-01'), s);
    expect(late.projection.verdict).toBe('late');
    const flat = goalFigures(
      goal({}),
      [...updates, { metric_value: 5, update_date: '2026-04-01T12:00:00Z' }],
      d('2026-04-01'),
      s,
    );
    expect(flat.projection.verdict).toBe('no_convergence');
  });

  it('handles goals where lower is better, milestones and the change within a period', () => {
    // Weight 80 → 70; now 75: half way.
    const w = goalFigures(
      goal({ metric_start_value: 80, metric_target_value: 70, metric_decrease: true }),
      [
        { metric_value: 78, update_date: '2026-04-05T08:00:00Z' },
        { metric_value: 75, update_date: '2026-04-07T08:00:00Z' },
      ],
      d('2026-04-08'),
      s,
      range('2026-04-06', '2026-04-12'),
    );
    // Before the week: 78 → 20 %; after: 75 → 50 %: moved by 30 points.
    expect(w.progress).toBe(50);
    expect(w.change?.from).toBeCloseTo(20, 10);
    expect(w.change?.points).toBeCloseTo(30, 10);
    expect(w.change?.moved).toBe(true);
    const m = goalFigures(
      goal({
        tracking_type: 'milestone',
        metric_target_value: null,
        milestones: [
          { title: 'a', completed: true, order: 1, target_date: null },
          { title: 'b', completed: false, order: 3, target_date: '2026-06-01' },
          { title: 'c', completed: false, order: 2, target_date: null },
        ],
      }),
      [],
      d('2026-04-08'),
      s,
    );
    expect(m.progress).toBeCloseTo(100 / 3, 10);
    expect(m.milestones).toEqual({ done: 1, total: 3, next: 'c', next_date: null });
    expect(m.projection.verdict).toBe('no_data');
  });
});
