import {
  FocusSessionSchema,
  GoalSchema,
  GoalUpdateSchema,
  HabitCheckSchema,
  HabitSchema,
  HabitSkipSchema,
  ProfileSchema,
  TagSchema,
  TaskSchema,
} from '@loggd/sdk';
import { describe, expect, it } from 'vitest';
import {
  DEMO_USER_ID,
  DOWNGRADED_USER_ID,
  focusPoints,
  generateDataset,
  levelForPoints,
  nextId,
  OTHER_USER_ID,
} from '../src/data/generate.js';
import { CHECK_POINTS, MILESTONE_POINTS, TASK_POINTS } from '../src/data/points.js';
import type { Account, Dataset } from '../src/data/types.js';

const NOW = new Date('2026-04-08T12:00:00Z');
const NOW_WIRE = '2026-04-08T12:00:00+00:00';
const mapsAsEntries = (_key: string, value: unknown) => (value instanceof Map ? [...value] : value);
const serialize = (d: Dataset) => JSON.stringify(d, mapsAsEntries);
const localDate = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    ms,
  );
const checksOf = (a: Account) => [...a.checks.values()].flat();

function count(d: Dataset) {
  const a = d.accounts[0]!;
  return {
    habits: a.habits.length,
    checks: checksOf(a).length,
    tasks: a.tasks.length,
    goals: a.goals.length,
    sessions: a.focusSessions.length,
  };
}

const dataset = generateDataset({ seed: 42, now: NOW });
const demo = dataset.accounts.find((a) => a.userId === DEMO_USER_ID)!;

describe('generateDataset determinism', () => {
  it('gives byte-identical data for the same seed and now, and different data for another seed', () => {
    const again = generateDataset({ seed: 42, now: NOW });
    expect(serialize(again)).toBe(serialize(dataset));
    expect(serialize(generateDataset({ seed: 43, now: NOW }))).not.toBe(serialize(dataset));
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => generateDataset({ scale: 0 })).toThrow(/scale/);
    expect(() => generateDataset({ years: -1 })).toThrow(/years/);
    expect(() => generateDataset({ seed: 1.5 })).toThrow(/seed/);
  });
});

describe('generated records', () => {
  it('all validate against the SDK schemas', () => {
    for (const a of dataset.accounts) {
      ProfileSchema.parse(a.profile);
      for (const h of a.habits) HabitSchema.parse(h);
      for (const c of checksOf(a)) HabitCheckSchema.parse(c);
      for (const s of [...a.skips.values()].flat()) HabitSkipSchema.parse(s);
      for (const t of a.tasks) TaskSchema.parse(t);
      for (const g of a.goals) GoalSchema.parse(g);
      for (const u of [...a.goalUpdates.values()].flat()) GoalUpdateSchema.parse(u);
      for (const f of a.focusSessions) FocusSessionSchema.parse(f);
      for (const t of a.tags) TagSchema.parse(t);
    }
  });

  it('has three users: demo (Bucharest, monday), a second Pro user (New York, sunday) and a downgraded one', () => {
    expect(dataset.accounts.map((a) => a.userId)).toEqual([DEMO_USER_ID, OTHER_USER_ID, DOWNGRADED_USER_ID]);
    expect(demo.profile).toMatchObject({ timezone: 'Europe/Bucharest', week_start_day: 'monday' });
    const other = dataset.accounts[1]!;
    expect(other.profile).toMatchObject({ timezone: 'America/New_York', week_start_day: 'sunday' });
    expect(other.habits.length).toBeGreaterThan(0);
    expect(dataset.accounts.map((a) => a.pro)).toEqual([true, true, false]);
  });

  it('uses ids unique across users and indexes every owned resource', () => {
    const kinds = {
      habits: (a: Account) => a.habits.map((h) => h.id),
      tasks: (a: Account) => a.tasks.map((t) => t.id),
      goals: (a: Account) => a.goals.map((g) => g.id),
      focusSessions: (a: Account) => a.focusSessions.map((f) => f.id),
    };
    for (const [kind, ids] of Object.entries(kinds) as [keyof typeof kinds, (a: Account) => number[]][]) {
      const all = dataset.accounts.flatMap(ids);
      expect(new Set(all).size).toBe(all.length);
      for (const a of dataset.accounts)
        for (const id of ids(a)) expect(dataset.owners[kind].get(id)).toBe(a.userId);
    }
    const checkIds = dataset.accounts.flatMap((a) => checksOf(a).map((c) => c.id));
    expect(new Set(checkIds).size).toBe(checkIds.length);
    const taskIds = dataset.accounts.flatMap((a) =>
      a.tasks.flatMap((t) => [t.id, ...(t.subtasks ?? []).map((s) => s.id)]),
    );
    expect(new Set(taskIds).size).toBe(taskIds.length);
  });

  it('lists checks, skips and goal updates newest first and the rest by ascending id', () => {
    const descending = <T>(xs: T[], key: (x: T) => string | number) =>
      xs.every((x, i) => i === 0 || key(xs[i - 1]!) >= key(x));
    for (const a of dataset.accounts) {
      for (const list of a.checks.values()) {
        expect(descending(list, (c) => c.date)).toBe(true);
        expect(descending(list, (c) => c.checked_at)).toBe(true);
        expect(descending(list, (c) => c.id)).toBe(true);
      }
      for (const list of a.skips.values()) expect(descending(list, (s) => s.date)).toBe(true);
      for (const list of a.goalUpdates.values()) expect(descending(list, (u) => u.update_date)).toBe(true);
      for (const xs of [a.habits, a.tasks, a.goals, a.focusSessions, a.tags]) {
        expect(xs.map((x) => x.id)).toEqual([...xs.map((x) => x.id)].sort((p, q) => p - q));
      }
    }
  });

  it('ends the history at now: nothing later, checks today or yesterday, tasks in the current week', () => {
    expect(dataset.generatedAt).toBe(NOW_WIRE);
    const instants = (a: Account) => [
      ...checksOf(a).map((c) => c.checked_at),
      ...a.habits.flatMap((h) => [h.created_at, h.updated_at]),
      ...a.tasks.flatMap((t) => [t.created_at, t.updated_at, t.completed_at, t.cancelled_at]),
      ...a.goals.flatMap((g) => [
        g.created_at,
        g.updated_at,
        g.completed_at,
        ...g.milestones.map((m) => m.completed_at),
      ]),
      ...[...a.goalUpdates.values()].flat().map((u) => u.update_date),
      ...a.focusSessions.flatMap((f) => [f.started_at, f.ended_at, f.updated_at]),
    ];
    for (const a of dataset.accounts) {
      for (const at of instants(a)) if (at !== null) expect(at <= NOW_WIRE).toBe(true);
    }
    const today = localDate(NOW.getTime(), demo.profile.timezone);
    const latest = checksOf(demo)
      .map((c) => c.date)
      .sort()
      .at(-1)!;
    expect(latest === today || Date.parse(today) - Date.parse(latest) === 86_400_000).toBe(true);
    // This week (monday start) in Bucharest: 6 – 12 April 2026.
    const thisWeek = demo.tasks.filter((t) => t.planned_week_start === '2026-04-06');
    expect(thisWeek.length).toBeGreaterThan(3);
  });

  it('has a year of realistic habits: daily, custom days and weekly targets, active and archived', () => {
    expect(demo.habits.length).toBe(12);
    expect(new Set(demo.habits.map((h) => h.frequency))).toEqual(new Set(['daily', 'custom', 'weekly']));
    expect(new Set(demo.habits.map((h) => h.status))).toEqual(new Set(['active', 'archived']));
    for (const h of demo.habits) {
      if (h.frequency === 'custom') expect(h.custom_days!.every((d) => /^[a-z]+day$/.test(d))).toBe(true);
      if (h.frequency === 'weekly') expect(h.weekly_target).toBeGreaterThan(0);
    }
    const dates = checksOf(demo)
      .map((c) => c.date)
      .sort();
    expect(Date.parse(dates.at(-1)!) - Date.parse(dates[0]!)).toBeGreaterThan(360 * 86_400_000);
  });

  it('has tasks with subtasks, tags, priorities, planned days, recurrence, completed and cancelled', () => {
    const ts = demo.tasks;
    expect(ts.some((t) => (t.subtasks ?? []).length > 0)).toBe(true);
    expect(ts.some((t) => (t.tags ?? []).length > 0)).toBe(true);
    expect(new Set(ts.map((t) => t.priority))).toEqual(new Set([null, 'low', 'medium', 'high', 'urgent']));
    expect(new Set(ts.map((t) => t.status))).toEqual(new Set(['scheduled', 'completed', 'cancelled']));
    const templates = ts.filter((t) => t.recurrence?.is_template);
    expect(templates.length).toBeGreaterThan(0);
    for (const t of ts.filter((x) => x.recurrence && !x.recurrence.is_template)) {
      expect(templates.map((x) => x.id)).toContain(t.recurrence!.parent_id);
    }
    for (const t of ts) {
      if (t.planned_day) {
        expect(new Date(`${t.planned_week_start}T00:00:00Z`).getUTCDay()).toBe(1); // monday
        expect(t.planned_week_start! <= t.planned_day).toBe(true);
      }
      if (t.status === 'completed') expect(t.completed_at).not.toBeNull();
      if (t.status === 'cancelled') expect(t.cancelled_at).not.toBeNull();
    }
  });

  it('has focus sessions in every status, linked to own tasks and habits, some crossing local midnight', () => {
    const fs = demo.focusSessions;
    expect(new Set(fs.map((f) => f.status))).toEqual(new Set(['completed', 'active', 'cancelled', 'paused']));
    const taskIds = new Set(demo.tasks.map((t) => t.id));
    const habitIds = new Set(demo.habits.map((h) => h.id));
    expect(fs.some((f) => f.task_id !== null)).toBe(true);
    expect(fs.some((f) => f.habit_id !== null)).toBe(true);
    expect(fs.some((f) => f.tags.length > 0)).toBe(true);
    for (const f of fs) {
      if (f.task_id !== null) expect(taskIds.has(f.task_id)).toBe(true);
      if (f.habit_id !== null) expect(habitIds.has(f.habit_id)).toBe(true);
      if (f.status === 'active' || f.status === 'paused') expect(f.ended_at).toBeNull();
      if (f.status === 'completed') expect(f.points_earned).toBe(focusPoints(f.actual_duration_seconds!));
    }
    const tz = demo.profile.timezone;
    const crossing = fs.filter(
      (f) => f.ended_at && localDate(Date.parse(f.started_at), tz) !== localDate(Date.parse(f.ended_at), tz),
    );
    expect(crossing.length).toBeGreaterThan(0);
  });

  it('keeps profile points and level consistent with the history', () => {
    for (const a of dataset.accounts) {
      const points =
        checksOf(a).length * CHECK_POINTS +
        a.tasks.filter((t) => t.completed_at).length * TASK_POINTS +
        a.goals.flatMap((g) => g.milestones).filter((m) => m.completed).length * MILESTONE_POINTS +
        a.focusSessions.reduce((sum, f) => sum + f.points_earned, 0);
      expect(a.profile.total_points).toBe(points);
      expect(a.profile.level).toBe(levelForPoints(points));
      expect(a.profile.monthly_points).toBeLessThanOrEqual(points);
      expect(a.profile.longest_streak).toBeGreaterThanOrEqual(a.profile.current_streak);
    }
    expect(demo.profile.level).toBeGreaterThan(1);
  });
});

describe('size and id allocation', () => {
  it('grows the counts with scale and years', () => {
    const small = count(generateDataset({ seed: 1, now: NOW, scale: 1 }));
    const big = count(generateDataset({ seed: 1, now: NOW, scale: 3 }));
    const long = count(generateDataset({ seed: 1, now: NOW, years: 2 }));
    for (const key of Object.keys(small) as (keyof typeof small)[])
      expect(big[key]).toBeGreaterThan(small[key]);
    expect(long.checks).toBeGreaterThan(small.checks * 1.5);
  });

  it('hands out ids above every existing one, from counters stored in the dataset', () => {
    const d = generateDataset({ seed: 5, now: NOW, scale: 0.5 });
    const maxCheck = Math.max(...d.accounts.flatMap((a) => checksOf(a).map((c) => c.id)));
    const first = nextId(d, 'check');
    expect(first).toBeGreaterThan(maxCheck);
    expect(nextId(d, 'check')).toBe(first + 1);
    expect(d.counters.check).toBe(first + 1);
    const maxTask = Math.max(
      ...d.accounts.flatMap((a) => a.tasks.flatMap((t) => [t.id, ...(t.subtasks ?? []).map((s) => s.id)])),
    );
    expect(nextId(d, 'task')).toBeGreaterThan(maxTask);
  });
});
