import {
  ConnectionError,
  Loggd,
  MissingScopeError,
  NotFoundError,
  ProRequiredError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
} from '@loggd/sdk';
import { describe, expect, it } from 'vitest';
import type { MockApi } from '../src/index.js';
import { strictMock } from './support.js';

/** An SDK client on the mock: no real sleeps between retries, no client-side throttling. */
function client(
  mock: MockApi,
  token = 'mock_pro_all',
  extra: Partial<ConstructorParameters<typeof Loggd>[0]> = {},
) {
  return new Loggd({
    fetch: mock.fetch,
    token,
    sleep: async () => {},
    rateLimit: false,
    maxRetries: 2,
    ...extra,
  });
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('the SDK client against the mock (default base URL, mock.fetch)', () => {
  it('walks every endpoint', async () => {
    const mock = strictMock({ rateLimit: false });
    const loggd = client(mock);
    const account = mock.dataset.accounts.find((a) => a.pro)!;
    const habits = await all(loggd.habits.list({ status: 'all' }));
    expect(habits.map((h) => h.id)).toEqual(account.habits.map((h) => h.id));
    const habit = habits.find((h) => (account.checks.get(h.id)?.length ?? 0) > 0)!;
    expect((await loggd.habits.get(habit.id)).id).toBe(habit.id);
    expect((await all(loggd.habits.checks(habit.id))).length).toBe(account.checks.get(habit.id)!.length);
    await all(loggd.habits.skips(habit.id));
    const tasks = await all(loggd.tasks.list({ status: 'all' }));
    expect(tasks.length).toBe(account.tasks.filter((t) => t.parent_task_id === null).length);
    expect((await loggd.tasks.get(tasks[0]!.id)).id).toBe(tasks[0]!.id);
    const goals = await all(loggd.goals.list({ status: 'all' }));
    expect((await loggd.goals.get(goals[0]!.id)).milestones).toBeDefined();
    await all(loggd.goals.updates(goals[0]!.id));
    const sessions = await all(loggd.focusSessions.list({ status: 'all' }));
    expect((await loggd.focusSessions.get(sessions[0]!.id)).id).toBe(sessions[0]!.id);
    expect((await loggd.profile.get()).id).toBe(account.profile.id);
  });

  it('maps documented errors to the SDK error classes', async () => {
    const mock = strictMock();
    const other = mock.dataset.accounts.filter((a) => a.pro)[1]!;
    await expect(client(mock, 'mock_free_all').habits.get(1)).rejects.toBeInstanceOf(ProRequiredError);
    await expect(client(mock, 'mock_pro_habits').profile.get()).rejects.toBeInstanceOf(MissingScopeError);
    await expect(client(mock).habits.get(other.habits[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('faults produce the documented SDK errors', async () => {
    const mock = strictMock();
    const loggd = client(mock);
    mock.faults.add({ fault: 'status', status: 500 });
    await expect(loggd.profile.get()).rejects.toBeInstanceOf(ServerError);
    mock.faults.clear();
    mock.faults.add({ fault: 'rate-limit', retryAfter: 1 });
    await expect(loggd.profile.get()).rejects.toBeInstanceOf(RateLimitError);
    mock.faults.clear();
    mock.faults.add({ fault: 'reset' });
    await expect(loggd.profile.get()).rejects.toBeInstanceOf(ConnectionError);
    mock.faults.clear();
    mock.faults.add({ fault: 'malformed-json' });
    await expect(loggd.profile.get()).rejects.toBeInstanceOf(ResponseValidationError);
    mock.faults.clear();
    mock.faults.add({ fault: 'hang' });
    await expect(
      client(mock, 'mock_pro_all', { timeoutMs: 30, maxRetries: 0 }).profile.get(),
    ).rejects.toBeInstanceOf(TimeoutError);
    mock.faults.clear();
    // A body dribbled slower than the timeout (10 chunks, 100 ms apart) times out: the timer covers the body.
    mock.faults.add({ fault: 'dribble', chunks: 10, intervalMs: 100 });
    await expect(
      client(mock, 'mock_pro_all', { timeoutMs: 300, maxRetries: 0 }).profile.get(),
    ).rejects.toThrow(/timed out after 300 ms \(reading the body\)/);
    mock.faults.clear();
    // A transient failure is retried through.
    mock.faults.add({ fault: 'status', status: 503, times: 2 });
    expect((await loggd.profile.get()).username).toBeTypeOf('string');
    expect(
      mock.journal
        .list()
        .slice(-3)
        .map((e) => e.status),
    ).toEqual([503, 503, 200]);
  });
});
