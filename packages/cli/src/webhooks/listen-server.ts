import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler, type WebhookEvent } from '@loggd/sdk';
import { type PostResult, postRaw } from './http-post.js';

/** One request the receiver answered, as `listen` prints it. */
export interface DeliveryRecord {
  /** When the request arrived (ISO 8601). */
  received_at: string;
  /** The event name (from the verified body; for rejected deliveries, the unsigned X-Loggd-Event header). */
  event: string | undefined;
  /** X-Loggd-Delivery. */
  delivery_id: string | undefined;
  /** True when the signature and payload checked out (duplicates too: they are verified before dedupe). */
  verified: boolean;
  /** A delivery id already received: acknowledged, not printed as new, not forwarded again. */
  duplicate: boolean;
  /** What the receiver answered Loggd. */
  status: number;
  /** Why a delivery was rejected: invalid_signature, missing_signature, invalid_json, method_not_allowed… */
  reason?: string;
  /** The signed envelope timestamp. */
  timestamp?: string;
  /** The event's data, for verified deliveries. */
  data?: Record<string, unknown>;
  /** With --forward-to: the app's answer. */
  forward?: { url: string; status: number | null; ms: number; error?: string; body?: string };
}

export interface ListenServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Only 127.0.0.1 by default: the receiver is for local testing. */
  host?: string;
  /** The path deliveries are accepted on; other paths get a 404. */
  path: string;
  secrets: readonly string[];
  /** Relay verified deliveries (raw body and headers) here and answer with the app's status. */
  forwardTo?: URL;
  /** Bodies over this get a 413 (the SDK handler's default is 1 MiB). */
  maxBodyBytes?: number;
  /** Longest wait for a request's headers, then for the whole request (defaults 10 s and 30 s: Loggd gives up after 30 s). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Called once per answered request, after the answer is sent. */
  onDelivery(record: DeliveryRecord): void;
}

export interface ListenServer {
  /** http://127.0.0.1:PORT/PATH */
  url: string;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** What one request carries through the SDK handler (keyed by its headers object, which the handler passes on). */
interface RequestState {
  rawHeaders: string[];
  body: Uint8Array;
  event?: WebhookEvent;
  forward?: PostResult;
}

/** Headers that describe one hop, not the delivery: the relay sets its own. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

class ForwardFailed extends Error {}

/**
 * The receiver behind `loggd webhooks listen`: the SDK's `createWebhookHandler` verifies, parses and dedupes each
 * delivery (so the answers are exactly the SDK handler's: 200, 401, 400, 405, 413); this adds the path check, the
 * relay to `forwardTo`, and one record per request for printing.
 */
export async function startListenServer(options: ListenServerOptions): Promise<ListenServer> {
  const { forwardTo, onDelivery } = options;
  const states = new WeakMap<object, RequestState>();
  const handler = createWebhookHandler({
    secrets: [...options.secrets],
    ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
    onEvent: async (event, context) => {
      const state = states.get(context.headers as object);
      if (!state) return;
      state.event = event;
      if (!forwardTo) return;
      state.forward = await postRaw(forwardTo, relayHeaders(state.rawHeaders, forwardTo), state.body);
      const status = state.forward.status;
      // A failed relay must fail the delivery: the handler then forgets its id, so Loggd's retry is relayed again.
      if (status === undefined || status < 200 || status > 299) throw new ForwardFailed();
    },
  });

  const receive = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = new Date().toISOString();
    const deliveryId = headerOf(req, 'x-loggd-delivery');
    const record = (status: number, extra: Partial<DeliveryRecord>): DeliveryRecord => ({
      received_at: receivedAt,
      event: headerOf(req, 'x-loggd-event'),
      delivery_id: deliveryId,
      verified: false,
      duplicate: false,
      status,
      ...extra,
    });
    if (pathOf(req.url) !== options.path) {
      req.resume();
      answer(res, 404, { 'content-type': 'application/json' }, JSON.stringify({ error: 'not_found' }));
      onDelivery(record(404, { reason: 'not_found' }));
      return;
    }
    const body = req.method === 'POST' ? await readBody(req, handler.maxBodyBytes) : new Uint8Array(0);
    if (body === undefined) return; // the client went away mid-body
    if (body === TOO_LARGE) {
      // Nothing more is read: the 413 closes the connection (Node drops the unread rest with it).
      const message = `body: over the ${handler.maxBodyBytes}-byte limit.`;
      answer(
        res,
        413,
        { 'content-type': 'application/json', connection: 'close' },
        JSON.stringify({ error: 'payload_too_large', message }),
      );
      onDelivery(record(413, { reason: 'payload_too_large' }));
      return;
    }
    const state: RequestState = { rawHeaders: req.rawHeaders, body };
    // The SDK handler passes this same object to onEvent as context.headers: that is how onEvent finds the state.
    states.set(req.headers, state);
    const response = await handler.handle({ method: req.method ?? '', headers: req.headers, body });
    const forward = state.forward;
    if (forward && forwardTo) {
      const status = forward.status ?? 502;
      const forwarded = {
        url: forwardTo.href,
        status: forward.status ?? null,
        ms: Math.round(forward.ms * 10) / 10,
        ...(forward.error ? { error: forward.error } : {}),
        ...(forward.status === undefined ? {} : { body: forward.body.toString('utf8') }),
      };
      const type = forward.headers['content-type'];
      if (forward.status === undefined) {
        answer(
          res,
          502,
          { 'content-type': 'application/json' },
          JSON.stringify({ error: 'forward_failed', message: forward.error }),
        );
      } else {
        answer(res, status, typeof type === 'string' ? { 'content-type': type } : {}, forward.body);
      }
      onDelivery(verifiedRecord(record(status, { forward: forwarded }), state.event));
      return;
    }
    answer(res, response.status, response.headers, response.body);
    const event = state.event;
    if (response.status < 300 && event) {
      // The common case, built in one go: this path runs once per delivery (see bench/webhook-listen.bench.ts).
      onDelivery({
        received_at: receivedAt,
        event: event.event,
        delivery_id: deliveryId,
        verified: true,
        duplicate: false,
        status: response.status,
        timestamp: event.timestamp,
        data: event.data,
      });
      return;
    }
    // Only the unusual answers need the handler's reply body: `{ duplicate: true }` or `{ error: reason }`.
    const reply = JSON.parse(response.body) as { error?: string; duplicate?: boolean };
    if (reply.duplicate) {
      onDelivery(verifiedRecord(record(response.status, { duplicate: true }), envelopeOf(body)));
    } else {
      onDelivery(record(response.status, reply.error ? { reason: reply.error } : {}));
    }
  };

  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const server = createServer(
    {
      // Node's defaults (60 s for headers, 300 s for the request, checked every 30 s) let a 1 byte/s drip hold
      // a connection for minutes; Loggd itself gives up on a delivery after 30 s.
      headersTimeout: Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout),
      requestTimeout,
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, requestTimeout / 4)),
    },
    (req, res) => {
      receive(req, res).catch((error: unknown) => {
        answer(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ error: 'listen_failed' }));
        onDelivery({
          received_at: new Date().toISOString(),
          event: undefined,
          delivery_id: headerOf(req, 'x-loggd-delivery'),
          verified: false,
          duplicate: false,
          status: 500,
          reason: (error as Error).message,
        });
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}${options.path}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** The incoming headers minus hop-by-hop ones, with Host pointing at the app; order and name case kept. */
function relayHeaders(raw: readonly string[], target: URL): string[] {
  const out: string[] = [];
  let hasHost = false;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower)) continue;
    if (lower === 'host') {
      hasHost = true;
      out.push(name, target.host);
      continue;
    }
    out.push(name, raw[i + 1] as string);
  }
  if (!hasHost) out.unshift('Host', target.host);
  return out;
}

function verifiedRecord(
  base: DeliveryRecord,
  event: Pick<WebhookEvent, 'event' | 'timestamp' | 'data'> | undefined,
): DeliveryRecord {
  if (!event) return { ...base, verified: true };
  return { ...base, verified: true, event: event.event, timestamp: event.timestamp, data: event.data };
}

/** A duplicate's envelope, for printing: it was verified before the deduper saw it, so the body is trusted. */
function envelopeOf(body: Uint8Array): WebhookEvent | undefined {
  try {
    return JSON.parse(Buffer.from(body).toString('utf8')) as WebhookEvent;
  } catch {
    return undefined;
  }
}

/** The path of a request target, without the query (cheaper than a URL per request). */
function pathOf(target: string | undefined): string {
  if (!target) return '/';
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function answer(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Uint8Array,
): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

const TOO_LARGE = Symbol('too large');

/**
 * The raw body; TOO_LARGE as soon as it passes `limit` (declared or received), without reading the rest, as the
 * SDK's node adapter does; undefined when the client went away.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | typeof TOO_LARGE | undefined> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: Uint8Array | typeof TOO_LARGE | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.byteLength;
      if (size > limit) {
        req.pause();
        finish(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    req.on('error', () => finish(undefined));
    req.on('close', () => {
      if (!req.complete) finish(undefined);
    });
  });
}
