import { HabitSchema, TaskSchema } from '@loggd/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import docs from './fixtures/docs-examples.json' with { type: 'json' };
import { get, strictMock, walk } from './support.js';

// Rate limiting has its own tests: these walk thousands of pages on a frozen clock.
const mock = strictMock({ rateLimit: false });

function ownIds(kind: 'habits' | 'tasks' | 'goals' | 'focusSessions', userId: number): number[] {
  return [...mock.dataset.owners[kind]].filter(([, owner]) => owner === userId).map(([id]) => id);
}

const proUser = () => mock.dataset.accounts.filter((a) => a.pro)[0]!;
const otherUser = () => mock.dataset.accounts.filter((a) => a.pro)[1]!;

describe('read endpoints (strict contract mode)', () => {
  it('GET /habits lists active habits by default, ascending id; status=all/archived filter', async () => {
    const account = proUser();
    const active = await walk(mock, '/habits', 100);
    expect(active).toEqual(account.habits.filter((h) => h.status === 'active').map((h) => h.id));
    expect(await walk(mock, '/habits?status=archived', 100)).toEqual(
      account.habits.filter((h) => h.status === 'archived').map((h) => h.id),
    );
    const all = await walk(mock, '/habits?status=all', 100);
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(all).toHaveLength(account.habits.length);
  });

  it('GET /habits/{id} answers the habit; checks and skips are newest first and filter by from/to', async () => {
    const habit = proUser().habits.find((h) => (proUser().checks.get(h.id)?.length ?? 0) > 10)!;
    const show = await get(mock, `/habits/${habit.id}`);
    expect(show.status).toBe(200);
    expect(show.json.data.id).toBe(habit.id);
    const checks = (await get(mock, `/habits/${habit.id}/checks?limit=100`)).json.data as { date: string }[];
    const dates = checks.map((c) => c.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const from = dates[Math.min(5, dates.length - 1)]!;
    const to = dates[1]!;
    const ranged = (await get(mock, `/habits/${habit.id}/checks?from=${from}&to=${to}&limit=100`)).json
      .data as {
      date: string;
    }[];
    expect(ranged.length).toBeGreaterThan(0);
    expect(ranged.every((c) => c.date >= from && c.date <= to)).toBe(true);
    expect(ranged).toEqual(checks.filter((c) => c.date >= from && c.date <= to));
    const skips = await get(mock, `/habits/${habit.id}/skips`);
    expect(skips.status).toBe(200);
  });

  it('GET /tasks: top-level, active by default, list shape has subtasks [] and recurrence null, tags kept', async () => {
    const account = proUser();
    const page = await get(mock, '/tasks?limit=100');
    const expected = account.tasks.filter(
      (t) => t.parent_task_id === null && t.status !== 'completed' && t.status !== 'cancelled',
    );
    expect(page.json.data.map((t: { id: number }) => t.id)).toEqual(expected.slice(0, 100).map((t) => t.id));
    for (const t of page.json.data) {
      expect(t.subtasks).toEqual([]);
      expect(t.recurrence).toBeNull();
      expect(Array.isArray(t.tags)).toBe(true);
      TaskSchema.parse(t);
    }
    const withSubtasks = account.tasks.find((t) => (t.subtasks?.length ?? 0) > 0);
    if (withSubtasks) {
      const show = await get(mock, `/tasks/${withSubtasks.id}`);
      expect(show.json.data.subtasks.length).toBe(withSubtasks.subtasks!.length);
    }
    const completed = await walk(mock, '/tasks?status=completed', 100);
    expect(completed).toEqual(account.tasks.filter((t) => t.status === 'completed').map((t) => t.id));
  });

  it('GET /tasks from/to filter by planned_day', async () => {
    const days = proUser()
      .tasks.map((t) => t.planned_day)
      .filter((d): d is string => d !== null)
      .sort();
    const from = days[Math.floor(days.length / 4)]!;
    const to = days[Math.floor((days.length * 3) / 4)]!;
    const ids = await walk(mock, `/tasks?status=all&from=${from}&to=${to}`, 50);
    const expected = proUser()
      .tasks.filter((t) => t.planned_day !== null && t.planned_day >= from && t.planned_day <= to)
      .map((t) => t.id);
    expect(ids).toEqual(expected);
  });

  it('GET /goals: active by default, time_horizon filter, milestones inline; updates newest first', async () => {
    const account = proUser();
    expect(await walk(mock, '/goals', 50)).toEqual(
      account.goals.filter((g) => g.status === 'active').map((g) => g.id),
    );
    const yearly = await get(mock, '/goals?status=all&time_horizon=yearly');
    expect(yearly.json.data.every((g: { time_horizon: string }) => g.time_horizon === 'yearly')).toBe(true);
    const goal = account.goals.find((g) => (account.goalUpdates.get(g.id)?.length ?? 0) > 1)!;
    const show = await get(mock, `/goals/${goal.id}`);
    expect(Array.isArray(show.json.data.milestones)).toBe(true);
    const updates = (await get(mock, `/goals/${goal.id}/updates?limit=100`)).json.data as {
      update_date: string;
    }[];
    const stamps = updates.map((u) => u.update_date);
    expect(stamps).toEqual([...stamps].sort().reverse());
  });

  it('GET /focus-sessions: completed by default; status=all; show', async () => {
    const account = proUser();
    expect(await walk(mock, '/focus-sessions', 100)).toEqual(
      account.focusSessions.filter((s) => s.status === 'completed').map((s) => s.id),
    );
    expect(await walk(mock, '/focus-sessions?status=all', 100)).toHaveLength(account.focusSessions.length);
    const first = account.focusSessions[0]!;
    expect((await get(mock, `/focus-sessions/${first.id}`)).json.data.id).toBe(first.id);
  });

  it('GET /profile answers the token owner', async () => {
    expect((await get(mock, '/profile')).json.data.id).toBe(proUser().profile.id);
    expect((await get(mock, '/profile', 'mock_other_all')).json.data.id).toBe(otherUser().profile.id);
  });
});

describe('documented errors', () => {
  it('401 without a token and with an unknown token, body verbatim', async () => {
    for (const token of [null, 'nope']) {
      const res = await get(mock, '/habits', token);
      expect(res.status).toBe(401);
      expect(res.json).toEqual(docs.errors['401']);
    }
  });

  it('403 requires_pro for the downgraded account, verbatim', async () => {
    const res = await get(mock, '/habits', 'mock_free_all');
    expect(res.status).toBe(403);
    expect(res.json).toEqual(docs.errors['403 requires_pro']);
  });

  it('403 missing_abilities names the missing scope', async () => {
    const res = await get(mock, '/tasks', 'mock_pro_habits');
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ ...docs.errors['403 missing_abilities'], missing_abilities: ['read:tasks'] });
    expect((await get(mock, '/habits', 'mock_pro_habits')).status).toBe(200);
    const token = mock.tokens.create({ userId: proUser().userId, scopes: ['read:focus'] }).token;
    expect((await get(mock, '/focus-sessions', token)).status).toBe(200);
    expect((await get(mock, '/profile', token)).json.missing_abilities).toEqual(['read:profile']);
  });

  it("404 (never 403) for another user's resource, with the resource's name", async () => {
    const cases = [
      ['habits', '/habits/', 'Habit not found.'],
      ['tasks', '/tasks/', 'Task not found.'],
      ['goals', '/goals/', 'Goal not found.'],
      ['focusSessions', '/focus-sessions/', 'Focus session not found.'],
    ] as const;
    for (const [kind, path, message] of cases) {
      const foreign = ownIds(kind, otherUser().userId)[0]!;
      const res = await get(mock, `${path}${foreign}`);
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ message });
      expect((await get(mock, `${path}${foreign}`, 'mock_other_all')).status).toBe(200);
    }
    expect((await get(mock, '/habits/999999999')).json).toEqual(docs.errors['404']);
    const foreignHabit = ownIds('habits', otherUser().userId)[0]!;
    expect((await get(mock, `/habits/${foreignHabit}/checks`)).status).toBe(404);
  });

  it('unknown paths under the API are 404 JSON', async () => {
    const res = await get(mock, '/nothing-here');
    expect(res.status).toBe(404);
    expect(typeof res.json.message).toBe('string');
  });

  it('422 with a Laravel errors object for bad limit, dates, status, time_horizon and after', async () => {
    const cases: [string, string][] = [
      ['/habits?limit=0', 'limit'],
      ['/habits?limit=101', 'limit'],
      ['/habits?limit=abc', 'limit'],
      ['/habits?status=deleted', 'status'],
      ['/habits?after=x', 'after'],
      ['/tasks?from=2026-13-01', 'from'],
      ['/tasks?to=yesterday', 'to'],
      ['/goals?time_horizon=weekly', 'time_horizon'],
      ['/focus-sessions?status=done', 'status'],
    ];
    for (const [path, field] of cases) {
      const res = await get(mock, path);
      expect(res.status, path).toBe(422);
      expect(Object.keys(res.json.errors)).toEqual([field]);
      expect(res.json.message).toBe(res.json.errors[field][0]);
    }
    expect((await get(mock, '/habits?limit=500')).json).toEqual({
      message: 'The limit field must be between 1 and 100.',
      errors: { limit: ['The limit field must be between 1 and 100.'] },
    });
  });
});

describe('pagination', () => {
  it('yields every item exactly once, in order, for limits 1, 7, 50, 100 over every collection', async () => {
    const account = proUser();
    const habit = account.habits.find((h) => (account.checks.get(h.id)?.length ?? 0) > 0)!;
    const skipHabit = account.habits.find((h) => (account.skips.get(h.id)?.length ?? 0) > 0) ?? habit;
    const goal = account.goals.find((g) => (account.goalUpdates.get(g.id)?.length ?? 0) > 0)!;
    const collections: [string, number[]][] = [
      ['/habits?status=all', account.habits.map((h) => h.id)],
      [`/habits/${habit.id}/checks`, account.checks.get(habit.id)!.map((c) => c.id)],
      [`/habits/${skipHabit.id}/skips`, (account.skips.get(skipHabit.id) ?? []).map((c) => c.id)],
      ['/tasks?status=all', account.tasks.filter((t) => t.parent_task_id === null).map((t) => t.id)],
      ['/goals?status=all', account.goals.map((g) => g.id)],
      [`/goals/${goal.id}/updates`, account.goalUpdates.get(goal.id)!.map((u) => u.id)],
      ['/focus-sessions?status=all', account.focusSessions.map((s) => s.id)],
    ];
    for (const [path, expected] of collections) {
      for (const limit of [1, 7, 50, 100]) {
        expect(await walk(mock, path, limit), `${path} limit=${limit}`).toEqual(expected);
      }
    }
  });

  it('property: any limit walks the checks of any habit exactly once', async () => {
    const account = proUser();
    const habits = account.habits.filter((h) => (account.checks.get(h.id)?.length ?? 0) > 0);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100 }),
        fc.nat({ max: habits.length - 1 }),
        async (limit, i) => {
          const habit = habits[i]!;
          const ids = await walk(mock, `/habits/${habit.id}/checks`, limit);
          expect(ids).toEqual(account.checks.get(habit.id)!.map((c) => c.id));
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('contract checks', () => {
  it('every example response in the docs parses with the SDK schemas', async () => {
    const { RESPONSE_SCHEMAS } = await import('../src/contract.js');
    const kinds: Record<string, keyof typeof RESPONSE_SCHEMAS> = {
      'GET /habits': 'habitList',
      'GET /habits/{id}': 'habit',
      'GET /habits/{id}/checks': 'checkList',
      'GET /habits/{id}/skips': 'skipList',
      'GET /tasks': 'taskList',
      'GET /tasks/{id}': 'task',
      'GET /goals': 'goalList',
      'GET /goals/{id}': 'goal',
      'GET /goals/{id}/updates': 'goalUpdateList',
      'GET /focus-sessions': 'focusSessionList',
      'GET /focus-sessions/{id}': 'focusSession',
      'GET /profile': 'profile',
    };
    expect(Object.keys(docs.responses).sort()).toEqual(Object.keys(kinds).sort());
    for (const [endpoint, example] of Object.entries(docs.responses)) {
      expect(RESPONSE_SCHEMAS[kinds[endpoint]!].safeParse(example).success, endpoint).toBe(true);
    }
    for (const body of Object.values(docs.errors))
      expect(RESPONSE_SCHEMAS.error.safeParse(body).success).toBe(true);
  });

  it('a response that breaks the schemas throws in strict mode and is reported in X-Mock-Violations otherwise', async () => {
    for (const strict of [true, false]) {
      const m = strictMock({ strict });
      const habit = m.dataset.accounts.find((a) => a.pro)!.habits[0]!;
      (habit as { color: unknown }).color = 42;
      if (strict) {
        await expect(get(m, `/habits/${habit.id}`)).rejects.toThrow(/contract/);
      } else {
        const res = await get(m, `/habits/${habit.id}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('x-mock-violations')).toMatch(/color/);
        expect(HabitSchema.safeParse(res.json.data).success).toBe(false);
      }
    }
  });
});
