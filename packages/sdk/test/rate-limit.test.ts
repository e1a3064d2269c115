import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Loggd, type RateLimitEvent } from '../src/index.js';
import { type FixtureServer, startFixtureServer, virtualClock } from './support/fixture-server.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(() => ({ body: { data: { id: 7 } } }));
});
afterAll(() => server.close());

/** The most requests inside any window of `windowMs` (half-open), given sorted send times. */
function busiestWindow(times: number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('client-side token bucket', () => {
  it('keeps a 1,000-request burst at ≤ 300 per minute, without real waiting', async () => {
    const clock = virtualClock();
    const sent: number[] = [];
    const loggd = new Loggd({
      token: 't',
      baseUrl: server.baseUrl,
      validation: 'off',
      ...clock,
      hooks: { onRequest: () => sent.push(clock.now()) },
    });
    // Back to back, as a bulk export pages through a list.
    for (let i = 0; i < 1000; i++) await loggd.request('/profile');
    expect(sent).toHaveLength(1000);
    expect(busiestWindow(sent, 60_000)).toBeLessThanOrEqual(300);
    // …and it does not crawl either: 1,000 requests at ≤ 300/min need a bit over 3 minutes; allow 4.
    expect(sent.at(-1)! - sent[0]!).toBeLessThan(4 * 60_000);
  });

  it('schedules 1,000 concurrent requests at ≤ 300 per minute', async () => {
    // Concurrent callers all reserve at once; each throttled one is told its wait through onRateLimit, so its
    // send time is the virtual time of that event plus the wait. The others go at once.
    const clock = virtualClock();
    const wakeTimes: number[] = [];
    const loggd = new Loggd({
      token: 't',
      baseUrl: server.baseUrl,
      validation: 'off',
      ...clock,
      onRateLimit: (e) => {
        expect(e.reason).toBe('throttled');
        wakeTimes.push(clock.now() + e.waitMs);
      },
    });
    await Promise.all(Array.from({ length: 1000 }, () => loggd.request('/profile')));
    const immediate = Array.from({ length: 1000 - wakeTimes.length }, () => 0);
    const times = [...immediate, ...wakeTimes].sort((a, b) => a - b);
    expect(immediate.length).toBeGreaterThan(0);
    expect(busiestWindow(times, 60_000)).toBeLessThanOrEqual(300);
    expect(times.at(-1)!).toBeLessThan(4 * 60_000);
  });

  it('each client has its own bucket', async () => {
    const clockA = virtualClock();
    const clockB = virtualClock();
    const a = new Loggd({
      token: 't',
      baseUrl: server.baseUrl,
      ...clockA,
      rateLimit: { requestsPerMinute: 10, burst: 2 },
    });
    const b = new Loggd({
      token: 't',
      baseUrl: server.baseUrl,
      ...clockB,
      rateLimit: { requestsPerMinute: 10, burst: 2 },
    });
    for (let i = 0; i < 4; i++) await a.request('/profile');
    await b.request('/profile');
    await b.request('/profile');
    expect(clockA.sleeps.length).toBeGreaterThan(0);
    expect(clockB.sleeps).toEqual([]);
  });

  it('slows down when the server reports little quota left', async () => {
    server.handle(() => ({
      body: { data: { id: 7 } },
      headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0' },
    }));
    const clock = virtualClock();
    const loggd = new Loggd({ token: 't', baseUrl: server.baseUrl, ...clock });
    await loggd.request('/profile');
    expect(loggd.rateLimit).toMatchObject({ limit: 300, remaining: 0 });
    await loggd.request('/profile');
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(0);
  });

  it('adopts a lower limit announced by the server', async () => {
    server.handle(() => ({
      body: { data: {} },
      headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59' },
    }));
    const clock = virtualClock();
    const sent: number[] = [];
    const loggd = new Loggd({
      token: 't',
      baseUrl: server.baseUrl,
      ...clock,
      hooks: { onRequest: () => sent.push(clock.now()) },
    });
    for (let i = 0; i < 200; i++) await loggd.request('/profile');
    expect(busiestWindow(sent, 60_000)).toBeLessThanOrEqual(60);
  });

  it('a 429 Retry-After holds back concurrent requests of the same client and fires onRateLimit', async () => {
    let first = true;
    server.handle(() => {
      if (first) {
        first = false;
        return { status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'retry-after': '20' } };
      }
      return { body: { data: {} } };
    });
    const clock = virtualClock();
    const sent: number[] = [];
    const events: RateLimitEvent[] = [];
    const loggd = new Loggd({
      token: 't',
      baseUrl: server.baseUrl,
      ...clock,
      hooks: { onRequest: () => sent.push(clock.now()) },
      onRateLimit: (e) => events.push(e),
    });
    await loggd.request('/profile');
    await loggd.request('/profile');
    expect(events[0]).toMatchObject({ reason: 'retry_after', waitMs: 20_000, path: '/profile' });
    expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(20_000);
    expect(sent[2]!).toBeGreaterThanOrEqual(sent[0]! + 20_000);
  });

  it('rateLimit: false sends without pacing', async () => {
    server.handle(() => ({ body: { data: {} } }));
    const clock = virtualClock();
    const loggd = new Loggd({ token: 't', baseUrl: server.baseUrl, ...clock, rateLimit: false });
    await Promise.all(Array.from({ length: 400 }, () => loggd.request('/profile')));
    expect(clock.sleeps).toEqual([]);
    expect(loggd.stats.requests).toBe(400);
  });
});
