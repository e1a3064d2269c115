import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.js';
import { createWebhookDispatcher, handleWebhookControl } from '../src/webhooks/index.js';
import { startReceiver, verifyWithNodeCrypto } from './webhooks-receiver.js';

const BASE = 'http://localhost:4010/__mock/webhooks';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup() {
  const clock = createClock({ now: '2026-04-08T14:30:00Z' });
  const receiver = await startReceiver(() => clock.nowMs());
  const webhooks = createWebhookDispatcher({ clock, seed: 5, defaultUserId: 1 });
  cleanups.push(() => webhooks.close(), receiver.close);
  const call = async (method: string, path: string, body?: unknown, userId?: number) => {
    const init: RequestInit = { method };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await handleWebhookControl(new Request(`${BASE}${path}`, init), webhooks, userId);
    if (!response) return { status: 0, body: null as any };
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      type: response.headers.get('content-type'),
    };
  };
  return { clock, receiver, webhooks, call };
}

describe('webhook control routes', () => {
  it('ignores paths outside /__mock/webhooks', async () => {
    const { webhooks } = await setup();
    for (const url of [
      'http://x/api/v1/public/habits',
      'http://x/__mock/webhooksX',
      'http://x/__mock/faults',
    ]) {
      expect(await handleWebhookControl(new Request(url), webhooks)).toBeNull();
    }
  });

  it('registers, lists, tests, rotates, lists deliveries, flushes and deletes', async () => {
    const { receiver, webhooks, call } = await setup();
    const created = await call('POST', '/endpoints', {
      url: receiver.url,
      events: ['habit.completed', 'level.up'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(Number), secret: expect.stringMatching(/^whsec_/) });
    const { id, secret } = created.body;

    const listed = await call('GET', '/endpoints');
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.data[0]).toMatchObject({
      id,
      url: receiver.url,
      events: ['habit.completed', 'level.up'],
      active: true,
    });

    const tested = await call('POST', `/endpoints/${id}/test`, { event: 'level.up' });
    expect(tested.status).toBe(200);
    expect(tested.body.data).toMatchObject({ event: 'level.up', state: 'succeeded', test: true });
    const r = receiver.received[0]!;
    expect(verifyWithNodeCrypto(r.raw, r.headers['x-loggd-signature'] as string, secret)).toBe(true);
    expect(JSON.parse(r.raw.toString()).data).toEqual({
      new_level: 5,
      previous_level: 4,
      tier_name: 'Adventurer',
      total_points: 2500,
    });

    const rotated = await call('POST', `/endpoints/${id}/rotate`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    await call('POST', `/endpoints/${id}/test`, '');
    const r2 = receiver.received[1]!;
    expect(JSON.parse(r2.raw.toString()).event).toBe('habit.completed');
    expect(verifyWithNodeCrypto(r2.raw, r2.headers['x-loggd-signature'] as string, rotated.body.secret)).toBe(
      true,
    );
    expect(verifyWithNodeCrypto(r2.raw, r2.headers['x-loggd-signature'] as string, secret)).toBe(false);

    webhooks.emit(1, 'habit.completed', { habit_id: 1 });
    const flushed = await call('POST', '/flush');
    expect(flushed).toMatchObject({ status: 200, body: { pending: 0 } });
    const all = await call('GET', '/deliveries');
    expect(all.body.data).toHaveLength(3);
    const filtered = await call('GET', `/deliveries?endpoint_id=${id}&event=habit.completed`);
    expect(filtered.body.data.map((d: { event: string }) => d.event)).toEqual([
      'habit.completed',
      'habit.completed',
    ]);

    expect((await call('DELETE', `/endpoints/${id}`)).status).toBe(204);
    expect((await call('GET', '/endpoints')).body.data).toEqual([]);
    expect(webhooks.endpoints()).toEqual([]);
  });

  it('scopes endpoints to ?user=, then the given user, then the demo user', async () => {
    const { receiver, webhooks, call } = await setup();
    const mine = await call('POST', '/endpoints', { url: receiver.url, events: ['*'] });
    await call('POST', '/endpoints?user=2', { url: receiver.url, events: ['*'] });
    await call('POST', '/endpoints', { url: receiver.url, events: ['*'] }, 3);
    expect(webhooks.endpoints(1)).toHaveLength(1);
    expect(webhooks.endpoints(2)).toHaveLength(1);
    expect(webhooks.endpoints(3)).toHaveLength(1);
    const foreign = await call('DELETE', `/endpoints/${mine.body.id}?user=2`);
    expect(foreign.status).toBe(404);
    expect(webhooks.endpoints(1)).toHaveLength(1);
  });

  it('answers bad input with a 4xx JSON message', async () => {
    const { receiver, call } = await setup();
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', '/endpoints', '{"url":', 400, /Malformed JSON/],
      ['POST', '/endpoints', '[1,2]', 400, /JSON object/],
      [
        'POST',
        '/endpoints',
        { url: receiver.url, events: ['habit.deleted'] },
        422,
        /Unknown event "habit.deleted"/,
      ],
      ['POST', '/endpoints', { url: receiver.url, events: [] }, 422, /events must be a non-empty array/],
      ['POST', '/endpoints', { url: 'not a url', events: ['*'] }, 422, /Invalid url "not a url"/],
      ['POST', '/endpoints', { url: 'ftp://host/x', events: ['*'] }, 422, /only http and https/],
      ['POST', '/endpoints', { events: ['*'] }, 422, /url is required/],
      [
        'POST',
        '/endpoints',
        { url: receiver.url, events: ['*'], chaos: { duplicate: 2 } },
        422,
        /chaos.duplicate/,
      ],
      ['DELETE', '/endpoints/999', undefined, 404, /Webhook endpoint 999 not found/],
      ['POST', '/endpoints/abc/rotate', undefined, 404, /not found/],
      ['POST', '/endpoints/999/test', {}, 404, /Webhook endpoint 999 not found/],
      ['GET', '/endpoints?user=bob', undefined, 422, /Invalid user "bob"/],
      ['PUT', '/endpoints', {}, 405, /Method PUT is not allowed/],
      ['GET', '/nothing-here', undefined, 404, /Unknown webhook control route/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const res = await call(method, path, body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status });
      expect(res.type).toBe('application/json');
      expect(res.body.message).toMatch(message);
    }
    const ok = await call('POST', '/endpoints', { url: receiver.url, events: ['*'] });
    const badTest = await call('POST', `/endpoints/${ok.body.id}/test`, { event: 'nope' });
    expect(badTest.status).toBe(422);
    expect(badTest.body.message).toMatch(/Unknown event "nope"/);
  });

  it('refuses a 6th endpoint for an account', async () => {
    const { receiver, call } = await setup();
    for (let i = 0; i < 5; i++) {
      expect((await call('POST', '/endpoints', { url: receiver.url, events: ['*'] })).status).toBe(201);
    }
    const sixth = await call('POST', '/endpoints', { url: receiver.url, events: ['*'] });
    expect(sixth.status).toBe(422);
    expect(sixth.body.message).toMatch(/up to 5 webhook endpoints per account/);
  });

  it('never throws and never answers 5xx, whatever the body (property)', async () => {
    // Random URLs must not reach the network: a stub fetch answers every delivery.
    const webhooks = createWebhookDispatcher({
      clock: createClock({ now: '2026-04-08T14:30:00Z' }),
      fetch: async () => new Response(null, { status: 204 }),
    });
    cleanups.push(() => webhooks.close());
    const bodies = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          url: fc.oneof(fc.webUrl(), fc.string()),
          events: fc.array(fc.string()),
          secret: fc.string(),
        })
        .map((v) => JSON.stringify(v)),
    );
    const paths = fc.constantFrom(
      '/endpoints',
      '/endpoints/1',
      '/endpoints/1/test',
      '/endpoints/1/rotate',
      '/flush',
    );
    await fc.assert(
      fc.asyncProperty(
        paths,
        fc.constantFrom('GET', 'POST', 'DELETE', 'PATCH'),
        bodies,
        async (path, method, body) => {
          const init: RequestInit = { method, ...(method !== 'GET' && { body }) };
          const response = await handleWebhookControl(new Request(`${BASE}${path}`, init), webhooks);
          expect(response).not.toBeNull();
          expect(response!.status).toBeLessThan(500);
          if (response!.status >= 400) expect(typeof (await response!.json()).message).toBe('string');
        },
      ),
      { numRuns: 150 },
    );
  });
});
