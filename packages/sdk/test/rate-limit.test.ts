import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Loggd, type RateLimitEvent, TokenBucket } from '../src/index.js';
import { type FixtureServer, startFixtureServer, virtualClock } from './support/fixture-server.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(() => ({ body: { data: { id: 7 } } }));
});
afterAll(() => server.close());

/**
 * A virtual timeline for concurrent callers: `sleep` parks the caller until the clock reaches its wake time, and
 * the clock jumps to the earliest parked wake whenever the event loop is otherwise idle. Send times are then the
 * times the client planned, with no real waiting.
 */
function timelineClock() {
  let time = 0;
  const parked: { at: number; wake: () => void }[] = [];
  let scheduled = false;
  const pump = () => {
    scheduled = false;
    if (parked.length === 0) return;
    parked.sort((a, b) => a.at - b.at);
    const next = parked.shift()!;
    time = Math.max(time, next.at);
    next.wake();
    schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };
  return {
    now: () => time,
    sleep: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((wake) => {
        signal?.throwIfAborted();
        parked.push({ at: time + ms, wake });
        schedule();
      }),
  };
}

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

describe('client-side rate limiter (sliding minute)', () => {
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

  it('schedules 1,000 concurrent requests at ≤ 300 per minute, using the whole quota at once', async () => {
    const clock = timelineClock();
    const sent: number[] = [];
    const loggd = new Loggd({
      token: 't',
      baseUrl: server.baseUrl,
      validation: 'off',
      ...clock,
      hooks: { onRequest: () => sent.push(clock.now()) },
    });
    await Promise.all(Array.from({ length: 1000 }, () => loggd.request('/profile')));
    sent.sort((a, b) => a - b);
    expect(sent).toHaveLength(1000);
    expect(busiestWindow(sent, 60_000)).toBeLessThanOrEqual(300);
    // The first full quota goes at once, and the last request leaves as soon as the sliding minute allows:
    // 1,000 requests at 300 per minute need three full windows after the first one (each with the limiter's
    // 1 s margin for arrival jitter).
    expect(sent.filter((t) => t === 0)).toHaveLength(300);
    expect(sent.at(-1)).toBe(3 * 61_000);
  });

  it('property: planned sends never exceed the limit per minute nor the burst per span, and never go back in time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 300 }),
        (limit, burstRaw, gaps) => {
          let now = 0;
          const bucket = new TokenBucket(
            { requestsPerMinute: limit, ...(burstRaw ? { burst: burstRaw } : {}) },
            { now: () => now, sleep: async () => {} },
          );
          const burst = Math.min(limit, burstRaw ?? limit);
          const sends: number[] = [];
          for (const gap of gaps) {
            now += gap;
            const wait = bucket.reserve();
            expect(wait).toBeGreaterThanOrEqual(0);
            sends.push(now + wait);
          }
          for (let i = 1; i < sends.length; i++) expect(sends[i]!).toBeGreaterThanOrEqual(sends[i - 1]!);
          expect(busiestWindow(sends, 60_000)).toBeLessThanOrEqual(limit);
          expect(busiestWindow(sends, (60_000 * burst) / limit)).toBeLessThanOrEqual(burst);
        },
      ),
    );
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
    // The window frees at the pace it filled (a minute ÷ 300, plus the 1 s jitter margin), not a whole minute.
    expect(clock.sleeps[0]).toBeLessThan(2_000);
  });

  it('treats X-RateLimit-Limit: 0 as unknown: keeps its own pacing instead of waiting on Remaining: 0', async () => {
    // Prism's static mock (and proxies that fill headers they do not know) send Limit: 0, Remaining: 0.
    server.handle(() => ({
      body: { data: { id: 7 } },
      headers: { 'x-ratelimit-limit': '0', 'x-ratelimit-remaining': '0' },
    }));
    const clock = virtualClock();
    const events: RateLimitEvent[] = [];
    const loggd = new Loggd({
      token: 't',
      baseUrl: server.baseUrl,
      ...clock,
      onRateLimit: (e) => events.push(e),
    });
    for (let i = 0; i < 20; i++) await loggd.request('/profile');
    expect(loggd.rateLimit).toBeNull();
    expect(clock.sleeps).toEqual([]);
    expect(events).toEqual([]);
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
