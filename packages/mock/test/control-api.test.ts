import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { control, get, strictMock } from './support.js';

describe('control API and state changes', () => {
  it('health, clock, journal (tokens masked) and reset', async () => {
    const mock = strictMock();
    const health = await control(mock, 'GET', '/health');
    expect(health.json).toMatchObject({ status: 'ok', seed: 42, now: '2026-04-08T12:00:00+00:00' });
    expect((await control(mock, 'POST', '/clock', { advance: '2h' })).json.now).toBe(
      '2026-04-08T14:00:00+00:00',
    );
    expect((await control(mock, 'POST', '/clock', { set: '2026-05-01T00:00:00Z' })).json.now).toBe(
      '2026-05-01T00:00:00+00:00',
    );
    expect((await control(mock, 'POST', '/clock', { advance: 'soon' })).status).toBe(422);
    await get(mock, '/habits?limit=2');
    const journal = (await control(mock, 'GET', '/requests')).json.data;
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({
      method: 'GET',
      path: '/api/v1/public/habits',
      query: { limit: '2' },
      status: 200,
    });
    expect(journal[0].token).not.toContain('mock_pro_all');
    expect((await control(mock, 'POST', '/reset')).status).toBe(200);
    expect(mock.clock.now().toISOString()).toBe('2026-04-08T12:00:00.000Z');
    expect(mock.journal.size).toBe(0);
  });

  it('POST /__mock/reset also restores webhook endpoints, deliveries and check-in ids, like mock.reset()', async () => {
    const mock = strictMock();
    const userId = mock.dataset.accounts.find((a) => a.pro)!.userId;
    mock.webhooks.register(userId, { url: 'http://127.0.0.1:9/hook', events: ['*'] });
    const first = mock.control.submitCheckin({});
    mock.control.submitCheckin({});
    expect(mock.webhooks.endpoints(userId)).toHaveLength(1);
    expect((await control(mock, 'POST', '/reset')).status).toBe(200);
    expect(mock.webhooks.endpoints(userId)).toHaveLength(0);
    expect(mock.webhooks.deliveries()).toHaveLength(0);
    expect(mock.control.submitCheckin({})).toEqual(first);
  });

  it('POST /__mock/tokens creates a token with any scopes', async () => {
    const mock = strictMock();
    const userId = mock.dataset.accounts.find((a) => a.pro)!.userId;
    const created = await control(mock, 'POST', '/tokens', { user_id: userId, scopes: ['read:goals'] });
    expect(created.status).toBe(201);
    expect((await get(mock, '/goals', created.json.token)).status).toBe(200);
    expect((await get(mock, '/habits', created.json.token)).status).toBe(403);
    expect((await control(mock, 'POST', '/tokens', { user_id: 987654 })).status).toBe(422);
  });

  it('completing a habit adds a check, recomputes the streak and fires habit.completed', async () => {
    const mock = strictMock();
    const account = mock.dataset.accounts.find((a) => a.pro)!;
    // The first active habit not yet checked today.
    const habit = account.habits.find(
      (h) =>
        h.status === 'active' &&
        !h.allow_multiple_checks &&
        account.checks.get(h.id)?.[0]?.date !== '2026-04-08',
    )!;
    // A real receiver: the dispatcher delivers the signed event to it over HTTP.
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(body);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    mock.webhooks.register(account.userId, {
      url: `http://127.0.0.1:${port}/hook`,
      events: ['habit.completed'],
    });
    const delivered = mock.webhooks.waitFor('habit.completed');
    const before = (await get(mock, `/habits/${habit.id}`)).json.data;
    expect(before.checked_today).toBe(false);
    const res = await control(mock, 'POST', `/habits/${habit.id}/complete`, { note: 'done' });
    expect(res.status).toBe(201);
    const after = (await get(mock, `/habits/${habit.id}`)).json.data;
    expect(after.checked_today).toBe(true);
    expect(after.current_streak).toBeGreaterThanOrEqual(1);
    expect(after.updated_at).toBe('2026-04-08T12:00:00+00:00');
    const newest = (await get(mock, `/habits/${habit.id}/checks?limit=1`)).json.data[0];
    expect(newest).toMatchObject({ date: '2026-04-08', note: 'done' });
    const delivery = await delivered;
    expect(delivery.envelope.data).toMatchObject({
      habit_id: habit.id,
      check_date: '2026-04-08',
      streak: after.current_streak,
    });
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0]!).event).toBe('habit.completed');
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    // Checking twice the same day is refused; the next day it is not checked any more.
    expect((await control(mock, 'POST', `/habits/${habit.id}/complete`)).status).toBe(409);
    mock.clock.advance('1d');
    expect((await get(mock, `/habits/${habit.id}`)).json.data.checked_today).toBe(false);
  });

  it('goal metric updates fire progress events only on threshold crossings, then goal.completed', async () => {
    const mock = strictMock();
    const events: string[] = [];
    const emit = mock.webhooks.emit.bind(mock.webhooks);
    (mock.webhooks as any).emit = (userId: number, event: string, data: Record<string, unknown>) => {
      events.push(`${event}:${(data.milestone_crossed as number | undefined) ?? ''}`);
      return emit(userId, event, data);
    };
    const goal = (
      await control(mock, 'POST', '/goals', {
        title: 'Run 100 km',
        metric_target_value: 100,
        metric_unit: 'km',
      })
    ).json.data;
    for (const value of [10, 20, 30, 52, 53, 95, 100]) {
      expect((await control(mock, 'POST', `/goals/${goal.id}/updates`, { value })).status).toBe(201);
    }
    expect(events).toEqual([
      'goal.created:',
      'goal.progress_changed:25',
      'goal.progress_changed:50',
      'goal.progress_changed:90',
      'goal.completed:',
    ]);
    const shown = (await get(mock, `/goals/${goal.id}?`)).json.data;
    expect(shown).toMatchObject({ status: 'completed', progress_percentage: 100, updates_count: 7 });
  });

  it('tasks, focus sessions, points, badges and check-ins fire their events', async () => {
    const mock = strictMock();
    const seen: string[] = [];
    const emit = mock.webhooks.emit.bind(mock.webhooks);
    (mock.webhooks as any).emit = (u: number, e: string, d: Record<string, unknown>) => {
      seen.push(e);
      return emit(u, e, d);
    };
    const task = (await control(mock, 'POST', '/tasks', { title: 'Ship it', planned_day: '2026-04-08' })).json
      .data;
    expect((await get(mock, `/tasks/${task.id}`)).json.data.title).toBe('Ship it');
    await control(mock, 'POST', `/tasks/${task.id}/complete`);
    const other = (await control(mock, 'POST', '/tasks', { title: 'Drop it' })).json.data;
    await control(mock, 'POST', `/tasks/${other.id}/cancel`);
    const session = (await control(mock, 'POST', '/focus-sessions', { title: 'Deep work' })).json.data;
    mock.clock.advance('25m');
    const done = (await control(mock, 'POST', `/focus-sessions/${session.id}/complete`)).json.data;
    expect(done.actual_duration_seconds).toBe(1500);
    const profile = (await get(mock, '/profile')).json.data;
    await control(mock, 'POST', '/points', { amount: 100_000 });
    expect((await get(mock, '/profile')).json.data.level).toBeGreaterThan(profile.level);
    await control(mock, 'POST', '/badges', { badge_key: 'k', badge_name: 'Streak Warrior' });
    await control(mock, 'POST', '/checkins', {});
    const habit = (await control(mock, 'POST', '/habits', { name: 'Stretch' })).json.data;
    await control(mock, 'POST', `/habits/${habit.id}/archive`);
    expect(seen).toEqual([
      'task.created',
      'task.completed',
      'task.created',
      'task.cancelled',
      'focus_session.started',
      'focus_session.completed',
      'level.up',
      'badge.unlocked',
      'checkin.completed',
      'habit.created',
      'habit.archived',
    ]);
  });

  it('bad control input gets a 4xx with a clear message, never a crash', async () => {
    const mock = strictMock();
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', '/habits/999999999/complete', {}, 404, /Habit 999999999 not found/],
      ['POST', '/habits/abc/complete', {}, 404, /Habit "abc" not found/],
      ['POST', '/habits', '{"name":', 400, /Malformed JSON/],
      ['POST', '/habits', { name: 3 }, 422, /"name" must be a non-empty string/],
      ['POST', '/goals', { title: 'x', time_horizon: 'weekly' }, 422, /time_horizon/],
      ['POST', '/points', { amount: -1 }, 422, /amount/],
      ['POST', '/explode', {}, 404, /Unknown control route/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const res = await control(mock, method, path, body);
      expect(res.status, path).toBe(status);
      expect(res.json.message).toMatch(message);
    }
  });
});
