import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  createWebhookHandler,
  type WebhookDeliveryStore,
  type WebhookEventOf,
  type WebhookRequest,
} from '../src/webhooks/index.js';
import { delivery, SECRET, sign } from './webhooks-handler.support.js';

// The framework-neutral core, `handler.handle({ method, headers, body })`, without sockets: the adapter
// suites (webhooks-handler-{node,express,fetch}.test.ts) cover the same contract over real connections.

const request = (d: { body: string | Uint8Array; headers: Record<string, string> }): WebhookRequest => ({
  method: 'POST',
  headers: d.headers,
  body: d.body,
});

/** A promise and its resolver, to hold a handler until the test lets it go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('createWebhookHandler: dispatch', () => {
  it('passes the typed event and the delivery id to the handler for its event only', async () => {
    const seen: string[] = [];
    const webhooks = createWebhookHandler({
      secret: SECRET,
      on: {
        'habit.completed': (event, context) => {
          expectTypeOf(event).toEqualTypeOf<WebhookEventOf<'habit.completed'>>();
          expectTypeOf(event.data.streak).toEqualTypeOf<number>();
          seen.push(`${event.data.habit_name}/${event.data.streak}/${context.deliveryId}`);
        },
        'level.up': () => {
          seen.push('level.up');
        },
      },
    });
    const d = delivery({ id: 'd-1' });
    expect(await webhooks.handle(request(d))).toMatchObject({ status: 200, body: '{"received":true}' });
    expect(seen).toEqual(['Morning Exercise/7/d-1']);
  });

  it('acknowledges events without a handler and hands every event, known or not, to onEvent', async () => {
    const events: string[] = [];
    const webhooks = createWebhookHandler({
      secret: SECRET,
      onEvent: (event) => {
        events.push(`${event.event}:${event.known}`);
      },
    });
    expect((await webhooks.handle(request(delivery()))).status).toBe(200);
    const future = delivery({ event: 'habit.renamed', data: { habit_id: 1, new_name: 'Run' } });
    expect((await webhooks.handle(request(future))).status).toBe(200);
    expect(events).toEqual(['habit.completed:true', 'habit.renamed:false']);
  });

  it('rejects configuration mistakes when it is created, naming the option', () => {
    expect(() => createWebhookHandler({})).toThrow(/secrets: expected one or more/);
    expect(() => createWebhookHandler({ secret: '' })).toThrow(/secret/);
    expect(() =>
      createWebhookHandler({ secret: SECRET, on: { 'habit.complete': () => {} } as never }),
    ).toThrow(/on: unknown event "habit.complete"/);
    expect(() => createWebhookHandler({ secret: SECRET, maxBodyBytes: 0 })).toThrow(/maxBodyBytes/);
    const noDelete: WebhookDeliveryStore = { has: () => false, add: () => true };
    expect(() => createWebhookHandler({ secret: SECRET, dedupe: noDelete })).toThrow(/delete\(id\)/);
  });

  it('keeps answering when onError itself throws', async () => {
    const webhooks = createWebhookHandler({
      secret: SECRET,
      on: {
        'habit.completed': () => {
          throw new Error('boom');
        },
      },
      onError: () => {
        throw new Error('logger down');
      },
    });
    expect((await webhooks.handle(request(delivery()))).status).toBe(500);
    expect((await webhooks.handle({ ...request(delivery()), headers: {} })).status).toBe(401);
  });
});

describe('createWebhookHandler: duplicates', () => {
  it('a copy arriving while the original is handled waits for it and does not run the handler', async () => {
    const hold = gate();
    const started = gate();
    let calls = 0;
    const webhooks = createWebhookHandler({
      secret: SECRET,
      on: {
        'habit.completed': async () => {
          calls++;
          started.open();
          await hold.opened;
        },
      },
    });
    const d = delivery();
    const first = webhooks.handle(request(d));
    await started.opened;
    let copySettled = false;
    const copy = webhooks.handle(request(d)).finally(() => {
      copySettled = true;
    });
    // One full turn of the event loop: the copy's verification is done, yet it must still be waiting.
    await new Promise((resolve) => setImmediate(resolve));
    expect(copySettled).toBe(false);
    hold.open();
    const [a, b] = await Promise.all([first, copy]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(JSON.parse(b.body)).toEqual({ received: true, duplicate: true });
    expect(calls).toBe(1);
  });

  it('a copy of a failing original fails too, and the retry then runs the handler', async () => {
    const hold = gate();
    let calls = 0;
    const webhooks = createWebhookHandler({
      secret: SECRET,
      on: {
        'habit.completed': async () => {
          calls++;
          await hold.opened;
          if (calls === 1) throw new Error('first attempt fails');
        },
      },
    });
    const d = delivery();
    const first = webhooks.handle(request(d));
    const copy = webhooks.handle(request(d));
    hold.open();
    expect((await Promise.all([first, copy])).map((r) => r.status)).toEqual([500, 500]);
    expect((await webhooks.handle(request(d))).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('dedupe: false runs the handler for every copy', async () => {
    let calls = 0;
    const webhooks = createWebhookHandler({
      secret: SECRET,
      dedupe: false,
      on: { 'habit.completed': () => void calls++ },
    });
    const d = delivery();
    await webhooks.handle(request(d));
    await webhooks.handle(request(d));
    expect(calls).toBe(2);
  });

  it('a shared async store (Redis-like) dedupes across two handler instances ("processes")', async () => {
    const ids = new Map<string, number>();
    const store: WebhookDeliveryStore = {
      has: async (id) => ids.has(id),
      add: async (id, ttlMs) => {
        if (ids.has(id)) return false;
        ids.set(id, ttlMs);
        return true;
      },
      delete: async (id) => ids.delete(id),
    };
    let calls = 0;
    const options = { secret: SECRET, dedupe: store, on: { 'habit.completed': () => void calls++ } };
    const [one, two] = [createWebhookHandler(options), createWebhookHandler(options)];
    const d = delivery();
    expect((await one.handle(request(d))).status).toBe(200);
    expect(JSON.parse((await two.handle(request(d))).body)).toMatchObject({ duplicate: true });
    expect(calls).toBe(1);
    expect(ids.get(d.id)).toBe(24 * 60 * 60 * 1000);
  });

  it('answers 500 without running the handler when the dedupe store is down', async () => {
    let calls = 0;
    const errors: number[] = [];
    const webhooks = createWebhookHandler({
      secret: SECRET,
      dedupe: {
        has: () => Promise.reject(new Error('ECONNREFUSED')),
        add: () => true,
        delete: () => true,
      },
      on: { 'habit.completed': () => void calls++ },
      onError: (_error, info) => errors.push(info.status),
    });
    const response = await webhooks.handle(request(delivery()));
    expect(response.status).toBe(500);
    expect(JSON.parse(response.body)).toEqual({ error: 'dedupe_failed' });
    expect(calls).toBe(0);
    expect(errors).toEqual([500]);
  });
});

describe('createWebhookHandler: properties', () => {
  const webhooks = createWebhookHandler({ secret: SECRET, dedupe: false });

  it('any change to a signed body is a 401', async () => {
    const d = delivery();
    const bytes = new TextEncoder().encode(d.body);
    await fc.assert(
      fc.asyncProperty(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const tampered = bytes.slice();
        tampered[at]! ^= flip;
        expect((await webhooks.handle(request({ ...d, body: tampered }))).status).toBe(401);
      }),
    );
  });

  it('any method but POST is a 405 with Allow: POST', async () => {
    const d = delivery();
    const method = fc.stringMatching(/^[A-Za-z]{1,10}$/).filter((m) => m.toUpperCase() !== 'POST');
    await fc.assert(
      fc.asyncProperty(method, async (m) => {
        const response = await webhooks.handle({ ...request(d), method: m });
        expect(response.status).toBe(405);
        expect(response.headers.allow).toBe('POST');
      }),
    );
  });

  it('the body limit counts UTF-8 bytes, for text as for bytes', async () => {
    const limit = 300;
    const small = createWebhookHandler({ secret: SECRET, dedupe: false, maxBodyBytes: limit });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.boolean(),
        async (text, asBytes) => {
          const bytes = new TextEncoder().encode(text);
          const body = asBytes ? bytes : text;
          const response = await small.handle({
            method: 'POST',
            headers: { 'x-loggd-signature': sign(body) },
            body,
          });
          // Within the limit the (valid) signature is checked and the non-envelope body is a 400.
          expect(response.status).toBe(bytes.byteLength > limit ? 413 : 400);
        },
      ),
    );
  });

  it('any valid habit.completed delivery reaches the handler with its data intact', async () => {
    const data = fc.record({
      habit_id: fc.integer({ min: 1, max: 2 ** 31 }),
      habit_name: fc.string(),
      check_date: fc.constantFrom('2026-04-08', '2025-12-31'),
      streak: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(data, async (d) => {
        let got: unknown;
        const one = createWebhookHandler({
          secret: SECRET,
          on: {
            'habit.completed': (e) => {
              got = e.data;
            },
          },
        });
        expect((await one.handle(request(delivery({ data: d })))).status).toBe(200);
        expect(got).toEqual(d);
      }),
      { numRuns: 50 },
    );
  });
});
