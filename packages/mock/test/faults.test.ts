import { describe, expect, it } from 'vitest';
import { control, get, strictMock } from './support.js';

describe('fault injection over mock.fetch', () => {
  it('a scripted sequence fails the next 2 requests, then succeeds', async () => {
    const mock = strictMock();
    mock.faults.add({ fault: 'status', status: 500, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get(mock, '/habits')).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect(mock.faults.list()).toEqual([]);
  });

  it('faults can target a route or a token', async () => {
    const mock = strictMock();
    mock.faults.add({ fault: 'status', status: 503, route: '/habits/*/checks' });
    mock.faults.add({ fault: 'rate-limit', retryAfter: 7, token: 'mock_other_all' });
    const habit = mock.dataset.accounts.find((a) => a.pro)!.habits[0]!;
    expect((await get(mock, '/habits')).status).toBe(200);
    expect((await get(mock, `/habits/${habit.id}/checks`)).status).toBe(503);
    const limited = await get(mock, '/profile', 'mock_other_all');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    mock.faults.clear();
    expect((await get(mock, `/habits/${habit.id}/checks`)).status).toBe(200);
  });

  it('X-Mock-Fault per request: status, reset, empty, malformed JSON, truncated body, latency', async () => {
    const mock = strictMock();
    expect((await get(mock, '/habits', 'mock_pro_all', { 'x-mock-fault': 'status=503' })).status).toBe(503);
    await expect(get(mock, '/habits', 'mock_pro_all', { 'x-mock-fault': 'reset' })).rejects.toThrow(
      expect.objectContaining({ name: 'TypeError', message: 'fetch failed' }),
    );
    await expect(get(mock, '/habits', 'mock_pro_all', { 'x-mock-fault': 'empty' })).rejects.toThrow(
      'fetch failed',
    );
    const malformed = await get(mock, '/habits', 'mock_pro_all', { 'x-mock-fault': 'malformed-json' });
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow(SyntaxError);
    await expect(get(mock, '/habits', 'mock_pro_all', { 'x-mock-fault': 'truncate' })).rejects.toThrow(
      'terminated',
    );
    const slow = await get(mock, '/profile', 'mock_pro_all', { 'x-mock-fault': 'latency=5' });
    expect(slow.status).toBe(200);
    const bad = await get(mock, '/habits', 'mock_pro_all', { 'x-mock-fault': 'explode' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/Unknown X-Mock-Fault "explode"/);
  });

  it('a dribbled body arrives whole; a hang waits until the caller aborts', async () => {
    const mock = strictMock();
    const plain = await get(mock, '/profile');
    const dribbled = await get(mock, '/profile', 'mock_pro_all', { 'x-mock-fault': 'dribble=1' });
    expect(dribbled.text).toBe(plain.text);
    const controller = new AbortController();
    const pending = mock.fetch(`${mock.baseUrl}/profile`, {
      headers: { authorization: 'Bearer mock_pro_all', 'x-mock-fault': 'hang' },
      signal: controller.signal,
    });
    controller.abort(new DOMException('gave up', 'TimeoutError'));
    await expect(pending).rejects.toThrow('gave up');
  });

  it('random faults derive from (seed, request index): the same seed replays the same failures', async () => {
    const run = async (seed: number) => {
      const mock = strictMock({ seed });
      mock.faults.add({ fault: 'status', status: 500, rate: 0.3 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await get(mock, '/profile')).status);
      return statuses;
    };
    const a = await run(5);
    expect(await run(5)).toEqual(a);
    expect(a).toContain(500);
    expect(a).toContain(200);
    expect(await run(6)).not.toEqual(a);
  });

  it('faults through the control API, with clear errors for bad input', async () => {
    const mock = strictMock();
    const added = await control(mock, 'POST', '/faults', { fault: 'status', status: 502, times: 1 });
    expect(added.status).toBe(201);
    expect((await control(mock, 'GET', '/faults')).json.data).toHaveLength(1);
    expect((await get(mock, '/profile')).status).toBe(502);
    expect((await get(mock, '/profile')).status).toBe(200);
    const unknown = await control(mock, 'POST', '/faults', { fault: 'meteor' });
    expect(unknown.status).toBe(422);
    expect(unknown.json.message).toMatch(/Unknown fault "meteor"/);
    expect((await control(mock, 'POST', '/faults', '{not json')).status).toBe(400);
    await control(mock, 'POST', '/faults', { fault: 'reset' });
    expect((await control(mock, 'DELETE', '/faults')).status).toBe(200);
    expect((await get(mock, '/profile')).status).toBe(200);
  });
});
