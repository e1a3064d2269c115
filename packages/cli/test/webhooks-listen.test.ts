import { createMockApi } from '@loggd/mock';
import { WEBHOOK_EVENT_NAMES, WEBHOOK_EVENTS } from '@loggd/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { webhooksListen } from '../src/commands/webhooks/listen.js';
import type { DeliveryRecord } from '../src/webhooks/listen-server.js';
import {
  endToEndHeaders,
  rawPost,
  recordingApp,
  runWebhooks,
  sign,
  testContext,
  testIO,
} from './webhooks.support.js';

const SECRET = 'whsec_listen_test_0123456789abcdef';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Starts `listen` in-process (ndjson unless told) and resolves once it printed its Ready line. */
async function listen(
  flags: Record<string, unknown> = {},
  opts: Record<string, unknown> = { format: 'ndjson' },
) {
  const t = testIO({ env: {} });
  let signal!: (s: 'SIGINT' | 'SIGTERM') => void;
  const stopped = new Promise<'SIGINT' | 'SIGTERM'>((resolve) => (signal = resolve));
  const exit = webhooksListen(
    testContext(t.io, opts),
    { port: 0, secret: SECRET, ...flags },
    { stop: stopped },
  );
  await Promise.race([
    t.err.until((text) => text.includes('Ready!')),
    exit.then((code) => {
      throw new Error(`listen exited with ${code}: ${t.err.text}`);
    }),
  ]);
  const url = /Ready! listening on (\S+)/.exec(t.err.text)?.[1] as string;
  let stoppedOnce = false;
  const stop = (s: 'SIGINT' | 'SIGTERM' = 'SIGINT') => {
    if (!stoppedOnce) signal(s);
    stoppedOnce = true;
    return exit;
  };
  cleanups.push(() => stop());
  return { ...t, url, stop, records: () => t.out.json<DeliveryRecord>() };
}

/** A signed delivery built here with node:crypto, independent of the CLI and the SDK. */
function delivery(event: string, data: object, id: string, secret = SECRET) {
  const body = JSON.stringify({ event, version: 1, timestamp: '2026-04-08T14:30:00+00:00', data });
  const headers = [
    'Content-Type',
    'application/json',
    'User-Agent',
    'Loggd-Webhook/1.0',
    'X-Loggd-Event',
    event,
    'X-Loggd-Delivery',
    id,
    'X-Loggd-Signature',
    sign(body, secret),
  ];
  return { body, headers };
}

describe('loggd webhooks listen', () => {
  it('round-trips every event sent by `trigger --all`: 15 verified ndjson lines with the docs’ data', async () => {
    const l = await listen();
    const t = testIO();
    const code = await runWebhooks(
      ['webhooks', 'trigger', '--all', '--url', l.url, '--secret', SECRET],
      t.io,
    );
    expect(t.err.text).toContain('15/15');
    expect(code).toBe(0);
    await l.out.waitForLines(15);
    const records = l.records();
    expect(records.map((r) => r.event).sort()).toEqual([...WEBHOOK_EVENT_NAMES].sort());
    for (const r of records) {
      expect(r).toMatchObject({ verified: true, duplicate: false, status: 200 });
      expect(r.data).toEqual(WEBHOOK_EVENTS[r.event as keyof typeof WEBHOOK_EVENTS].example);
      expect(r.delivery_id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(records.map((r) => r.delivery_id)).size).toBe(15);
    // trigger's own output (a pipe → ndjson): one 2xx attempt per event
    expect(t.out.json().map((a) => a.status)).toEqual(Array(15).fill(200));
    expect(await l.stop('SIGINT')).toBe(130);
    expect(l.err.text).toContain('15 verified, 0 duplicate(s), 0 rejected');
    expect(l.err.text).not.toContain(SECRET);
  });

  it('rejects tampered, unsigned, wrong-secret, non-POST, oversized and off-path requests like the SDK handler', async () => {
    const l = await listen();
    const good = delivery('level.up', WEBHOOK_EVENTS['level.up'].example, 'd-1');
    const tampered = good.body.replace('"new_level":5', '"new_level":50');
    expect((await rawPost(l.url, good.headers, tampered)).status).toBe(401);
    const unsigned = good.headers.slice(0, -2);
    expect((await rawPost(l.url, unsigned, good.body)).status).toBe(401);
    const wrong = delivery(
      'level.up',
      WEBHOOK_EVENTS['level.up'].example,
      'd-2',
      'whsec_other_secret_000000',
    );
    expect((await rawPost(l.url, wrong.headers, wrong.body)).status).toBe(401);
    const notJson = 'not json';
    const signedGarbage = [...good.headers.slice(0, -1), sign(notJson, SECRET)];
    expect((await rawPost(l.url, signedGarbage, notJson)).status).toBe(400);
    expect((await rawPost(l.url, [], '', 'GET')).status).toBe(405);
    expect((await rawPost(l.url, good.headers, Buffer.alloc(1024 * 1024 + 1, 0x20))).status).toBe(413);
    expect((await rawPost(`${l.url}elsewhere`, good.headers, good.body)).status).toBe(404);
    await l.out.waitForLines(7);
    const records = l.records();
    expect(records.every((r) => !r.verified && r.data === undefined)).toBe(true);
    expect(records.map((r) => [r.status, r.reason])).toEqual([
      [401, 'invalid_signature'],
      [401, 'missing_signature'],
      [401, 'invalid_signature'],
      [400, 'invalid_json'],
      [405, 'method_not_allowed'],
      [413, 'payload_too_large'],
      [404, 'not_found'],
    ]);
    // and the genuine delivery still goes through afterwards
    expect((await rawPost(l.url, good.headers, good.body)).status).toBe(200);
  });

  it('acknowledges a repeated delivery id without printing it as new', async () => {
    const l = await listen();
    const d = delivery('checkin.completed', { checkin_id: 1, date: '2026-04-08' }, 'same-id');
    const first = await rawPost(l.url, d.headers, d.body);
    const second = await rawPost(l.url, d.headers, d.body);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(JSON.parse(second.body)).toMatchObject({ duplicate: true });
    await l.out.waitForLines(2);
    expect(l.records().map((r) => [r.delivery_id, r.verified, r.duplicate])).toEqual([
      ['same-id', true, false],
      ['same-id', true, true],
    ]);
  });

  it('--forward-to relays byte-identical bodies and headers and answers Loggd with the app’s status', async () => {
    const app = await recordingApp((_r, i) =>
      i === 0 ? { status: 503, body: 'busy' } : { status: 201, body: 'made' },
    );
    cleanups.push(app.close);
    const l = await listen({ forwardTo: app.url });
    // Odd spacing, a non-ASCII character and a custom header in unusual case: all must arrive unchanged.
    const body = `{"event":"habit.completed","version":1,"timestamp":"2026-04-08T14:30:00+00:00","data":{"habit_id":1,  "habit_name":"Läufer ☀","check_date":"2026-04-08","streak":3}}`;
    const headers = [
      'Content-Type',
      'application/json',
      'User-Agent',
      'Loggd-Webhook/1.0',
      'X-Loggd-Event',
      'habit.completed',
      'X-Loggd-Delivery',
      'fwd-1',
      'X-Loggd-Signature',
      sign(body, SECRET),
      'x-CuStOm-Trace',
      'a  b',
      'Content-Length',
      String(Buffer.byteLength(body)),
    ];
    const failed = await rawPost(l.url, headers, body);
    expect(failed).toEqual({ status: 503, body: 'busy' });
    // the failed relay did not mark the id: Loggd's retry is relayed again
    const retried = await rawPost(l.url, headers, body);
    expect(retried).toEqual({ status: 201, body: 'made' });
    expect(app.received).toHaveLength(2);
    for (const r of app.received) {
      expect(r.body.equals(Buffer.from(body))).toBe(true);
      expect(endToEndHeaders(r.rawHeaders)).toEqual(endToEndHeaders(headers));
      expect(r.url).toBe('/hook');
    }
    // a tampered delivery never reaches the app
    expect((await rawPost(l.url, headers, body.replace('"streak":3', '"streak":9'))).status).toBe(401);
    expect(app.received).toHaveLength(2);
    await l.out.waitForLines(3);
    const [first, second] = l.records();
    expect(first?.forward).toMatchObject({ url: app.url, status: 503, body: 'busy' });
    expect(second).toMatchObject({ status: 201, verified: true, forward: { status: 201 } });
    expect(second?.forward?.ms).toBeGreaterThan(0);
  });

  it('--forward-to an app that is down answers 502 so Loggd retries', async () => {
    const app = await recordingApp();
    await app.close(); // the port is now closed
    const l = await listen({ forwardTo: app.url });
    const d = delivery('level.up', WEBHOOK_EVENTS['level.up'].example, 'down-1');
    expect((await rawPost(l.url, d.headers, d.body)).status).toBe(502);
    await l.out.waitForLines(1);
    expect(l.records()[0]?.forward).toMatchObject({ status: null, error: 'ECONNREFUSED' });
  });

  it('prints one readable line per delivery on a terminal', async () => {
    const l = await listen({}, {});
    const tty = testIO({ tty: true });
    const ctxOut = await runWebhooks(
      ['webhooks', 'trigger', 'habit.completed', '--url', l.url, '--secret', SECRET],
      tty.io,
    );
    expect(ctxOut).toBe(0);
    await l.out.waitForLines(1);
    // the listen IO is a pipe without --format: ndjson
    expect(l.records()[0]?.event).toBe('habit.completed');
    const pretty = await listen({}, { format: 'table' });
    await runWebhooks(
      ['webhooks', 'trigger', 'level.up', '--url', pretty.url, '--secret', SECRET],
      testIO().io,
    );
    await pretty.out.waitForLines(1);
    expect(pretty.out.text).toMatch(
      /^\d\d:\d\d:\d\d {2}level\.up +[0-9a-f]{8} {2}new_level=5 previous_level=4 tier_name="Adventurer" total_points=2500 {2}200\n$/,
    );
    expect(tty.out.text).toMatch(/^habit\.completed +[0-9a-f]{8} {2}→ 200 in \d+ ms\n$/);
  });

  it('receives the mock’s real webhook delivery when a habit is completed', async () => {
    const mock = createMockApi({ seed: 7, now: '2026-04-08T12:00:00Z' });
    cleanups.push(async () => mock.close());
    const account = mock.dataset.accounts.find((a) => a.pro)!;
    const habit = account.habits.find(
      (h) =>
        h.status === 'active' &&
        !h.allow_multiple_checks &&
        account.checks.get(h.id)?.[0]?.date !== '2026-04-08',
    )!;
    const l = await listen();
    mock.webhooks.register(account.userId, { url: l.url, events: ['habit.completed'], secret: SECRET });
    const delivered = mock.webhooks.waitFor('habit.completed');
    mock.control.completeHabit(habit.id);
    const sent = await delivered;
    await l.out.waitForLines(1);
    const [record] = l.records();
    expect(record).toMatchObject({ event: 'habit.completed', verified: true, status: 200 });
    expect(record?.data).toEqual(sent.envelope.data);
    expect(record?.data?.habit_id).toBe(habit.id);
  });

  it('stops with exit 0 on SIGTERM and refuses a bad --path or --forward-to', async () => {
    const l = await listen();
    expect(await l.stop('SIGTERM')).toBe(0);
    const t = testIO();
    expect(await runWebhooks(['webhooks', 'listen', '--secret', SECRET, '--path', 'hook'], t.io)).toBe(2);
    expect(t.err.text).toContain("invalid --path 'hook'");
    expect(
      await runWebhooks(['webhooks', 'listen', '--secret', SECRET, '--forward-to', 'ftp://x'], t.io),
    ).toBe(2);
    expect(await runWebhooks(['webhooks', 'listen'], t.io)).toBe(2);
    expect(t.err.text).toContain('LOGGD_WEBHOOK_SECRET');
  });
});

describe('loggd webhooks trigger --retry', () => {
  it('follows the retry schedule against a receiver failing twice: 3 attempts, same id and body', async () => {
    const app = await recordingApp((_r, i) => ({ status: i < 2 ? 500 : 204 }));
    cleanups.push(app.close);
    const t = testIO();
    const code = await runWebhooks(
      ['webhooks', 'trigger', 'goal.completed', '--url', app.url, '--secret', SECRET, '--retry'],
      t.io,
    );
    expect(code).toBe(0);
    const attempts = t.out.json();
    expect(attempts.map((a) => [a.attempt, a.status, a.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 204, true],
    ]);
    // immediately, then 1 min scaled by the default 0.001
    expect(attempts.map((a) => a.delay_ms)).toEqual([0, 0, 60]);
    expect(new Set(attempts.map((a) => a.delivery_id)).size).toBe(1);
    expect(app.received).toHaveLength(3);
    expect(new Set(app.received.map((r) => r.body.toString())).size).toBe(1);
  });

  it('gives up after the last retry with exit 1', async () => {
    const app = await recordingApp(() => ({ status: 500 }));
    cleanups.push(app.close);
    const t = testIO();
    const args = [
      'webhooks',
      'trigger',
      'level.up',
      '--url',
      app.url,
      '--secret',
      SECRET,
      '--retry',
      '--time-scale',
      '0.00001',
    ];
    expect(await runWebhooks(args, t.io)).toBe(1);
    expect(t.out.json().map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.err.text).toContain('0/1 deliveries got a 2xx');
  });
});
