import { verifySignature } from '@loggd/sdk';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createClock, type MockClock } from '../src/clock.js';
import { createWebhookDispatcher, type WebhookDispatcher } from '../src/webhooks/index.js';
import { type Answer, type Received, startReceiver, verifyWithNodeCrypto } from './webhooks-receiver.js';

const T0 = '2026-04-08T14:30:00Z';
const MIN = 60_000;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(answer?: (n: number, r: Received) => Answer, options: { timeoutMs?: number } = {}) {
  const clock: MockClock = createClock({ now: T0 });
  const receiver = await startReceiver(() => clock.nowMs(), answer);
  const webhooks: WebhookDispatcher = createWebhookDispatcher({ clock, seed: 7, ...options });
  cleanups.push(() => webhooks.close(), receiver.close);
  return { clock, receiver, webhooks, t0: clock.nowMs() };
}

describe('webhook delivery', () => {
  it('sends the documented envelope and headers, signed over the raw body', async () => {
    const { receiver, webhooks, t0 } = await setup();
    const { secret } = webhooks.register(1, { url: receiver.url, events: ['habit.completed'] });
    const data = { habit_id: 9, habit_name: 'Run', check_date: '2026-04-08', streak: 3 };
    webhooks.emit(1, 'habit.completed', data);
    await webhooks.flush();

    expect(receiver.received).toHaveLength(1);
    const [r] = receiver.received;
    expect(JSON.parse(r!.raw.toString())).toEqual({
      event: 'habit.completed',
      version: 1,
      timestamp: `${new Date(t0).toISOString().slice(0, 19)}+00:00`,
      data,
    });
    expect(r!.headers['content-type']).toBe('application/json');
    expect(r!.headers['user-agent']).toBe('Loggd-Webhook/1.0');
    expect(r!.headers['x-loggd-event']).toBe('habit.completed');
    expect(r!.headers['x-loggd-delivery']).toMatch(/\S{8,}/);
    expect(r!.headers['x-loggd-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWithNodeCrypto(r!.raw, r!.headers['x-loggd-signature'] as string, secret)).toBe(true);
    expect(verifyWithNodeCrypto(r!.raw, r!.headers['x-loggd-signature'] as string, `${secret}x`)).toBe(false);
    // The SDK's verifier (what users' handlers call) agrees with plain node:crypto.
    const signature = r!.headers['x-loggd-signature'];
    expect(await verifySignature({ body: r!.raw, signature, secret })).toBe(true);
    expect(await verifySignature({ body: r!.raw, signature, secret: `${secret}x` })).toBe(false);
  });

  it('delivers only to the emitting user’s endpoints subscribed to the event', async () => {
    const { receiver, webhooks } = await setup();
    const star = webhooks.register(1, { url: receiver.url, events: ['*'] });
    const tasks = webhooks.register(1, { url: receiver.url, events: ['task.created'] });
    const other = webhooks.register(2, { url: receiver.url, events: ['*'] });
    webhooks.emit(1, 'level.up', { new_level: 2 });
    webhooks.emit(1, 'task.created', { task_id: 1 });
    await webhooks.flush();
    const to = (id: number) => webhooks.deliveries({ endpointId: id }).map((d) => d.event);
    expect(to(star.id)).toEqual(['level.up', 'task.created']);
    expect(to(tasks.id)).toEqual(['task.created']);
    expect(to(other.id)).toEqual([]);
    expect(receiver.received).toHaveLength(3);
  });

  it('signatures verify and delivery ids are unique for any payloads (property)', async () => {
    const { receiver, webhooks } = await setup();
    const { secret } = webhooks.register(1, { url: receiver.url, events: ['*'] });
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (data) => {
        const before = receiver.received.length;
        webhooks.emit(1, 'checkin.completed', data);
        await webhooks.flush();
        const r = receiver.received[before]!;
        expect(verifyWithNodeCrypto(r.raw, r.headers['x-loggd-signature'] as string, secret)).toBe(true);
        expect(JSON.parse(r.raw.toString()).data).toEqual(JSON.parse(JSON.stringify(data)));
      }),
      { numRuns: 40 },
    );
    const ids = receiver.received.map((r) => r.headers['x-loggd-delivery']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts any 2xx as success and anything else as a failure', async () => {
    const statuses = [200, 201, 202, 204, 299, 301, 400, 410, 500, 503];
    // Each event carries the index of the status its first attempt gets; retries are answered 200.
    const answered = new Set<number>();
    const { receiver, webhooks } = await setup((_n, r) => {
      const i = JSON.parse(r.raw.toString()).data.i as number;
      if (answered.has(i)) return 200;
      answered.add(i);
      return statuses[i]!;
    });
    webhooks.register(1, { url: receiver.url, events: ['*'] });
    for (let i = 0; i < statuses.length; i++) {
      webhooks.emit(1, 'badge.unlocked', { i });
      await webhooks.flush();
    }
    const firstAttempts = webhooks.deliveries().map((d) => d.attempts[0]!);
    expect(firstAttempts.map((a) => a.status)).toEqual(statuses);
    expect(firstAttempts.map((a) => a.ok)).toEqual(statuses.map((s) => s >= 200 && s < 300));
  });

  it('retries at t, t, t+1m, t+6m, t+21m, t+81m on the mock clock, then succeeds', async () => {
    const { clock, receiver, webhooks, t0 } = await setup((n) => (n <= 5 ? 500 : 200));
    webhooks.register(1, { url: receiver.url, events: ['goal.created'] });
    webhooks.emit(1, 'goal.created', { goal_id: 1 });
    await webhooks.flush();
    expect(receiver.received).toHaveLength(2);
    // Just before each retry is due nothing is sent; at the due instant exactly one more arrives.
    for (const [gap, count] of [
      [1 * MIN, 3],
      [5 * MIN, 4],
      [15 * MIN, 5],
      [60 * MIN, 6],
    ] as const) {
      clock.advance(gap - 1);
      await webhooks.flush();
      expect(receiver.received).toHaveLength(count - 1);
      clock.advance(1);
      await webhooks.flush();
      expect(receiver.received).toHaveLength(count);
    }
    expect(receiver.received.map((r) => (r.at - t0) / MIN)).toEqual([0, 0, 1, 6, 21, 81]);
    expect(new Set(receiver.received.map((r) => r.headers['x-loggd-delivery'])).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.raw.toString())).size).toBe(1);
    const [delivery] = webhooks.deliveries();
    expect(delivery!.state).toBe('succeeded');
    expect(delivery!.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    clock.advance('1d');
    await webhooks.flush();
    expect(receiver.received).toHaveLength(6);
  });

  it('replays the whole schedule when the clock jumps, logging each attempt at its due time', async () => {
    const { clock, receiver, webhooks, t0 } = await setup(() => 500);
    const ep = webhooks.register(1, { url: receiver.url, events: ['*'] });
    webhooks.emit(1, 'level.up', { new_level: 3 });
    clock.advance('3h');
    await webhooks.flush();
    const log = webhooks.log(ep.id);
    expect(log.map((a) => (Date.parse(a.time) - t0) / MIN)).toEqual([0, 0, 1, 6, 21, 81]);
    expect(log.every((a) => a.status === 500 && !a.ok && a.durationMs >= 0)).toBe(true);
    expect(webhooks.deliveries()[0]!.state).toBe('failed');
    expect(receiver.received).toHaveLength(6);
  });

  it('deactivates an endpoint after 10 consecutive failures across deliveries', async () => {
    const { clock, receiver, webhooks } = await setup(() => 503);
    const ep = webhooks.register(1, { url: receiver.url, events: ['*'] });
    webhooks.emit(1, 'task.created', { task_id: 1 });
    webhooks.emit(1, 'task.created', { task_id: 2 });
    clock.advance('1d');
    await webhooks.flush();
    expect(receiver.received).toHaveLength(10);
    expect(webhooks.endpoint(ep.id)).toMatchObject({ active: false, consecutiveFailures: 10 });
    // Both deliveries retry on the same schedule, so their attempts interleave: 5 failures each.
    const deliveries = webhooks.deliveries();
    expect(deliveries.map((d) => [d.state, d.attempts.length])).toEqual([
      ['abandoned', 5],
      ['abandoned', 5],
    ]);
    expect(deliveries[0]!.reason).toMatch(/deactivated after 10 consecutive failures/);
    expect(webhooks.emit(1, 'task.created', { task_id: 3 })).toEqual([]);
    await webhooks.flush();
    expect(receiver.received).toHaveLength(10);
    webhooks.updateEndpoint(ep.id, { active: true });
    expect(webhooks.endpoint(ep.id)).toMatchObject({ active: true, consecutiveFailures: 0 });
  });

  it('a success resets the failure streak', async () => {
    // Delivery 1 fails 5 times then succeeds; delivery 2 fails all 6: 11 failures, never 10 in a row.
    const { clock, receiver, webhooks } = await setup((n) => (n === 6 ? 200 : 500));
    const ep = webhooks.register(1, { url: receiver.url, events: ['*'] });
    webhooks.emit(1, 'task.created', { task_id: 1 });
    clock.advance('2h');
    await webhooks.flush();
    webhooks.emit(1, 'task.created', { task_id: 2 });
    clock.advance('2h');
    await webhooks.flush();
    expect(receiver.received).toHaveLength(12);
    expect(webhooks.endpoint(ep.id)).toMatchObject({ active: true, consecutiveFailures: 6 });
  });

  it('counts a receiver slower than the timeout as a failure and retries', async () => {
    const { receiver, webhooks } = await setup((n) => (n === 1 ? 'hang' : 200), { timeoutMs: 150 });
    const ep = webhooks.register(1, { url: receiver.url, events: ['*'] });
    webhooks.emit(1, 'focus_session.started', { session_id: 1 });
    await webhooks.flush();
    const log = webhooks.log(ep.id);
    expect(log[0]).toMatchObject({ attempt: 1, ok: false, error: 'timeout after 150 ms' });
    expect(log[0]!.status).toBeUndefined();
    expect(log[1]).toMatchObject({ attempt: 2, ok: true, status: 200 });
  });

  it('counts an unreachable receiver as a failure', async () => {
    const { receiver, webhooks } = await setup();
    const url = receiver.url;
    await receiver.close();
    const ep = webhooks.register(1, { url, events: ['*'] });
    webhooks.emit(1, 'level.up', {});
    await webhooks.flush();
    const log = webhooks.log(ep.id);
    expect(log).toHaveLength(2);
    expect(log.every((a) => !a.ok && a.status === undefined && typeof a.error === 'string')).toBe(true);
  });

  it('after rotation, deliveries (retries included) verify with the new secret only', async () => {
    const { clock, receiver, webhooks } = await setup((n) => (n <= 2 ? 500 : 200));
    const ep = webhooks.register(1, { url: receiver.url, events: ['*'], secret: 'old-secret-123' });
    webhooks.emit(1, 'habit.archived', { habit_id: 1 });
    await webhooks.flush();
    const { secret } = webhooks.rotateSecret(ep.id);
    expect(secret).not.toBe('old-secret-123');
    clock.advance('1m');
    webhooks.emit(1, 'habit.archived', { habit_id: 2 });
    await webhooks.flush();
    const [before1, before2, ...after] = receiver.received;
    for (const r of [before1!, before2!]) {
      expect(verifyWithNodeCrypto(r.raw, r.headers['x-loggd-signature'] as string, 'old-secret-123')).toBe(
        true,
      );
    }
    expect(after).toHaveLength(2);
    for (const r of after) {
      expect(verifyWithNodeCrypto(r.raw, r.headers['x-loggd-signature'] as string, secret)).toBe(true);
      expect(verifyWithNodeCrypto(r.raw, r.headers['x-loggd-signature'] as string, 'old-secret-123')).toBe(
        false,
      );
    }
    const chosen = webhooks.rotateSecret(ep.id, 'chosen-secret-456');
    expect(chosen.secret).toBe('chosen-secret-456');
    expect(webhooks.endpoint(ep.id)!.secretHint).not.toContain('chosen-secret-456');
  });

  it('sends the docs’ example data as a test event', async () => {
    const { receiver, webhooks } = await setup();
    const ep = webhooks.register(1, { url: receiver.url, events: ['goal.completed', 'level.up'] });
    webhooks.sendTest(ep.id);
    webhooks.sendTest(ep.id, 'checkin.completed');
    await webhooks.flush();
    const bodies = receiver.bodies();
    expect(bodies.map((b) => b.event)).toEqual(['goal.completed', 'checkin.completed']);
    expect(bodies[0].data).toMatchObject({ goal_title: 'Read 24 books', progress_percentage: 100 });
    expect(bodies[1].data).toEqual({ checkin_id: 789, date: '2026-04-08' });
    expect(webhooks.deliveries().every((d) => d.test && d.state === 'succeeded')).toBe(true);
    expect(() => webhooks.sendTest(ep.id, 'habit.deleted')).toThrow(/Unknown event "habit.deleted"/);
  });

  it('allows 5 endpoints per account and refuses the 6th', async () => {
    const { receiver, webhooks } = await setup();
    for (let i = 0; i < 5; i++) webhooks.register(1, { url: receiver.url, events: ['*'] });
    expect(() => webhooks.register(1, { url: receiver.url, events: ['*'] })).toThrow(
      /up to 5 webhook endpoints/,
    );
    expect(() => webhooks.register(2, { url: receiver.url, events: ['*'] })).not.toThrow();
    expect(webhooks.endpoints(1)).toHaveLength(5);
  });

  it('waitFor resolves with past and future successful deliveries, matching a predicate', async () => {
    const { receiver, webhooks } = await setup();
    webhooks.register(1, { url: receiver.url, events: ['*'] });
    webhooks.emit(1, 'habit.completed', { habit_id: 1 });
    await webhooks.flush();
    const past = await webhooks.waitFor('habit.completed', { timeoutMs: 1000 });
    expect(past.envelope.data).toEqual({ habit_id: 1 });
    const future = webhooks.waitFor('habit.completed', {
      timeoutMs: 5000,
      predicate: (d) => d.envelope.data.habit_id === 2,
    });
    webhooks.emit(1, 'habit.completed', { habit_id: 2 });
    const got = await future;
    expect(got.state).toBe('succeeded');
    expect(got.attempts[0]!.status).toBe(200);
  });

  it('waitFor rejects after its timeout, listing what was delivered', async () => {
    const { receiver, webhooks } = await setup(() => 500);
    webhooks.register(1, { url: receiver.url, events: ['*'] });
    webhooks.emit(1, 'task.completed', { task_id: 1 });
    await webhooks.flush();
    const error = await webhooks.waitFor('task.completed', { timeoutMs: 50 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/task.completed.*within 50 ms/);
    expect((error as Error).message).toMatch(
      /task\.completed \S+ → endpoint \d+: pending, 2 attempts, last: HTTP 500/,
    );
    await expect(webhooks.waitFor('nope.event')).rejects.toThrow(/unknown event "nope.event"/);
  });

  it('resolves fetch per attempt and accepts an injected one', async () => {
    const clock = createClock({ now: T0 });
    const seen: string[] = [];
    const fetchSpy: typeof fetch = async (input, init) => {
      seen.push(`${String(input)} ${new Headers(init?.headers).get('x-loggd-event')}`);
      return new Response('ok', { status: 200 });
    };
    const webhooks = createWebhookDispatcher({ clock, seed: 1, fetch: fetchSpy });
    cleanups.push(() => webhooks.close());
    webhooks.register(1, { url: 'http://receiver.invalid/hook', events: ['*'] });
    webhooks.emit(1, 'level.up', { new_level: 9 });
    await webhooks.flush();
    expect(seen).toEqual(['http://receiver.invalid/hook level.up']);
  });

  it('is deterministic for a seed: same secrets and delivery ids', async () => {
    const run = async () => {
      const clock = createClock({ now: T0 });
      const fetchOk: typeof fetch = async () => new Response(null, { status: 204 });
      const w = createWebhookDispatcher({ clock, seed: 99, fetch: fetchOk });
      const { secret } = w.register(1, { url: 'http://x.invalid/', events: ['*'] });
      w.emit(1, 'level.up', {});
      await w.flush();
      w.close();
      return [secret, w.deliveries()[0]!.id];
    };
    expect(await run()).toEqual(await run());
  });
});
