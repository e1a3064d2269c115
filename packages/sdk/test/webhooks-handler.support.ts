import { createHmac, randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  request,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { WebhookEventOf, WebhookHandlerOptions } from '../src/webhooks/index.js';

// Shared by the adapter suites (webhooks-handler-*.test.ts): deliveries signed independently of the SDK
// (node:crypto), sent over real sockets, and the behaviour every adapter must show.

export const SECRET = 'whsec_handler_test_3f9a';

/** The docs' recipe: `sha256=` + hex HMAC-SHA256 of the raw body. */
export function sign(body: string | Uint8Array, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Delivery {
  id: string;
  body: string;
  headers: Record<string, string>;
}

/** A habit.completed delivery as Loggd sends it. */
export function delivery(
  options: { id?: string; secret?: string; habitId?: number; data?: object; event?: string } = {},
): Delivery {
  const id = options.id ?? randomUUID();
  const event = options.event ?? 'habit.completed';
  const body = JSON.stringify({
    event,
    version: 1,
    timestamp: '2026-04-08T14:30:00+00:00',
    data: options.data ?? {
      habit_id: options.habitId ?? 456,
      habit_name: 'Morning Exercise',
      check_date: '2026-04-08',
      streak: 7,
    },
  });
  return {
    id,
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Loggd-Webhook/1.0',
      'x-loggd-event': event,
      'x-loggd-delivery': id,
      'x-loggd-signature': sign(body, options.secret ?? SECRET),
    },
  };
}

export interface Sent {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

export async function send(
  url: string,
  init: { method?: string; body?: BodyInit; headers?: Record<string, string> },
): Promise<Sent> {
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: init.headers,
    body: init.body,
    ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : {} };
}

export function post(url: string, d: Delivery): Promise<Sent> {
  return send(url, { body: d.body, headers: d.headers });
}

/** Listens on 127.0.0.1, port 0. */
export async function listen(listener: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/loggd`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Serves a fetch-style handler under node:http, the way Deno, Bun or a Node adapter would: the request body
 * is streamed (so the limit is exercised), and cancelling it discards the rest instead of killing the socket.
 */
export function fetchBridge(handler: (request: Request) => Promise<Response>): RequestListener {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) headers.append(name, v);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    let cancelled = false;
    const body = hasBody
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            req.on('data', (chunk: Buffer) => cancelled || controller.enqueue(new Uint8Array(chunk)));
            req.on('end', () => cancelled || controller.close());
            req.on('error', (error) => cancelled || controller.error(error));
          },
          cancel() {
            cancelled = true;
            req.resume();
          },
        })
      : undefined;
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await handler(request);
    const bytes = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(bytes);
  };
}

/** Runs `tasks` with at most `limit` in flight. */
export async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** Starts a receiver built from handler options and answers its URL. */
export type StartReceiver = (
  options: WebhookHandlerOptions,
) => Promise<{ url: string; close(): Promise<void> }>;

type Completed = WebhookEventOf<'habit.completed'>;

/** Records what the handler saw, per delivery id. */
function recorder(behaviour: (event: Completed) => unknown = () => {}) {
  const calls = new Map<string, number>();
  const events: Completed[] = [];
  const contexts: (string | undefined)[] = [];
  return {
    calls,
    events,
    contexts,
    on: {
      'habit.completed': async (event: Completed, context: { deliveryId: string | undefined }) => {
        calls.set(context.deliveryId ?? '', (calls.get(context.deliveryId ?? '') ?? 0) + 1);
        events.push(event);
        contexts.push(context.deliveryId);
        await behaviour(event);
      },
    },
  };
}

async function withReceiver<T>(
  start: StartReceiver,
  options: WebhookHandlerOptions,
  body: (url: string) => Promise<T>,
): Promise<T> {
  const receiver = await start(options);
  try {
    return await body(receiver.url);
  } finally {
    await receiver.close();
  }
}

/** What every adapter must do, over a real socket. */
export function receiverSuite(name: string, start: StartReceiver): void {
  describe(`${name}: the webhook receiver contract`, () => {
    it('accepts a delivery signed by an independent implementation and runs the typed handler', async () => {
      const seen = recorder();
      const d = delivery({ habitId: 99 });
      await withReceiver(start, { secret: SECRET, on: seen.on }, async (url) => {
        const r = await post(url, d);
        expect(r.status).toBe(200);
        expect(r.json).toEqual({ received: true });
      });
      expect(seen.events).toHaveLength(1);
      expect(seen.events[0]!.data).toMatchObject({ habit_id: 99, habit_name: 'Morning Exercise', streak: 7 });
      expect(seen.contexts).toEqual([d.id]);
    });

    it('rejects tampered, unsigned and wrongly signed deliveries with 401, bad payloads with 400', async () => {
      const seen = recorder();
      await withReceiver(start, { secret: SECRET, on: seen.on }, async (url) => {
        const d = delivery();
        const tampered = { ...d, body: d.body.replace('"streak":7', '"streak":8') };
        expect((await post(url, tampered)).status).toBe(401);
        const { 'x-loggd-signature': _, ...unsigned } = d.headers;
        expect((await post(url, { ...d, headers: unsigned })).status).toBe(401);
        expect((await post(url, delivery({ secret: 'whsec_someone_else' }))).status).toBe(401);
        const upper = {
          ...d,
          headers: { ...d.headers, 'x-loggd-signature': d.headers['x-loggd-signature']!.toUpperCase() },
        };
        expect((await post(url, upper)).status).toBe(401);

        const notEnvelope = JSON.stringify({ hello: 'world' });
        const r = await send(url, {
          body: notEnvelope,
          headers: { ...d.headers, 'x-loggd-signature': sign(notEnvelope) },
        });
        expect(r.status).toBe(400);
        const badData = delivery({ data: { habit_id: 'not a number' } });
        expect((await post(url, badData)).status).toBe(400);
        const mismatch = { ...d, headers: { ...d.headers, 'x-loggd-event': 'level.up' } };
        expect((await post(url, mismatch)).status).toBe(400);
      });
      expect(seen.events).toHaveLength(0);
    });

    it('answers 405 with Allow: POST to other methods', async () => {
      await withReceiver(start, { secret: SECRET }, async (url) => {
        for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
          const r = await send(url, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
          expect(r.status, method).toBe(405);
          expect(r.headers.get('allow')).toBe('POST');
        }
      });
    });

    it('answers 413 past maxBodyBytes, declared or streamed, without running the handler', async () => {
      const seen = recorder();
      await withReceiver(start, { secret: SECRET, on: seen.on, maxBodyBytes: 4096 }, async (url) => {
        const big = delivery({
          data: { habit_id: 1, habit_name: 'x'.repeat(8000), check_date: '2026-04-08', streak: 1 },
        });
        expect((await post(url, big)).status).toBe(413);
        // No Content-Length: chunked, so the limit is only found while reading.
        const bytes = new TextEncoder().encode(big.body);
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000));
            controller.close();
          },
        });
        expect((await send(url, { body: stream, headers: big.headers })).status).toBe(413);
        // Just under the limit still works.
        expect((await post(url, delivery())).status).toBe(200);
      });
      expect(seen.events).toHaveLength(1);
    });

    it('reassembles a body that arrives in many small chunks', async () => {
      const seen = recorder();
      const d = delivery({ habitId: 7 });
      await withReceiver(start, { secret: SECRET, on: seen.on }, async (url) => {
        const bytes = new TextEncoder().encode(d.body);
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 7) controller.enqueue(bytes.slice(i, i + 7));
            controller.close();
          },
        });
        expect((await send(url, { body: stream, headers: d.headers })).status).toBe(200);
      });
      expect(seen.events.map((e) => e.data.habit_id)).toEqual([7]);
    });

    it('survives a client that hangs up mid-body, without running the handler', async () => {
      const seen = recorder();
      const d = delivery();
      await withReceiver(start, { secret: SECRET, on: seen.on }, async (url) => {
        const target = new URL(url);
        await new Promise<void>((resolve) => {
          const req = request({
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: { ...d.headers, 'content-length': String(d.body.length + 100) },
          });
          req.on('error', () => resolve());
          req.on('close', () => resolve());
          req.write(d.body.slice(0, 20), () => req.destroy());
        });
        expect((await post(url, delivery())).status).toBe(200);
      });
      expect(seen.events).toHaveLength(1);
    });

    it('acknowledges a repeated delivery id without running the handler again, also concurrently', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let started!: () => void;
      const firstStarted = new Promise<void>((resolve) => {
        started = resolve;
      });
      const seen = recorder(async () => {
        started();
        await gate;
      });
      await withReceiver(start, { secret: SECRET, on: seen.on }, async (url) => {
        const d = delivery();
        const first = post(url, d);
        await firstStarted;
        // Copies that arrive while the first is still being handled.
        const copies = Array.from({ length: 9 }, () => post(url, d));
        release();
        const answers = await Promise.all([first, ...copies]);
        expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
        expect(answers[0]!.json).toEqual({ received: true });
        for (const copy of answers.slice(1)) expect(copy.json).toEqual({ received: true, duplicate: true });
        const third = await post(url, d);
        expect(third.json).toEqual({ received: true, duplicate: true });
        expect(seen.calls.get(d.id)).toBe(1);
      });
    });

    it('answers 500 when the handler throws, and a retry of that delivery runs it again', async () => {
      let failures = 1;
      const errors: number[] = [];
      const seen = recorder(() => {
        if (failures-- > 0) throw new Error('database down');
      });
      await withReceiver(
        start,
        { secret: SECRET, on: seen.on, onError: (_e, info) => errors.push(info.status) },
        async (url) => {
          const d = delivery();
          const failed = await post(url, d);
          expect(failed.status).toBe(500);
          expect(JSON.stringify(failed.json)).not.toContain('database down');
          expect((await post(url, d)).status).toBe(200);
          expect((await post(url, d)).json).toMatchObject({ duplicate: true });
          expect(seen.calls.get(d.id)).toBe(2);
        },
      );
      expect(errors).toEqual([500]);
    });

    it('accepts both secrets during a rotation window and neither other secret', async () => {
      const seen = recorder();
      await withReceiver(start, { secrets: ['whsec_new', 'whsec_old'], on: seen.on }, async (url) => {
        expect((await post(url, delivery({ secret: 'whsec_new' }))).status).toBe(200);
        expect((await post(url, delivery({ secret: 'whsec_old' }))).status).toBe(200);
        expect((await post(url, delivery({ secret: 'whsec_older' }))).status).toBe(401);
      });
      expect(seen.events).toHaveLength(2);
    });

    it('handles 1,000 concurrent deliveries (plus repeats) each exactly once', async () => {
      const seen = recorder();
      const deliveries = Array.from({ length: 1000 }, (_, i) => delivery({ habitId: i + 1 }));
      // Every fifth delivery is sent twice, as Loggd's retries or a proxy might.
      const sends = [...deliveries, ...deliveries.filter((_, i) => i % 5 === 0)];
      await withReceiver(start, { secret: SECRET, on: seen.on }, async (url) => {
        const answers = await pool(
          sends.map((d) => () => post(url, d)),
          50,
        );
        expect(answers.filter((a) => a.status !== 200)).toEqual([]);
        expect(answers.filter((a) => a.json.duplicate === true)).toHaveLength(200);
      });
      expect(seen.calls.size).toBe(1000);
      for (const d of deliveries) expect(seen.calls.get(d.id), d.id).toBe(1);
      expect(new Set(seen.events.map((e) => e.data.habit_id)).size).toBe(1000);
    });
  });
}
