import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  constructEvent,
  createTestDelivery,
  isWebhookEvent,
  WEBHOOK_EVENT_NAMES,
  WEBHOOK_EVENTS,
  type WebhookEvent,
  type WebhookEventOf,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from '../src/webhooks/index.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/webhooks/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const { _source, ...DOCS_EXAMPLES } = fixture('docs-events.json') as Record<string, Record<string, unknown>>;

const SECRET = 'whsec_test_secret';
const sign = (body: string | Uint8Array, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** A delivery built by hand (not with our helpers), the way Loggd sends it. */
function delivery(payload: unknown, headers: Record<string, string> = {}) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const event = (payload as { event?: string }).event ?? 'level.up';
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Loggd-Event': event,
      'X-Loggd-Delivery': 'd-1',
      'X-Loggd-Signature': sign(body),
      ...headers,
    },
  };
}

const envelope = (event: string, data: unknown, extra: Record<string, unknown> = {}) => ({
  event,
  version: 1,
  timestamp: '2026-04-08T14:30:00+00:00',
  data,
  ...extra,
});

async function reasonOf(promise: Promise<unknown>): Promise<WebhookVerificationReason> {
  const error = await promise.then(
    () => expect.unreachable('expected constructEvent to throw'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  return (error as WebhookVerificationError).reason;
}

describe('constructEvent with the documented events', () => {
  it('the fixture holds the 15 documented events, and WEBHOOK_EVENTS carries the same names and examples', () => {
    expect(Object.keys(DOCS_EXAMPLES)).toHaveLength(15);
    expect([...WEBHOOK_EVENT_NAMES].sort()).toEqual(Object.keys(DOCS_EXAMPLES).sort());
    for (const name of WEBHOOK_EVENT_NAMES) {
      expect(WEBHOOK_EVENTS[name].example, name).toEqual(DOCS_EXAMPLES[name]);
      expect(WEBHOOK_EVENTS[name].description, name).toMatch(/^Fired when /);
    }
  });

  it.each(Object.entries(DOCS_EXAMPLES))(
    'parses the docs example of %s to its typed event',
    async (name, data) => {
      const { body, headers } = delivery(envelope(name, data));
      const event = await constructEvent({ body, headers, secret: SECRET });
      expect(event).toMatchObject({ event: name, known: true, version: 1, deliveryId: 'd-1' });
      expect(event.data).toMatchObject(data);
    },
  );

  it('accepts the announcement’s habit.completed shape, keeping its fields and adding the docs’ names', async () => {
    const payload = fixture('announcement-habit-completed.json');
    const { body, headers } = delivery(payload);
    const event = await constructEvent({ body, headers, secret: SECRET });
    expect(isWebhookEvent(event, 'habit.completed')).toBe(true);
    if (!isWebhookEvent(event, 'habit.completed')) return;
    const sent = payload.data as Record<string, unknown>;
    expect(event.data).toMatchObject(sent);
    expect(event.data).toMatchObject({
      habit_name: sent.name,
      check_date: sent.checked_date,
      streak: sent.streak_current,
    });
  });

  it('narrows on known + event at the type level', () => {
    expectTypeOf<Extract<WebhookEvent, { known: true; event: 'level.up' }>>().toEqualTypeOf<
      WebhookEventOf<'level.up'>
    >();
    expectTypeOf<WebhookEventOf<'level.up'>['data']['new_level']>().toEqualTypeOf<number>();
    expectTypeOf<WebhookEventOf<'habit.completed'>['data']['streak']>().toEqualTypeOf<number>();
  });

  it('keeps unknown fields, and returns unknown events and versions as generic events', async () => {
    const extra = delivery(
      envelope('level.up', { ...DOCS_EXAMPLES['level.up'], bonus: 'x' }, { trace: 't' }),
    );
    expect(await constructEvent({ ...extra, secret: SECRET })).toMatchObject({
      trace: 't',
      data: { bonus: 'x' },
    });

    const future = delivery(envelope('habit.renamed', { habit_id: 1, anything: [1, 2] }));
    expect(await constructEvent({ ...future, secret: SECRET })).toMatchObject({
      event: 'habit.renamed',
      known: false,
      data: { habit_id: 1, anything: [1, 2] },
    });
    const v2 = delivery(envelope('level.up', { level: 'six' }, { version: 2 }));
    expect(await constructEvent({ ...v2, secret: SECRET })).toMatchObject({ known: false, version: 2 });
  });

  it('round-trips every example through createTestDelivery with all documented headers', async () => {
    for (const name of WEBHOOK_EVENT_NAMES) {
      const test = await createTestDelivery(name, WEBHOOK_EVENTS[name].example, SECRET, {
        deliveryId: `id-${name}`,
      });
      expect(test.headers).toMatchObject({
        'Content-Type': 'application/json',
        'User-Agent': 'Loggd-Webhook/1.0',
        'X-Loggd-Event': name,
        'X-Loggd-Delivery': `id-${name}`,
        'X-Loggd-Signature': sign(test.body),
      });
      const event = await constructEvent({ body: test.body, headers: test.headers, secret: SECRET });
      expect(event).toMatchObject({ event: name, known: true, deliveryId: `id-${name}` });
      expect(Date.parse(event.timestamp)).not.toBeNaN();
    }
  });
});

describe('constructEvent header shapes', () => {
  it('reads Headers, any-case plain objects and Node-style arrays alike', async () => {
    const { body, headers } = delivery(envelope('checkin.completed', DOCS_EXAMPLES['checkin.completed']));
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    const arrays = Object.fromEntries(Object.entries(lower).map(([k, v]) => [k, [v]]));
    for (const shape of [new Headers(headers), headers, lower, upper, arrays]) {
      expect(await constructEvent({ body: Buffer.from(body), headers: shape, secret: SECRET })).toMatchObject(
        {
          event: 'checkin.completed',
          deliveryId: 'd-1',
        },
      );
    }
  });
});

describe('constructEvent failures name the failed check', () => {
  const good = envelope('level.up', DOCS_EXAMPLES['level.up']);

  it('missing and invalid signatures', async () => {
    const { body, headers } = delivery(good);
    const { 'X-Loggd-Signature': _, ...unsigned } = headers;
    expect(await reasonOf(constructEvent({ body, headers: unsigned, secret: SECRET }))).toBe(
      'missing_signature',
    );
    expect(await reasonOf(constructEvent({ body, headers: {}, secret: SECRET }))).toBe('missing_signature');
    expect(await reasonOf(constructEvent({ body: `${body}\n`, headers, secret: SECRET }))).toBe(
      'invalid_signature',
    );
    expect(await reasonOf(constructEvent({ body, headers, secrets: ['rotated'] }))).toBe('invalid_signature');
    await expect(constructEvent({ body, headers, secret: ` ${SECRET}` })).rejects.toThrow(/whitespace/);
  });

  it('bad JSON, and JSON that is not an envelope', async () => {
    const notJson = delivery('{"event":"level.up",');
    expect(await reasonOf(constructEvent({ ...notJson, secret: SECRET }))).toBe('invalid_json');
    const latin1 = new Uint8Array([0x7b, 0xff, 0x7d]);
    expect(
      await reasonOf(
        constructEvent({ body: latin1, headers: { 'x-loggd-signature': sign(latin1) }, secret: SECRET }),
      ),
    ).toBe('invalid_json');
    for (const payload of [
      [1],
      { ...good, data: 'x' },
      { ...good, timestamp: 'yesterday' },
      { ...good, event: 3 },
    ]) {
      expect(await reasonOf(constructEvent({ ...delivery(payload), secret: SECRET }))).toBe(
        'invalid_payload',
      );
    }
    const badData = delivery(envelope('level.up', { new_level: 'five' }));
    await expect(constructEvent({ ...badData, secret: SECRET })).rejects.toMatchObject({
      reason: 'invalid_payload',
      message: /level\.up.*new_level/,
    });
  });

  it('X-Loggd-Event disagreeing with the signed body', async () => {
    const forged = delivery(good, { 'X-Loggd-Event': 'badge.unlocked' });
    expect(await reasonOf(constructEvent({ ...forged, secret: SECRET }))).toBe('event_mismatch');
  });

  it('a parsed object instead of the raw body, with the fix in the message', async () => {
    const { headers } = delivery(good);
    for (const body of [good, null, undefined, 42]) {
      const error = await constructEvent({ body: body as never, headers, secret: SECRET }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        reason: 'body_not_raw',
        message: /express\.raw\(.*await request\.text\(\)/,
      });
    }
  });

  it('maxAgeSeconds: off by default, then checked against the signed timestamp', async () => {
    const sent = Date.parse(good.timestamp);
    const { body, headers } = delivery(good);
    const hoursLater = () => sent + 3 * 3600_000;
    expect(await constructEvent({ body, headers, secret: SECRET, now: hoursLater })).toMatchObject({
      known: true,
    });
    expect(
      await reasonOf(constructEvent({ body, headers, secret: SECRET, maxAgeSeconds: 3600, now: hoursLater })),
    ).toBe('too_old');
    // Loggd's last retry comes ~81 minutes after the first attempt.
    const lastRetry = () => sent + 81 * 60_000;
    expect(
      await constructEvent({ body, headers, secret: SECRET, maxAgeSeconds: 5400, now: lastRetry }),
    ).toMatchObject({
      known: true,
    });
    await expect(constructEvent({ body, headers, secret: SECRET, maxAgeSeconds: -1 })).rejects.toThrow(
      TypeError,
    );
  });

  it('property: any tampering with a signed body is rejected, never accepted or crashing', async () => {
    const { body, headers } = delivery(good);
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 5 }),
        fc.nat(),
        async (insert, at) => {
          const i = at % (body.length + 1);
          const tampered = body.slice(0, i) + insert + body.slice(i);
          expect(await reasonOf(constructEvent({ body: tampered, headers, secret: SECRET }))).toBe(
            'invalid_signature',
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('property: any signed JSON either parses or fails with a payload reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.json(), async (body) => {
        const result = await constructEvent({
          body,
          headers: { 'x-loggd-signature': sign(body) },
          secret: SECRET,
        }).then(
          () => 'ok' as const,
          (e: unknown) => (e instanceof WebhookVerificationError ? e.reason : 'crash'),
        );
        expect(['ok', 'invalid_payload', 'invalid_json']).toContain(result);
      }),
      { numRuns: 200 },
    );
  });
});
