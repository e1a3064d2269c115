import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortError, Loggd, NotFoundError, RateLimitError, ServerError } from '../src/index.js';
import {
  type FixtureServer,
  fixtureText,
  type Reply,
  startFixtureServer,
  virtualClock,
} from './support/fixture-server.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

/** Serves the given replies in order, then the profile. */
function script(replies: Reply[]) {
  const queue = [...replies];
  const before = server.requests.length;
  server.handle(() => queue.shift() ?? { body: fixtureText('profile-get') });
  return { sent: () => server.requests.length - before };
}

function client(extra: ConstructorParameters<typeof Loggd>[0] = {}) {
  const clock = virtualClock();
  const loggd = new Loggd({
    token: 't',
    baseUrl: server.baseUrl,
    rateLimit: false,
    ...clock,
    random: () => 0.5,
    ...extra,
  });
  return { loggd, clock };
}

describe('retries', () => {
  it.each([408, 429, 500, 502, 503, 504])('retries %i then succeeds', async (status) => {
    const { sent } = script([{ status, body: { message: 'x' } }]);
    const { loggd, clock } = client();
    const profile = await loggd.profile.get();
    expect(profile.username).toBe('jane');
    expect(sent()).toBe(2);
    expect(loggd.retries).toBe(1);
    expect(clock.sleeps).toHaveLength(1);
  });

  it.each([400, 401, 403, 404, 409, 422])('never retries %i', async (status) => {
    const { sent } = script([{ status, body: { message: 'no' } }]);
    const { loggd, clock } = client();
    await expect(loggd.profile.get()).rejects.toMatchObject({ status });
    expect(sent()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('stops after maxRetries (default 2) and throws the last error', async () => {
    const { sent } = script(Array.from({ length: 5 }, () => ({ status: 503, body: { message: 'down' } })));
    const { loggd } = client();
    await expect(loggd.profile.get()).rejects.toBeInstanceOf(ServerError);
    expect(sent()).toBe(3);
    expect(loggd.stats).toEqual({ requests: 3, retries: 2 });
  });

  it('a per-call maxRetries overrides the client', async () => {
    const { sent } = script(Array.from({ length: 9 }, () => ({ status: 500, body: {} })));
    const { loggd } = client({ maxRetries: 5 });
    await expect(loggd.profile.get({ maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(sent()).toBe(1);
  });

  it('jitter can reach zero wait', async () => {
    script([{ status: 500, body: {} }]);
    const { loggd } = client({ random: () => 0 });
    await loggd.profile.get();
    expect(loggd.retries).toBe(1);
  });

  it('backs off exponentially with full jitter between 0 and base·2^n, capped', async () => {
    const draws = [0.999, 0.999, 0.999, 0.999, 0.999];
    script(Array.from({ length: 5 }, () => ({ status: 500, body: {} })));
    const { loggd, clock } = client({
      maxRetries: 5,
      backoff: { baseMs: 100, capMs: 500 },
      random: () => draws.shift() ?? 0,
    });
    await loggd.profile.get();
    const ceilings = [100, 200, 400, 500, 500];
    expect(clock.sleeps).toHaveLength(5);
    clock.sleeps.forEach((ms, i) => {
      expect(ms).toBeLessThanOrEqual(ceilings[i]!);
      expect(ms).toBeGreaterThanOrEqual(ceilings[i]! * 0.99);
    });
  });

  it('honours Retry-After in seconds in full', async () => {
    script([{ status: 429, body: { message: 'slow' }, headers: { 'retry-after': '42' } }]);
    const { loggd, clock } = client();
    await loggd.profile.get();
    expect(clock.sleeps).toEqual([42_000]);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const at = new Date(Date.now() + 5_000).toUTCString();
    script([{ status: 503, body: {}, headers: { 'retry-after': at } }]);
    const { loggd, clock } = client();
    await loggd.profile.get();
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(3_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(5_000);
  });

  it('a Retry-After beyond maxRetryAfterMs throws RateLimitError at once instead of capping it', async () => {
    const { sent } = script([{ status: 429, body: { message: 'later' }, headers: { 'retry-after': '120' } }]);
    const { loggd, clock } = client({ maxRetryAfterMs: 60_000 });
    const error = await loggd.profile.get().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect(sent()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('maxRateLimitWaitMs: 429s with Retry-After are waited out without spending maxRetries', async () => {
    const limited = (n: number) =>
      Array.from({ length: n }, () => ({
        status: 429,
        body: { message: 'later' },
        headers: { 'retry-after': '2' },
      }));
    const events: number[] = [];
    const { sent } = script([...limited(5), { status: 503, body: {} }]);
    const { loggd, clock } = client({
      maxRateLimitWaitMs: 10_000,
      onRateLimit: (e) => events.push(e.waitMs),
    });
    expect((await loggd.profile.get()).username).toBe('jane');
    expect(sent()).toBe(7);
    expect(events).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(clock.sleeps.slice(0, 5)).toEqual([2000, 2000, 2000, 2000, 2000]);
  });

  it('maxRateLimitWaitMs is a budget: past it, a 429 counts as a retry again', async () => {
    const { sent } = script(
      Array.from({ length: 6 }, () => ({
        status: 429,
        body: { message: 'later' },
        headers: { 'retry-after': '2' },
      })),
    );
    const { loggd } = client({ maxRateLimitWaitMs: 4_000 });
    await expect(loggd.profile.get()).rejects.toBeInstanceOf(RateLimitError);
    // 2 waits within the budget, then the default 2 retries: 5 requests.
    expect(sent()).toBe(5);
  });

  it('stops retrying when the next wait would pass deadlineMs', async () => {
    const { sent } = script([
      { status: 500, body: {} },
      { status: 429, body: {}, headers: { 'retry-after': '30' } },
    ]);
    const { loggd } = client({ deadlineMs: 10_000 });
    await expect(loggd.profile.get()).rejects.toBeInstanceOf(RateLimitError);
    expect(sent()).toBe(2);
  });

  it('retries a dropped connection', async () => {
    const { sent } = script([{ destroy: true }]);
    const { loggd } = client();
    expect((await loggd.profile.get()).id).toBe(7);
    expect(sent()).toBe(2);
  });

  it('an abort during a retry sleep rejects at once with AbortError', async () => {
    script([{ status: 503, body: {} }]);
    const controller = new AbortController();
    let sleeping!: () => void;
    const asleep = new Promise<void>((resolve) => {
      sleeping = resolve;
    });
    const loggd = new Loggd({
      token: 't',
      baseUrl: server.baseUrl,
      rateLimit: false,
      // A sleep that only ends by abort: the test fails by timeout if abort is not honoured.
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
          sleeping();
        }),
    });
    const call = loggd.profile.get({ signal: controller.signal });
    await asleep;
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
  });

  it('the default sleep honours abort too', async () => {
    script([{ status: 503, body: {}, headers: { 'retry-after': '50' } }]);
    const controller = new AbortController();
    const loggd = new Loggd({
      token: 't',
      baseUrl: server.baseUrl,
      rateLimit: false,
      hooks: { onResponse: () => setImmediate(() => controller.abort()) },
    });
    const started = Date.now();
    await expect(loggd.profile.get({ signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    // Retry-After was 50 s: getting here at all means the sleep ended on abort.
    expect(Date.now() - started).toBeLessThan(50_000);
  });

  it('a 404 is thrown as is (no retry), the message naming the path', async () => {
    script([{ status: 404, body: fixtureText('error-404') }]);
    const { loggd } = client();
    await expect(loggd.habits.get(9)).rejects.toThrow(NotFoundError);
  });
});
