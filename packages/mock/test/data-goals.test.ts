import type { Goal, GoalUpdate } from '@loggd/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDataset, levelForPoints, pointsForLevel, recomputeGoalStats } from '../src/data/generate.js';

function metricGoal(over: Partial<Goal>): Goal {
  return {
    id: 12,
    title: 'Read 24 books',
    description: null,
    notes: null,
    life_area: 'growth',
    time_horizon: 'yearly',
    tracking_type: 'metric',
    status: 'active',
    progress_percentage: 0,
    is_on_track: false,
    trend: 'neutral',
    metric_unit: 'books',
    metric_start_value: 0,
    metric_target_value: 24,
    metric_current_value: 0,
    metric_decrease: false,
    metric_value_type: null,
    last_update_note: null,
    started_at: '2026-01-01',
    target_date: '2026-12-31',
    completed_at: null,
    last_reviewed_at: null,
    updates_count: 0,
    milestones: [],
    created_at: '2026-01-01T08:00:00+00:00',
    updated_at: '2026-01-01T08:00:00+00:00',
    ...over,
  };
}

function update(id: number, value: number, date: string, note: string | null = null): GoalUpdate {
  const at = `${date}T10:00:00+00:00`;
  return { id, metric_value: value, note, update_date: at, created_at: at };
}

describe('recomputeGoalStats on hand-worked examples', () => {
  it('read 24 books: 12 read by 8 April → 50 %, up, on track (expected pace ≈ 27 %)', () => {
    const updates = [update(2, 12, '2026-04-08', 'Finished Atomic Habits'), update(1, 11, '2026-03-25')];
    const g = recomputeGoalStats(
      metricGoal({}),
      updates,
      new Date('2026-04-08T12:00:00Z'),
      'Europe/Bucharest',
    );
    expect(g).toMatchObject({
      progress_percentage: 50,
      trend: 'up',
      is_on_track: true,
      metric_current_value: 12,
      updates_count: 2,
      last_update_note: 'Finished Atomic Habits',
      last_reviewed_at: '2026-04-08T10:00:00+00:00',
    });
  });

  it('weight loss 82 → 76 kg: at 80.5 after half the time → 25 %, up (falling is better), behind pace', () => {
    // 1 March → 30 May is 90 days; 15 April is day 45: expected 50 %, and 25 % is more than 10 points behind.
    const goal = metricGoal({
      metric_start_value: 82,
      metric_target_value: 76,
      metric_decrease: true,
      started_at: '2026-03-01',
      target_date: '2026-05-30',
    });
    const updates = [update(1, 81, '2026-04-01'), update(2, 80.5, '2026-04-15')];
    const g = recomputeGoalStats(goal, updates, new Date('2026-04-15T12:00:00Z'));
    expect(g).toMatchObject({
      progress_percentage: 25,
      trend: 'up',
      is_on_track: false,
      metric_current_value: 80.5,
    });
    const gained = recomputeGoalStats(
      goal,
      [...updates, update(3, 80.9, '2026-04-16')],
      new Date('2026-04-16T12:00:00Z'),
    );
    expect(gained.trend).toBe('down');
  });

  it('is on track exactly 10 points behind the linear pace, and not 11', () => {
    // 10-day goal, day 5 → expected 50 %.
    const goal = metricGoal({
      metric_target_value: 100,
      started_at: '2026-01-01',
      target_date: '2026-01-11',
    });
    const now = new Date('2026-01-06T12:00:00Z');
    expect(recomputeGoalStats(goal, [update(1, 40, '2026-01-06')], now).is_on_track).toBe(true);
    expect(recomputeGoalStats(goal, [update(1, 39, '2026-01-06')], now).is_on_track).toBe(false);
    expect(recomputeGoalStats(goal, [update(1, 90, '2026-01-06')], now).is_on_track).toBe(true);
  });

  it('clamps progress to 0…100 and is neutral with fewer than two or two equal updates', () => {
    const now = new Date('2026-04-08T12:00:00Z');
    const over = recomputeGoalStats(metricGoal({}), [update(1, 30, '2026-04-01')], now);
    expect(over).toMatchObject({ progress_percentage: 100, trend: 'neutral' });
    const under = recomputeGoalStats(
      metricGoal({}),
      [update(1, 5, '2026-04-01'), update(2, -3, '2026-04-02')],
      now,
    );
    expect(under).toMatchObject({ progress_percentage: 0, trend: 'down' });
    const flat = recomputeGoalStats(
      metricGoal({}),
      [update(1, 5, '2026-04-01'), update(2, 5, '2026-04-02')],
      now,
    );
    expect(flat.trend).toBe('neutral');
  });

  it('takes the trend from the two newest updates whatever order they come in', () => {
    const updates = [update(1, 3, '2026-02-01'), update(3, 8, '2026-04-01'), update(2, 9, '2026-03-01')];
    expect(recomputeGoalStats(metricGoal({}), updates, new Date('2026-04-08T12:00:00Z')).trend).toBe('down');
  });

  it('milestone goals: 2 of 5 milestones → 40 %; completed goals and undated goals are on track', () => {
    const milestones = [1, 2, 3, 4, 5].map((order) => ({
      id: 40 + order,
      title: `Step ${order}`,
      completed: order <= 2,
      order,
      target_date: null,
      completed_at: order <= 2 ? '2026-02-01T10:00:00+00:00' : null,
    }));
    const goal = metricGoal({
      tracking_type: 'milestone',
      metric_start_value: null,
      metric_target_value: null,
      metric_current_value: null,
      milestones,
    });
    const g = recomputeGoalStats(goal, [], new Date('2026-04-08T12:00:00Z'));
    expect(g).toMatchObject({ progress_percentage: 40, trend: 'neutral', updates_count: 0 });
    const late = new Date('2026-12-31T12:00:00Z');
    expect(recomputeGoalStats(goal, [], late).is_on_track).toBe(false);
    expect(recomputeGoalStats({ ...goal, status: 'completed' }, [], late).is_on_track).toBe(true);
    expect(recomputeGoalStats({ ...goal, started_at: null }, [], late).is_on_track).toBe(true);
  });

  it('does not mutate its input', () => {
    const goal = metricGoal({});
    const copy = structuredClone(goal);
    recomputeGoalStats(goal, [update(1, 20, '2026-04-01')], new Date('2026-04-08T12:00:00Z'));
    expect(goal).toEqual(copy);
  });
});

describe('generated goals', () => {
  const now = new Date('2026-04-08T12:00:00Z');
  const dataset = generateDataset({ seed: 9, now });

  it('follow the documented rules (checked here with the formulas written out)', () => {
    for (const account of dataset.accounts) {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: account.profile.timezone }).format(now);
      for (const g of account.goals) {
        const updates = account.goalUpdates.get(g.id)!;
        expect(g.updates_count).toBe(updates.length);
        let progress: number;
        if (g.tracking_type === 'milestone') {
          progress = Math.round((100 * g.milestones.filter((m) => m.completed).length) / g.milestones.length);
        } else {
          const start = g.metric_start_value!;
          const target = g.metric_target_value!;
          expect(g.metric_current_value).toBe(updates[0]?.metric_value ?? start);
          progress = Math.round(
            Math.min(100, Math.max(0, (100 * (g.metric_current_value! - start)) / (target - start))),
          );
        }
        expect(g.progress_percentage).toBe(progress);
        if (updates.length >= 2) {
          const delta = updates[0]!.metric_value - updates[1]!.metric_value;
          const better = g.metric_decrease ? delta < 0 : delta > 0;
          expect(g.trend).toBe(delta === 0 ? 'neutral' : better ? 'up' : 'down');
        } else {
          expect(g.trend).toBe('neutral');
        }
        const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
        const total = day(g.target_date!) - day(g.started_at!);
        const elapsed = Math.min(total, Math.max(0, day(today) - day(g.started_at!)));
        const expected = (100 * elapsed) / total;
        expect(g.is_on_track).toBe(g.status === 'completed' || progress >= expected - 10);
      }
    }
  });

  it('cover metric (up and down) and milestone goals in every status', () => {
    const goals = dataset.accounts[0]!.goals;
    expect(new Set(goals.map((g) => g.status))).toEqual(
      new Set(['active', 'completed', 'paused', 'abandoned']),
    );
    expect(new Set(goals.map((g) => g.tracking_type))).toEqual(new Set(['metric', 'milestone']));
    expect(goals.some((g) => g.metric_decrease)).toBe(true);
    expect(goals.find((g) => g.status === 'completed')!.progress_percentage).toBe(100);
  });
});

describe('levelForPoints', () => {
  it('puts the docs example profile (2500 points) at level 7 and starts at level 1', () => {
    expect(levelForPoints(2500)).toBe(7);
    expect(levelForPoints(0)).toBe(1);
    expect(levelForPoints(99)).toBe(1);
    expect(levelForPoints(100)).toBe(2);
  });

  it('returns the level whose threshold range holds the points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000_000 }), (points) => {
        const level = levelForPoints(points);
        expect(pointsForLevel(level)).toBeLessThanOrEqual(points);
        expect(pointsForLevel(level + 1)).toBeGreaterThan(points);
      }),
    );
  });
});
