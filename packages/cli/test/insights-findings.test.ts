import { describe, expect, it } from 'vitest';
import { dayOf, isoOf, WEEKDAYS, weekdayOf } from '../src/report/compute/calendar.js';
import type { FocusInput } from '../src/report/compute/focus.js';
import type { GoalInput } from '../src/report/compute/goals.js';
import type { HabitInput } from '../src/report/compute/habits.js';
import type { ReportSettings } from '../src/report/compute/period.js';
import { timeOfDay } from '../src/report/insights/habit-patterns.js';
import { computeInsights, type InsightsData } from '../src/report/insights/index.js';
import { fisherExact, phi } from '../src/report/insights/stats.js';

// Crafted accounts with known answers. Today is friday 2026-04-10; the period is the 60 days before it.
const TODAY = dayOf('2026-04-10');
const PERIOD = { from: TODAY - 60, to: TODAY };

function habit(id: number, over: Partial<HabitInput> = {}): HabitInput {
  return {
    id,
    name: `Habit ${id}`,
    frequency: 'daily',
    custom_days: null,
    weekly_target: null,
    start_date: isoOf(TODAY - 200),
    status: 'active',
    ...over,
  };
}

function account(over: Partial<InsightsData> = {}): InsightsData {
  return {
    habits: [],
    checks: new Map(),
    skips: new Map(),
    tasks: [],
    goals: [],
    goalUpdates: new Map(),
    focus: [],
    ...over,
  };
}

function settings(over: Partial<ReportSettings> = {}): ReportSettings {
  return { zone: 'UTC', weekStart: 0, dayStartsAt: 0, today: TODAY, ...over };
}

/** ISO dates of the days d (offsets from today, negative) where pick(d) holds, over the 200 days before today. */
function days(pick: (offset: number) => boolean): string[] {
  const out: string[] = [];
  for (let k = -200; k < 0; k++) if (pick(k)) out.push(isoOf(TODAY + k));
  return out;
}

describe('counted days', () => {
  it('skips are not misses: skipped days leave the rate and the day count', () => {
    const h = habit(1, { start_date: isoOf(TODAY - 30) });
    const checks = days((k) => k >= -30 && k < -10);
    const skips = days((k) => k >= -10);
    const r = computeInsights(
      account({ habits: [h], checks: new Map([[1, checks]]), skips: new Map([[1, skips]]) }),
      PERIOD,
      settings(),
      { seed: 1 },
    );
    expect(r.habits[0]).toMatchObject({ days: 20, done: 20, rate: 1 });
  });

  it('non-due days are excluded, even when checked', () => {
    const h = habit(2, { frequency: 'custom', custom_days: ['monday', 'wednesday', 'friday'] });
    // Every day checked, mondays missed: wednesdays and fridays done, tuesday checks ignored.
    const checks = days((k) => weekdayOf(TODAY + k) !== 0);
    const r = computeInsights(
      account({ habits: [h], checks: new Map([[2, checks]]), skips: new Map([[2, []]]) }),
      PERIOD,
      settings(),
      { seed: 1 },
    );
    let due = 0;
    let done = 0;
    for (let d = PERIOD.from; d < TODAY; d++) {
      const wd = weekdayOf(d);
      if (wd === 0 || wd === 2 || wd === 4) {
        due++;
        if (wd !== 0) done++;
      }
    }
    const insight = r.habits[0]!;
    expect([insight.days, insight.done]).toEqual([due, done]);
    const tuesday = insight.weekdays.weekdays.find((w) => w.weekday === 'tuesday')!;
    expect(tuesday.days).toBe(0);
    expect(insight.weekdays.best).toMatch(/wednesday|friday/);
    expect(insight.weekdays.worst).toBe('monday');
    expect(insight.weekdays.difference!.clear).toBe(true);
  });

  it('today never counts: unchecked it is at risk, not missed', () => {
    const h = habit(3, { name: 'Stretch' });
    const checks = days((k) => k >= -6);
    const times = checks.map((d) => `${d}T07:${String(10 + (dayOf(d) % 30)).padStart(2, '0')}:00Z`);
    const r = computeInsights(
      account({
        habits: [h],
        checks: new Map([[3, checks]]),
        skips: new Map([[3, []]]),
        checkTimes: new Map([[3, times]]),
      }),
      PERIOD,
      settings(),
      { seed: 1 },
    );
    expect(r.at_risk).toEqual([
      { id: 3, name: 'Stretch', streak: 6, unit: 'day', usually_by: expect.stringMatching(/^07:\d\d$/) },
    ]);
    expect(r.findings.find((f) => f.kind === 'at_risk')!.text).toMatch(
      /^Stretch: 6-day streak at risk, due today and not checked yet \(usually done by 07:\d\d\)\.$/,
    );
  });
});

describe('week starts', () => {
  it.each(WEEKDAYS.map((name, i) => [name, i] as const))('weeks starting %s', (name, weekStart) => {
    const h = habit(4);
    const checks = days((k) => k % 3 !== 0);
    const r = computeInsights(
      account({ habits: [h], checks: new Map([[4, checks]]), skips: new Map([[4, []]]) }),
      PERIOD,
      settings({ weekStart }),
      { seed: 1 },
    );
    const insight = r.habits[0]!;
    expect(insight.weekdays.weekdays[0]!.weekday).toBe(name);
    expect(insight.weekdays.weekdays.map((w) => w.weekday)).toHaveLength(7);
    // The trend's recent window starts on the profile's week start, 3 weeks before this week's, and ends yesterday.
    const recentFrom = dayOf(insight.trend.recent.from);
    expect(weekdayOf(recentFrom)).toBe(weekStart);
    expect(TODAY - recentFrom).toBeGreaterThanOrEqual(21);
    expect(TODAY - recentFrom).toBeLessThanOrEqual(27);
    expect(insight.trend.recent.to).toBe(isoOf(TODAY - 1));
    expect(dayOf(insight.trend.previous.to)).toBe(recentFrom - 1);
    expect(recentFrom - dayOf(insight.trend.previous.from)).toBe(84);
  });
});

describe('time of day across DST', () => {
  it('Europe/Bucharest: a 07:30 check reads 07:30 on both sides of 2026-03-29 (EET → EEST)', () => {
    const dates = ['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31'];
    // 07:30 local is 05:30Z before the change and 04:30Z after it.
    const times = ['05:30', '05:30', '04:30', '04:30', '04:30'].map((t, i) => `${dates[i]}T${t}:00Z`);
    const t = timeOfDay(dates, times, '2026-03-01', '2026-04-30', 'Europe/Bucharest', 0);
    expect(t.median).toBe('07:30');
    expect(t.usually_by).toBe('07:30');
    expect(t.parts.find((p) => p.part === 'morning')!.share).toBe(1);
  });

  it('America/New_York: 06:40 on both sides of 2026-11-01 (EDT → EST), offsets written out', () => {
    const dates = ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03'];
    const times = [
      '2026-10-30T06:40:00-04:00',
      '2026-10-31T10:40:00Z',
      '2026-11-01T11:40:00Z',
      '2026-11-02T06:40:00-05:00',
      '2026-11-03T11:40:00Z',
    ];
    const t = timeOfDay(dates, times, '2026-10-01', '2026-11-30', 'America/New_York', 0);
    expect([t.median, t.usually_by]).toEqual(['06:40', '06:40']);
  });

  it('counts from the day start: with days starting 04:00 a 00:30 check is the latest, not the earliest', () => {
    const dates = ['2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05', '2026-04-06'];
    const times = ['22:00', '22:10', '22:20', '22:30', '23:00', '00:30'].map(
      (t, i) => `${isoOf(dayOf(dates[i]!) + (t === '00:30' ? 1 : 0))}T${t}:00Z`,
    );
    const owl = timeOfDay(dates, times, '2026-04-01', '2026-04-30', 'UTC', 240);
    expect(owl.median).toBe('22:25');
    expect(owl.usually_by).toBe('22:53'); // 75th percentile: 22:30 + 0.75 · 30 min, from the day start
    const lark = timeOfDay(dates, times, '2026-04-01', '2026-04-30', 'UTC', 0);
    expect(lark.median).toBe('22:15');
  });

  it('a DST day is one day for the outcomes: 2026-03-08 in New York counts once', () => {
    const h = habit(5, { start_date: '2026-03-01' });
    const checks = ['2026-03-07', '2026-03-08', '2026-03-09'];
    const r = computeInsights(
      account({ habits: [h], checks: new Map([[5, checks]]), skips: new Map([[5, []]]) }),
      { from: dayOf('2026-03-01'), to: dayOf('2026-03-15') },
      settings({ zone: 'America/New_York', today: dayOf('2026-03-15') }),
      { seed: 1 },
    );
    expect(r.habits[0]).toMatchObject({ days: 14, done: 3 });
  });
});

describe('habit pairs', () => {
  // 40 days: habits 10 and 11 agree on 36 of them (a = 18, b = 2, c = 2, d = 18); habit 12 alternates.
  const start = TODAY - 40;
  const mk = (pick: (i: number) => boolean) => {
    const out: string[] = [];
    for (let i = 0; i < 40; i++) if (pick(i)) out.push(isoOf(start + i));
    return out;
  };
  const a = mk((i) => i < 20);
  const b = mk((i) => (i < 20 ? i >= 2 : i < 22));
  const c = mk((i) => i % 2 === 0);
  const data = account({
    habits: [
      habit(10, { name: 'Exercise', start_date: isoOf(start) }),
      habit(11, { name: 'Meditate', start_date: isoOf(start) }),
      habit(12, { name: 'Floss', start_date: isoOf(start) }),
    ],
    checks: new Map([
      [10, a],
      [11, b],
      [12, c],
    ]),
    skips: new Map([
      [10, []],
      [11, []],
      [12, []],
    ]),
  });

  it('finds the planted pair with its hand-counted table, phi and Fisher p, after BH over 3 pairs', () => {
    const r = computeInsights(data, { from: start, to: TODAY }, settings(), { seed: 1 });
    expect(r.pairs.tested).toBe(3);
    expect(r.pairs.significant).toHaveLength(1);
    const f = r.pairs.significant[0]!;
    const table = { a: 18, b: 2, c: 2, d: 18 };
    expect(f.table).toEqual(table);
    expect(f.phi).toBeCloseTo(0.8, 12); // (18·18 − 2·2) ÷ (20·20) by hand
    expect(f.p).toBe(fisherExact(table));
    expect(phi(table)).toBeCloseTo(0.8, 12);
    expect(f.q).toBeLessThanOrEqual(0.05);
    expect(f.q).toBeGreaterThanOrEqual(f.p);
    expect(r.findings[0]!.text).toBe(
      `Meditate is done 9.0× as often on days Exercise is done (90 % vs 10 % of days; φ = 0.80, p < 0.001, q < 0.001 over 3 pairs, n = 40 days).`,
    );
  });

  it('too little data says so instead of testing', () => {
    const r = computeInsights(data, { from: TODAY - 10, to: TODAY }, settings(), { seed: 1 });
    expect(r.pairs.tested).toBe(0);
    expect(r.pairs.too_few_days).toBe(3);
    expect(r.limits.join('\n')).toMatch(/Too little data to compare habits/);
    expect(r.limits.join('\n')).toMatch(/Too little data for weekday differences in any habit/);
    expect(r.findings.filter((f) => f.kind === 'pair')).toEqual([]);
  });
});

describe('habits and focus time', () => {
  const start = TODAY - 40;
  const checks: string[] = [];
  const focus: FocusInput[] = [];
  for (let i = 0; i < 40; i++) {
    const date = isoOf(start + i);
    const done = i % 4 !== 0;
    if (done) checks.push(date);
    const minutes = done ? 60 + (i % 5) : 10 + (i % 3);
    focus.push({
      id: i + 1,
      title: null,
      status: 'completed',
      started_at: `${date}T09:00:00Z`,
      ended_at: new Date(Date.parse(`${date}T09:00:00Z`) + minutes * 60_000).toISOString(),
      planned_duration_seconds: null,
      actual_duration_seconds: minutes * 60,
      total_paused_seconds: 0,
      task_id: null,
      habit_id: null,
      tags: [],
    });
  }
  const data = account({
    habits: [habit(20, { name: 'Read', start_date: isoOf(start) })],
    checks: new Map([[20, checks]]),
    skips: new Map([[20, []]]),
    focus,
  });

  it('relates done days to that day’s focus minutes, seeded and repeatable', () => {
    const r = computeInsights(data, { from: start, to: TODAY }, settings(), { seed: 9 });
    expect(r.focus.tested).toBe(1);
    const f = r.focus.significant[0]!;
    expect(f.n).toBe(40);
    expect(f.done_days).toBe(30);
    expect(f.minutes_done).toBeCloseTo(62, 9); // 60 + mean of (i mod 5) over the done days = 2
    expect(f.r).toBeGreaterThan(0.9);
    expect(f.p).toBe(1 / 2000); // no shuffle reaches the observed split
    expect(computeInsights(data, { from: start, to: TODAY }, settings(), { seed: 9 }).focus).toEqual(r.focus);
    expect(r.findings.find((x) => x.kind === 'focus')!.text).toMatch(
      /^On days you do Read you focus 51 min more \(62 vs 11 min; r = \d\.\d\d, permutation p < 0\.001, q < 0\.001 over 1 habit, n = 40 days\)\.$/,
    );
  });

  it('says so when there is no focus time at all', () => {
    const r = computeInsights({ ...data, focus: [] }, { from: start, to: TODAY }, settings(), { seed: 9 });
    expect(r.limits).toContain('No completed focus sessions: focus time cannot be related to habits.');
  });
});

describe('goal forecasts', () => {
  const goal = (id: number, over: Partial<GoalInput> = {}): GoalInput => ({
    id,
    title: `Goal ${id}`,
    life_area: null,
    tracking_type: 'metric',
    status: 'active',
    progress_percentage: 0,
    is_on_track: true,
    metric_unit: 'km',
    metric_start_value: 0,
    metric_target_value: 100,
    metric_current_value: null,
    metric_decrease: false,
    started_at: isoOf(TODAY - 100),
    target_date: isoOf(TODAY + 60),
    created_at: `${isoOf(TODAY - 100)}T08:00:00Z`,
    milestones: [],
    ...over,
  });
  // 1 km a day exactly, 40 km today: the line reaches 100 km in 60 days; the interval is a point.
  const updates = [-40, -30, -20, -10, 0].map((k) => ({
    metric_value: 40 + k,
    update_date: `${isoOf(TODAY + k)}T12:00:00Z`,
  }));

  it('dates a perfect line exactly: on track when the end date is the projected day', () => {
    const r = computeInsights(
      account({ goals: [goal(1)], goalUpdates: new Map([[1, updates]]) }),
      PERIOD,
      settings(),
      { seed: 1 },
    );
    expect(r.goals[0]).toMatchObject({
      projected: isoOf(TODAY + 60),
      interval: [isoOf(TODAY + 60), isoOf(TODAY + 60)],
      verdict: 'on_track',
      days: 0,
      rate_per_day: expect.closeTo(1, 9),
      updates_used: 5,
    });
  });

  it('ahead and behind by N days when the whole interval is before or after the end date', () => {
    const r = computeInsights(
      account({
        goals: [goal(1, { target_date: isoOf(TODAY + 90) }), goal(2, { target_date: isoOf(TODAY + 45) })],
        goalUpdates: new Map([
          [1, updates],
          [2, updates],
        ]),
      }),
      PERIOD,
      settings(),
      { seed: 1 },
    );
    expect(r.goals.map((g) => [g.verdict, g.days])).toEqual([
      ['ahead', 30],
      ['behind', -15],
    ]);
    expect(r.findings.map((f) => f.text)).toContain(
      `Goal 2: projected to reach 100 km on ${isoOf(TODAY + 60)} (95 % interval ${isoOf(TODAY + 60)} to ${isoOf(TODAY + 60)}), 15 days behind its ${isoOf(TODAY + 45)} end date; 7 km a week over 5 updates.`,
    );
  });

  it('too few updates says so', () => {
    const r = computeInsights(
      account({ goals: [goal(1)], goalUpdates: new Map([[1, updates.slice(-2)]]) }),
      PERIOD,
      settings(),
      { seed: 1 },
    );
    expect(r.goals[0]!.verdict).toBe('no_data');
    expect(r.limits).toContain(
      'Goal 1: too few recent updates to forecast (2; needs 3 on two days or more).',
    );
  });
});
