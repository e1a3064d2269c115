import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connected, call, connect, proAccount } from './harness.js';

const TOOLS = [
  'list_habits',
  'get_habit',
  'habit_checks',
  'list_tasks',
  'get_task',
  'list_goals',
  'get_goal_updates',
  'list_focus_sessions',
  'get_profile',
  'habits_pending_today',
  'weekly_review',
  'habit_heatmap_summary',
  'focus_summary',
];

let c: Connected;
let account: ReturnType<typeof proAccount>;
beforeAll(async () => {
  c = await connect();
  const profile = await call(c.client, 'get_profile');
  account = proAccount(c.mock, (profile.data.profile as { id: number }).id);
});
afterAll(() => c.close());

const ids = (items: unknown) => (items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b);

describe('tools/list', () => {
  it('lists the 13 read-only tools, each with input and output schemas', async () => {
    const { tools } = await c.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOLS].sort());
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
      expect(tool.description?.length ?? 0, tool.name).toBeGreaterThan(20);
    }
    const checks = tools.find((t) => t.name === 'habit_checks')!;
    expect(checks.inputSchema.required).toEqual(['habit_id']);
  });
});

describe('record tools answer with the mock’s data', () => {
  it('get_profile: the demo account', async () => {
    const r = await call(c.client, 'get_profile');
    expect(r.isError).toBeFalsy();
    expect(r.data.profile).toMatchObject({
      username: account.profile.username,
      timezone: account.profile.timezone,
    });
    expect(r.text).toContain(account.profile.username);
  });

  it('list_habits: active by default, all with status all', async () => {
    const active = await call(c.client, 'list_habits');
    expect(ids(active.data.items)).toEqual(ids(account.habits.filter((h) => h.status === 'active')));
    expect(active.data).toMatchObject({ truncated: false, limit: 50 });
    const all = await call(c.client, 'list_habits', { status: 'all' });
    expect(ids(all.data.items)).toEqual(ids(account.habits));
    for (const h of account.habits.filter((x) => x.status === 'active'))
      expect(active.text).toContain(`#${h.id} ${h.name}`);
  });

  it('a limit below the list’s length truncates and says so', async () => {
    const r = await call(c.client, 'list_habits', { status: 'all', limit: 2 });
    expect(r.data).toMatchObject({ count: 2, truncated: true, limit: 2 });
    expect(r.text).toMatch(/truncated at limit 2/);
  });

  it('get_habit and the habit resource: one habit', async () => {
    const habit = account.habits[0]!;
    const r = await call(c.client, 'get_habit', { id: habit.id });
    expect(r.data.habit).toMatchObject({ id: habit.id, name: habit.name, frequency: habit.frequency });
    const read = await c.client.readResource({ uri: `loggd://habits/${habit.id}` });
    const first = read.contents[0] as { text: string; mimeType: string };
    expect(first.mimeType).toBe('application/json');
    expect(JSON.parse(first.text)).toMatchObject({ id: habit.id, name: habit.name });
  });

  it('habit_checks: the habit’s check dates within from/to, across pages', async () => {
    const [habit, checks] = [...account.checks].find(([, list]) => list.length > 150)!;
    const dates = checks.map((x) => x.date).sort();
    const from = dates[10]!;
    const to = dates[Math.min(dates.length - 10, 10 + 140)]!;
    const expected = dates.filter((d) => d >= from && d <= to);
    // 141 check-ins: two pages of 100 inside one call.
    const r = await call(c.client, 'habit_checks', { habit_id: habit, from, to, limit: 366 });
    const got = (r.data.items as { date: string }[]).map((x) => x.date).sort();
    expect(got).toEqual(expected);
    expect(r.data.truncated).toBe(false);
    const capped = await call(c.client, 'habit_checks', { habit_id: habit, from, to, limit: 120 });
    expect(capped.data).toMatchObject({ count: 120, truncated: true });
    // Newest first, like the API: the first 120 are the latest dates.
    expect((capped.data.items as { date: string }[]).map((x) => x.date).sort()).toEqual(expected.slice(-120));
  });

  it('list_tasks: status and planned-day filters', async () => {
    const done = await call(c.client, 'list_tasks', { status: 'completed', limit: 200 });
    const completed = account.tasks.filter((t) => t.status === 'completed' && t.parent_task_id === null);
    expect(done.data.count).toBe(Math.min(200, completed.length));
    for (const t of done.data.items as { status: string }[]) expect(t.status).toBe('completed');
    const day = account.tasks.find((t) => t.planned_day && t.parent_task_id === null)!.planned_day!;
    const onDay = await call(c.client, 'list_tasks', { status: 'all', from: day, to: day });
    expect(ids(onDay.data.items)).toEqual(
      ids(account.tasks.filter((t) => t.planned_day === day && t.parent_task_id === null)),
    );
  });

  it('get_task: subtasks and tags come along', async () => {
    const task = account.tasks.find((t) => t.parent_task_id === null)!;
    const r = await call(c.client, 'get_task', { id: task.id });
    expect(r.data.task).toMatchObject({ id: task.id, title: task.title });
    expect(r.text).toContain(`#${task.id} ${task.title}`);
  });

  it('list_goals and get_goal_updates', async () => {
    const all = await call(c.client, 'list_goals', { status: 'all' });
    expect(ids(all.data.items)).toEqual(ids(account.goals));
    const yearly = await call(c.client, 'list_goals', { status: 'all', time_horizon: 'yearly' });
    expect(ids(yearly.data.items)).toEqual(ids(account.goals.filter((g) => g.time_horizon === 'yearly')));
    const [goal, updates] = [...account.goalUpdates].find(([, u]) => u.length > 0 && u.length <= 200)!;
    const r = await call(c.client, 'get_goal_updates', { goal_id: goal, limit: 200 });
    expect(ids(r.data.items)).toEqual(ids(updates));
    expect(r.data.truncated).toBe(false);
  });

  it('list_focus_sessions: completed by default', async () => {
    const r = await call(c.client, 'list_focus_sessions', { limit: 200 });
    const completed = account.focusSessions.filter((s) => s.status === 'completed');
    expect(r.data.count).toBe(Math.min(200, completed.length));
    expect(r.data.truncated).toBe(completed.length > 200);
    for (const s of r.data.items as { status: string }[]) expect(s.status).toBe('completed');
  });
});

describe('resources and prompt', () => {
  it('lists loggd://profile and the habit template; reads the profile', async () => {
    const { resources } = await c.client.listResources();
    expect(resources.map((r) => r.uri)).toContain('loggd://profile');
    expect(resources.map((r) => r.uri)).toContain(
      `loggd://habits/${account.habits.find((h) => h.status === 'active')!.id}`,
    );
    const { resourceTemplates } = await c.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['loggd://habits/{id}']);
    const read = await c.client.readResource({ uri: 'loggd://profile' });
    expect(JSON.parse((read.contents[0] as { text: string }).text).username).toBe(account.profile.username);
  });

  it('a bad habit id in a resource URI is a clear error', async () => {
    await expect(c.client.readResource({ uri: 'loggd://habits/abc' })).rejects.toThrow(
      /invalid habit id 'abc'.*positive integer/,
    );
  });

  it('the weekly_review prompt asks for the weekly_review tool', async () => {
    const { prompts } = await c.client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['weekly_review']);
    const p = await c.client.getPrompt({ name: 'weekly_review', arguments: { week: '2026-W14' } });
    const text = (p.messages[0]!.content as { text: string }).text;
    expect(text).toContain('weekly_review tool with week "2026-W14"');
  });
});
