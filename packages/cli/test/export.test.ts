import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  accountOf,
  client,
  filesOf,
  mockApi,
  ndjson,
  runExport,
  sha256,
  tempDir,
  without,
} from './export.support.js';

describe('loggd export (ndjson, json) against the mock', () => {
  it('writes every resource exactly as the mock holds it, with a manifest that checks out', async () => {
    const mock = mockApi();
    const account = accountOf(mock);
    const out = await tempDir();
    const result = await runExport(client(mock), out, 'ndjson');

    const habits = await ndjson(join(out, 'habits.ndjson'));
    expect(habits.map((h) => h.id)).toEqual(account.habits.map((h) => h.id));
    const checks = await ndjson(join(out, 'habit_checks.ndjson'));
    const skips = await ndjson(join(out, 'habit_skips.ndjson'));
    for (const habit of account.habits) {
      expect(checks.filter((c) => c.habit_id === habit.id).map((c) => without(c, 'habit_id'))).toEqual(
        account.checks.get(habit.id) ?? [],
      );
      expect(skips.filter((c) => c.habit_id === habit.id).map((c) => without(c, 'habit_id'))).toEqual(
        account.skips.get(habit.id) ?? [],
      );
    }
    expect(await ndjson(join(out, 'tasks.ndjson'))).toEqual(JSON.parse(JSON.stringify(account.tasks)));
    expect(await ndjson(join(out, 'goals.ndjson'))).toEqual(JSON.parse(JSON.stringify(account.goals)));
    const updates = await ndjson(join(out, 'goal_updates.ndjson'));
    for (const goal of account.goals) {
      expect(updates.filter((u) => u.goal_id === goal.id).map((u) => without(u, 'goal_id'))).toEqual(
        account.goalUpdates.get(goal.id) ?? [],
      );
    }
    expect(await ndjson(join(out, 'focus_sessions.ndjson'))).toEqual(
      JSON.parse(JSON.stringify(account.focusSessions)),
    );
    const profile = JSON.parse(await readFile(join(out, 'profile.json'), 'utf8'));
    expect(profile.id).toBe(account.profile.id);

    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.schema_version).toBe(1);
    expect(manifest.profile).toEqual({
      timezone: account.profile.timezone,
      week_start_day: account.profile.week_start_day,
    });
    const files = await filesOf(out);
    files.delete('manifest.json');
    expect(Object.keys(manifest.files).sort()).toEqual([...files.keys()].sort());
    for (const [name, bytes] of files) {
      expect(manifest.files[name].sha256).toBe(sha256(bytes));
      expect(manifest.files[name].bytes).toBe(bytes.length);
    }
    expect(manifest.files['habit_checks.ndjson'].count).toBe(
      [...account.checks.values()].reduce((n, c) => n + c.length, 0),
    );
    expect(result.resumed).toBe(false);
  });

  it('json holds the same objects as ndjson, as arrays', async () => {
    const mock = mockApi();
    const a = await tempDir();
    const b = await tempDir();
    await runExport(client(mock), a, 'ndjson');
    await runExport(client(mock), b, 'json');
    for (const name of ['habits', 'habit_checks', 'tasks', 'goal_updates', 'focus_sessions']) {
      const arr = JSON.parse(await readFile(join(b, `${name}.json`), 'utf8'));
      expect(arr).toEqual(await ndjson(join(a, `${name}.ndjson`)));
    }
  });

  it('a re-run fetches only what changed and ends equal to a fresh export', async () => {
    const mock = mockApi();
    const account = accountOf(mock);
    const out = await tempDir();
    await runExport(client(mock), out, 'ndjson');

    const unchanged = await runExport(client(mock), out, 'ndjson');
    const perHabit = account.habits.length * 2 + account.goals.length;
    // Lists are relisted, histories cost one page each, no task detail is fetched again.
    expect(unchanged.changes['tasks.ndjson']!.fetched).toBe(0);
    expect(unchanged.changes['habit_checks.ndjson']!.fetched).toBe(0);
    expect(unchanged.requests).toBeLessThan(perHabit + 20);

    const habit = account.habits.find((h) => h.status === 'active' && !h.checked_today)!;
    mock.control.completeHabit(habit.id, { note: 'from the test' });
    const task = mock.control.createTask({ title: 'new task from the test' });
    const goal = account.goals.find((g) => g.tracking_type === 'metric' && g.status === 'active')!;
    mock.control.recordGoalUpdate(goal.id, { value: 5 });
    const again = await runExport(client(mock), out, 'ndjson');
    expect(again.changes['habit_checks.ndjson']!.fetched).toBe(1);
    expect(again.changes['goal_updates.ndjson']!.fetched).toBe(1);
    expect(again.changes['tasks.ndjson']!.fetched).toBeGreaterThanOrEqual(1);
    const checks = await ndjson(join(out, 'habit_checks.ndjson'));
    expect(checks.filter((c) => c.note === 'from the test')).toHaveLength(1);
    expect((await ndjson(join(out, 'tasks.ndjson'))).some((t) => t.id === task.id)).toBe(true);

    const fresh = await tempDir();
    await runExport(client(mock), fresh, 'ndjson');
    expect(await filesOf(out)).toEqual(await filesOf(fresh));
  });

  it('faults (500s, dropped connections, 429s) change nothing in the result', async () => {
    const clean = await tempDir();
    await runExport(client(mockApi()), clean, 'csv');
    const mock = mockApi();
    mock.faults.add({ fault: 'status', status: 500, rate: 0.1 });
    mock.faults.add({ fault: 'reset', rate: 0.05 });
    mock.faults.add({ fault: 'rate-limit', retryAfter: 1, rate: 0.05 });
    const out = await tempDir();
    const result = await runExport(client(mock), out, 'csv');
    expect(result.retries).toBeGreaterThan(0);
    expect(await filesOf(out)).toEqual(await filesOf(clean));
  });

  it('skips a resource the token has no scope for, and fails on it with strict', async () => {
    const mock = mockApi();
    const out = await tempDir();
    const result = await runExport(client(mock, 'mock_pro_habits'), out, 'ndjson');
    expect(Object.keys(result.skipped).sort()).toEqual(['focus_sessions', 'goals', 'profile', 'tasks']);
    expect((await filesOf(out)).has('habits.ndjson')).toBe(true);
    expect((await filesOf(out)).has('tasks.ndjson')).toBe(false);
    await expect(
      runExport(client(mock, 'mock_pro_habits'), await tempDir(), 'ndjson', { strict: true }),
    ).rejects.toMatchObject({ code: 'missing_scope' });
  });
});
