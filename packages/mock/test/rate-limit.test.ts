import { describe, expect, it } from 'vitest';
import { get, strictMock } from './support.js';

describe('rate limiting on the mock clock', () => {
  it('a 1,000-request burst gets 300 through, then 429s with the exact Retry-After; advancing the clock frees slots', async () => {
    const mock = strictMock();
    const statuses: number[] = [];
    let first429: Awaited<ReturnType<typeof get>> | undefined;
    for (let i = 0; i < 1000; i++) {
      // Spread the burst over 30 s of mock time: 10 requests per virtual 300 ms.
      if (i > 0 && i % 10 === 0) mock.clock.advance(300);
      const res = await get(mock, '/profile');
      statuses.push(res.status);
      expect(res.headers.get('x-ratelimit-limit')).toBe('300');
      if (res.status === 429 && !first429) first429 = res;
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(300);
    expect(statuses.indexOf(429)).toBe(300);
    expect(first429!.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(first429!.json).toEqual({ message: 'Too Many Attempts.' });
    // The oldest accepted request was at t=0; the clock is now at t=29.7 s: it frees at t=60 s.
    const retryAfter = Number((await get(mock, '/profile')).headers.get('retry-after'));
    const elapsed = mock.clock.nowMs() - new Date('2026-04-08T12:00:00Z').getTime();
    expect(retryAfter).toBe(Math.ceil((60_000 - elapsed) / 1000));
    mock.clock.advance(retryAfter * 1000 - 1001);
    expect((await get(mock, '/profile')).status).toBe(429);
    mock.clock.advance(1001);
    const freed = await get(mock, '/profile');
    expect(freed.status).toBe(200);
  });

  it('X-RateLimit-Remaining counts down on every response', async () => {
    const mock = strictMock({ rateLimit: { limit: 5 } });
    const remaining: string[] = [];
    for (let i = 0; i < 6; i++)
      remaining.push((await get(mock, '/habits')).headers.get('x-ratelimit-remaining')!);
    expect(remaining).toEqual(['4', '3', '2', '1', '0', '0']);
  });

  it('keys by user by default and by token when asked', async () => {
    for (const keyBy of ['user', 'token'] as const) {
      const mock = strictMock({ rateLimit: { limit: 3, keyBy } });
      const second = mock.tokens.create({ userId: mock.dataset.accounts.find((a) => a.pro)!.userId }).token;
      for (let i = 0; i < 3; i++) expect((await get(mock, '/profile')).status).toBe(200);
      expect((await get(mock, '/profile', second)).status).toBe(keyBy === 'user' ? 429 : 200);
      expect((await get(mock, '/profile', 'mock_other_all')).status).toBe(200);
    }
  });

  it('windowMs shortens the window (benchmarks)', async () => {
    const mock = strictMock({ rateLimit: { limit: 2, windowMs: '2s' } });
    await get(mock, '/profile');
    await get(mock, '/profile');
    const limited = await get(mock, '/profile');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    mock.clock.advance('2s');
    expect((await get(mock, '/profile')).status).toBe(200);
  });
});
