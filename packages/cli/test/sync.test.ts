import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { habitDays } from '../src/account/habit-days.js';
import { Progress } from '../src/account/progress.js';
import { RESOURCES } from '../src/account/resources.js';
import { type SyncOptions, syncAccount } from '../src/sync/run.js';
import { localDate } from '../src/time/zone.js';
import { accountOf, client, mockApi, NOW, tempDir } from './export.support.js';
import { fakeIO } from './helpers/fake-io.js';

function sync(c: SyncOptions['client'], db: string, extra: Partial<SyncOptions> = {}) {
  return syncAccount({
    client: c,
    db,
    resources: new Set(RESOURCES),
    now: new Date(NOW),
    progress: new Progress(fakeIO({ tty: false }).io.stderr),
    ...extra,
  });
}

function query<T = Record<string, unknown>>(db: string, sql: string, ...args: Array<string | number>): T[] {
  const d = new DatabaseSync(db, { readOnly: true });
  try {
    return d.prepare(sql).all(...args) as T[];
  } finally {
    d.close();
  }
}

const raws = (db: string, table: string, order = 'id') =>
  query<{ raw: string }>(db, `SELECT raw FROM ${table} ORDER BY ${order}`).map((r) => JSON.parse(r.raw));

describe('loggd sync --db', () => {
  it('mirrors every resource and child, and the views give the figures of the raw data', async () => {
    const mock = mockApi();
    const account = accountOf(mock);
    const db = join(await tempDir('loggd-sync-'), 'loggd.sqlite');
    await sync(client(mock), db);

    const byId = <T extends { id: number }>(xs: T[]) =>
      JSON.parse(JSON.stringify([...xs].sort((a, b) => a.id - b.id)));
    expect(raws(db, 'habits')).toEqual(byId(account.habits));
    expect(raws(db, 'habit_checks')).toEqual(byId([...account.checks.values()].flat()));
    expect(raws(db, 'habit_skips')).toEqual(byId([...account.skips.values()].flat()));
    expect(raws(db, 'tasks')).toEqual(byId(account.tasks));
    expect(raws(db, 'subtasks')).toEqual(byId(account.tasks.flatMap((t) => t.subtasks ?? [])));
    expect(raws(db, 'goals')).toEqual(byId(account.goals));
    expect(raws(db, 'milestones')).toEqual(byId(account.goals.flatMap((g) => g.milestones)));
    expect(raws(db, 'goal_updates')).toEqual(byId([...account.goalUpdates.values()].flat()));
    expect(raws(db, 'focus_sessions')).toEqual(byId(account.focusSessions));
    expect(query(db, 'SELECT task_id, tag_id FROM task_tags ORDER BY task_id, tag_id')).toEqual(
      // A link is a set: the mock may embed the same tag twice on a task.
      [...new Set(account.tasks.flatMap((t) => (t.tags ?? []).map((g) => `${t.id}:${g.id}`)))]
        .map((k) => k.split(':').map(Number) as [number, number])
        .map(([task_id, tag_id]) => ({ task_id, tag_id }))
        .sort((a, b) => a.task_id - b.task_id || a.tag_id - b.tag_id),
    );
    for (const habit of account.habits) {
      const fk = query<{ n: number }>(
        db,
        'SELECT COUNT(*) AS n FROM habit_checks WHERE habit_id = ?',
        habit.id,
      );
      expect(fk[0]!.n).toBe(account.checks.get(habit.id)?.length ?? 0);
    }

    const zone = account.profile.timezone;
    const focusByDay = new Map<string, number>();
    for (const s of account.focusSessions) {
      if (s.actual_duration_seconds === null) continue;
      const d = localDate(s.started_at, zone);
      focusByDay.set(d, (focusByDay.get(d) ?? 0) + s.actual_duration_seconds);
    }
    const view = query<{ day: string; hours: number }>(
      db,
      'SELECT day, hours FROM focus_by_day ORDER BY day',
    );
    expect(view.map((r) => r.day)).toEqual([...focusByDay.keys()].sort());
    for (const r of view) expect(r.hours).toBeCloseTo(focusByDay.get(r.day)! / 3600, 3);
    const monthly = query<{ hours: number }>(db, 'SELECT hours FROM focus_by_month');
    expect(monthly.reduce((n, r) => n + r.hours, 0)).toBeCloseTo(
      [...focusByDay.values()].reduce((a, b) => a + b, 0) / 3600,
      2,
    );

    const weekly = query<{ created: number; completed: number }>(
      db,
      'SELECT created, completed FROM tasks_by_week',
    );
    expect(weekly.reduce((n, r) => n + r.created, 0)).toBe(account.tasks.length);
    expect(weekly.reduce((n, r) => n + r.completed, 0)).toBe(
      account.tasks.filter((t) => t.completed_at).length,
    );

    // Daily habit completion: done from the checks themselves, due from the habit_days rules.
    const doneByDay = new Map<string, Set<number>>();
    for (const [hid, checks] of account.checks) {
      for (const c of checks) doneByDay.set(c.date, (doneByDay.get(c.date) ?? new Set()).add(hid));
    }
    const dueByDay = new Map<string, number>();
    let habitDayRows = 0;
    for (const h of account.habits) {
      for (const r of habitDays({
        habit: h,
        checkDates: (account.checks.get(h.id) ?? []).map((c) => c.date),
        skipDates: (account.skips.get(h.id) ?? []).map((c) => c.date),
        today: NOW.slice(0, 10),
        timeZone: zone,
        weekStartDay: account.profile.week_start_day,
      })) {
        habitDayRows++;
        if (r.status === 'done' || r.status === 'missed' || r.status === 'pending')
          dueByDay.set(r.date, (dueByDay.get(r.date) ?? 0) + 1);
      }
    }
    const completion = query<{
      date: string;
      habits_done: number;
      habits_due: number;
      completion_rate: number;
    }>(
      db,
      'SELECT date, habits_done, habits_due, completion_rate FROM daily_habit_completion WHERE habits_due > 0 ORDER BY date',
    );
    expect(completion.map((r) => r.date)).toEqual([...dueByDay.keys()].sort());
    for (const r of completion) {
      expect(r.habits_done, r.date).toBe(doneByDay.get(r.date)?.size ?? 0);
      expect(r.habits_due, r.date).toBe(dueByDay.get(r.date));
      expect(r.completion_rate).toBeCloseTo(r.habits_done / r.habits_due, 4);
    }
    expect(query(db, 'SELECT 1 FROM habit_days')).toHaveLength(habitDayRows);
    const progress = query<{ goal_id: number }>(db, 'SELECT goal_id FROM goal_progress');
    expect(progress).toHaveLength([...account.goalUpdates.values()].flat().length);
  });

  it('weekly views start weeks on the profile week_start_day', async () => {
    for (const weekStart of ['sunday', 'wednesday'] as const) {
      const mock = mockApi();
      const account = accountOf(mock);
      account.profile.week_start_day = weekStart;
      const db = join(await tempDir('loggd-sync-'), 'loggd.sqlite');
      await sync(client(mock), db);
      const zone = account.profile.timezone;
      const weekOf = (date: string) => {
        const d = DateTime.fromISO(date, { zone: 'utc' });
        const back = (d.weekday - (weekStart === 'sunday' ? 7 : 3) + 7) % 7;
        return d.minus({ days: back }).toISODate()!;
      };
      const created = new Map<string, number>();
      for (const t of account.tasks) {
        const w = weekOf(localDate(t.created_at, zone));
        created.set(w, (created.get(w) ?? 0) + 1);
      }
      const rows = query<{ week: string; created: number }>(
        db,
        'SELECT week, created FROM tasks_by_week WHERE created > 0 ORDER BY week',
      );
      expect(Object.fromEntries(rows.map((r) => [r.week, r.created]))).toEqual(
        Object.fromEntries([...created].sort()),
      );
      const focusWeeks = query<{ week: string }>(db, 'SELECT week FROM focus_by_week');
      expect(focusWeeks.length).toBeGreaterThan(0);
      for (const { week } of focusWeeks) expect(weekOf(week)).toBe(week);
    }
  });

  it('a re-run syncs only the changes, deletes what the API dropped, and logs it', async () => {
    const mock = mockApi();
    const account = accountOf(mock);
    const db = join(await tempDir('loggd-sync-'), 'loggd.sqlite');
    const first = await sync(client(mock), db);
    const idle = await sync(client(mock), db);
    expect(Object.values(idle.counts).every((c) => c.inserted + c.updated + c.deleted === 0)).toBe(true);
    expect(idle.requests).toBeLessThan(first.requests / 2);

    const habit = account.habits.find((h) => h.status === 'active' && !h.checked_today)!;
    const { check } = mock.control.completeHabit(habit.id);
    const gone = account.focusSessions.splice(0, 1)[0]!;
    const r = await sync(client(mock), db);
    expect(r.counts.habit_checks!.inserted).toBe(1);
    expect(r.counts.habits!.updated).toBeGreaterThanOrEqual(1);
    expect(r.counts.focus_sessions!.deleted).toBe(1);
    expect(query(db, 'SELECT id FROM habit_checks WHERE id = ?', check.id)).toHaveLength(1);
    expect(query(db, 'SELECT id FROM focus_sessions WHERE id = ?', gone.id)).toHaveLength(0);
    const log = query<{ run_id: string; resource: string; inserted: number }>(
      db,
      'SELECT run_id, resource, inserted FROM sync_log WHERE run_id = ?',
      r.runId,
    );
    expect(log.find((l) => l.resource === 'habit_checks')!.inserted).toBe(1);
  });

  it('a failed run keeps its finished units whole; the next run completes the mirror', async () => {
    const mock = mockApi();
    const account = accountOf(mock);
    const db = join(await tempDir('loggd-sync-'), 'loggd.sqlite');
    await sync(client(mock), db);
    const tables = ['habits', 'habit_checks', 'tasks', 'focus_sessions', 'goal_updates'];
    const snapshot = (path: string) => tables.map((t) => query(path, `SELECT * FROM ${t} ORDER BY 1`));
    const checksOf = (path: string, habitId: number) =>
      query(path, 'SELECT id FROM habit_checks WHERE habit_id = ? ORDER BY id', habitId);
    const before = new Map(account.habits.map((h) => [h.id, checksOf(db, h.id)]));

    for (const h of account.habits.filter((x) => x.status === 'active' && !x.checked_today)) {
      mock.control.completeHabit(h.id);
    }
    account.focusSessions.splice(0, 3);
    mock.faults.add({ fault: 'status', status: 500, route: '/goals/:id/updates' });
    await expect(sync(client(mock), db)).rejects.toMatchObject({ code: 'server' });
    expect(query(db, 'PRAGMA foreign_key_check')).toEqual([]);
    // Each habit's history is the old one or the new one, never half of it.
    const fresh = join(await tempDir('loggd-sync-'), 'loggd.sqlite');
    mock.faults.clear();
    await sync(client(mock), fresh);
    for (const h of account.habits) {
      expect([before.get(h.id), checksOf(fresh, h.id)]).toContainEqual(checksOf(db, h.id));
    }

    await sync(client(mock), db);
    expect(snapshot(db)).toEqual(snapshot(fresh));
  });
});
