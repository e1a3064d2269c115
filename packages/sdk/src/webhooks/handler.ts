import { WEBHOOK_EVENT_NAMES, type WebhookEventName } from '../constants.js';
import { type ExpressMiddleware, toExpressMiddleware } from './adapters/express.js';
import { type FetchHandler, toFetchHandler } from './adapters/fetch.js';
import { type NodeListener, toNodeListener } from './adapters/node.js';
import { constructEvent } from './construct-event.js';
import type { DeliveryDeduper } from './deduper.js';
import { WebhookVerificationError } from './errors.js';
import { isWebhookEventName } from './event-catalog.js';
import type { WebhookEvent, WebhookEventOf } from './event-types.js';
import { deduperOf, type WebhookDedupeOption } from './handler-dedupe.js';
import {
  bodyNotRaw,
  duplicate,
  failed,
  methodNotAllowed,
  payloadTooLarge,
  received,
  rejected,
  type WebhookHandlerResponse,
} from './handler-response.js';
import { headerValue, type WebhookHeaders } from './headers.js';
import { rawBodyOf } from './raw-body.js';
import type { WebhookReceiver, WebhookRequest } from './receiver.js';
import { secretsOf, type WebhookSecretOptions } from './secrets.js';

/** What every event handler gets besides the event. */
export interface WebhookContext {
  /** `X-Loggd-Delivery`: the same on every retry of this delivery. */
  deliveryId: string | undefined;
  /** The request headers, as the adapter received them. */
  headers: WebhookHeaders;
}

export type WebhookEventHandler<E = WebhookEvent> = (event: E, context: WebhookContext) => unknown;

/** One handler per documented event name, each typed for its event's data. */
export type WebhookEventHandlers = {
  [N in WebhookEventName]?: WebhookEventHandler<WebhookEventOf<N>>;
};

/** Passed to `onError` with every rejected delivery and every 5xx. */
export interface WebhookErrorInfo {
  /** The status the handler answered. */
  status: number;
  deliveryId: string | undefined;
  /** The event name, once the delivery was verified. */
  event: string | undefined;
}

export interface WebhookHandlerOptions extends WebhookSecretOptions {
  /** Handlers by event name; an event without one is acknowledged (200) so Loggd does not retry it. */
  on?: WebhookEventHandlers;
  /** Runs for every verified event, including events this SDK does not know yet, after the `on` handler. */
  onEvent?: WebhookEventHandler;
  /**
   * Deduplication by `X-Loggd-Delivery`. On by default (in memory, 24 h); pass a store `{ has, add, delete }`
   * (e.g. Redis) to share it across processes, or `false` to turn it off.
   */
  dedupe?: WebhookDedupeOption;
  /** Larger bodies get a 413 and are not read further. Default 1 MiB. */
  maxBodyBytes?: number;
  /**
   * The Node and Express listeners answer 408 and close the connection when the body has not fully arrived
   * this many ms after the headers (default 30 000: Loggd itself gives up on a delivery after 30 s), so a
   * sender dripping bytes cannot hold a connection for Node's 300 s `requestTimeout`.
   */
  bodyTimeoutMs?: number;
  /** Reject deliveries whose signed timestamp is older than this (see `constructEvent`). Off by default. */
  maxAgeSeconds?: number;
  /** Hears about rejected deliveries and failures (for logging); what it throws is ignored. */
  onError?: (error: unknown, info: WebhookErrorInfo) => void;
}

export interface WebhookHandler extends WebhookReceiver {
  /** Node `http` listener, reading the raw body itself: `http.createServer(handler.node)`. */
  readonly node: NodeListener;
  /** Express middleware, with or without `express.json()` mounted earlier: `app.post(path, handler.express())`. */
  express(): ExpressMiddleware;
  /** Fetch-style handler (Next.js route handlers, Hono, Bun, Deno, Workers): `export const POST = handler.fetch`. */
  readonly fetch: FetchHandler;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const DEFAULT_BODY_TIMEOUT_MS = 30_000;

function bodyTimeoutMsOf(value: number | undefined): number {
  if (value === undefined) return DEFAULT_BODY_TIMEOUT_MS;
  if (typeof value !== 'number' || !(value > 0)) {
    throw new TypeError(`bodyTimeoutMs: expected a positive number of milliseconds, got ${String(value)}`);
  }
  return value;
}

function maxBodyBytesOf(value: number | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`maxBodyBytes: expected a positive whole number of bytes, got ${String(value)}`);
  }
  return value;
}

function handlersOf(on: WebhookEventHandlers | undefined): Record<string, WebhookEventHandler | undefined> {
  const table: Record<string, WebhookEventHandler | undefined> = Object.create(null);
  for (const [name, fn] of Object.entries(on ?? {})) {
    // A typo in an event name would otherwise acknowledge every delivery of that event without handling it.
    if (!isWebhookEventName(name)) {
      throw new TypeError(`on: unknown event "${name}"; expected one of ${WEBHOOK_EVENT_NAMES.join(', ')}`);
    }
    if (fn === undefined) continue;
    if (typeof fn !== 'function') throw new TypeError(`on["${name}"]: expected a function, got ${typeof fn}`);
    table[name] = fn as WebhookEventHandler;
  }
  return table;
}

function isOverLimit(body: string | Uint8Array, limit: number): boolean {
  if (typeof body !== 'string') return body.byteLength > limit;
  // A string's UTF-8 size lies between its length and 3x its length: only encode when that range straddles the limit.
  if (body.length > limit) return true;
  if (body.length * 3 <= limit) return false;
  return new TextEncoder().encode(body).byteLength > limit;
}

/**
 * A ready-made webhook receiver: verifies the signature (any of `secrets`, for rotation), parses the typed
 * event, drops duplicate deliveries, runs your handler and answers Loggd with the right status (2xx on success,
 * 401 bad signature, 400 bad payload, 405 not POST, 413 too large, 500 when your handler throws, so Loggd
 * retries). Mount it with `.node`, `.express()` or `.fetch`.
 *
 * @example
 * const webhooks = createWebhookHandler({
 *   secret: process.env.LOGGD_WEBHOOK_SECRET!,
 *   on: { 'habit.completed': (event) => console.log(event.data.habit_name, event.data.streak) },
 * });
 * http.createServer(webhooks.node).listen(3000);
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const secrets = secretsOf(options);
  const handlers = handlersOf(options.on);
  const { onEvent, onError, maxAgeSeconds } = options;
  if (onEvent !== undefined && typeof onEvent !== 'function') {
    throw new TypeError(`onEvent: expected a function, got ${typeof onEvent}`);
  }
  const maxBodyBytes = maxBodyBytesOf(options.maxBodyBytes);
  const bodyTimeoutMs = bodyTimeoutMsOf(options.bodyTimeoutMs);
  const deduper: DeliveryDeduper | undefined = deduperOf(options.dedupe);
  // Outcomes of deliveries being handled right now: a concurrent duplicate answers what the original answers.
  const inFlight = new Map<string, Promise<WebhookHandlerResponse>>();

  function report(error: unknown, info: WebhookErrorInfo): void {
    try {
      onError?.(error, info);
    } catch {
      // A failing logger must not change the answer Loggd gets.
    }
  }

  async function run(event: WebhookEvent, context: WebhookContext): Promise<WebhookHandlerResponse> {
    try {
      const typed = event.known ? handlers[event.event] : undefined;
      if (typed) await typed(event, context);
      if (onEvent) await onEvent(event, context);
      return received();
    } catch (error) {
      // Un-mark the delivery so Loggd's retry runs the handler again.
      if (deduper && context.deliveryId !== undefined) {
        await deduper
          .forget(context.deliveryId)
          .catch((forgetError: unknown) =>
            report(forgetError, { status: 500, deliveryId: context.deliveryId, event: event.event }),
          );
      }
      report(error, { status: 500, deliveryId: context.deliveryId, event: event.event });
      return failed('handler_failed');
    }
  }

  async function runOnce(
    deduper: DeliveryDeduper,
    id: string,
    event: WebhookEvent,
    context: WebhookContext,
  ): Promise<WebhookHandlerResponse> {
    let alreadySeen: boolean;
    try {
      alreadySeen = await deduper.seen(id);
    } catch (error) {
      report(error, { status: 500, deliveryId: id, event: event.event });
      return failed('dedupe_failed');
    }
    return alreadySeen ? duplicate() : run(event, context);
  }

  async function deliver(event: WebhookEvent, headers: WebhookHeaders): Promise<WebhookHandlerResponse> {
    const deliveryId = event.deliveryId;
    const context: WebhookContext = { deliveryId, headers };
    if (!deduper || deliveryId === undefined || deliveryId === '') return run(event, context);
    const original = inFlight.get(deliveryId);
    if (original) {
      const outcome = await original;
      return outcome.status < 300 ? duplicate() : outcome;
    }
    const outcome = runOnce(deduper, deliveryId, event, context);
    inFlight.set(deliveryId, outcome);
    try {
      return await outcome;
    } finally {
      inFlight.delete(deliveryId);
    }
  }

  function handle(request: WebhookRequest): Promise<WebhookHandlerResponse> {
    return verifyAndDeliver(request).catch((error: unknown) => {
      // Only a bug gets here (ours or a custom deduper's); still answer, so Loggd retries.
      report(error, { status: 500, deliveryId: undefined, event: undefined });
      return failed('handler_failed');
    });
  }

  async function verifyAndDeliver(request: WebhookRequest): Promise<WebhookHandlerResponse> {
    const method = String(request.method ?? '').toUpperCase();
    if (method !== 'POST') return methodNotAllowed(method || 'This method');
    let body: string | Uint8Array;
    try {
      body = rawBodyOf(request.body);
    } catch (error) {
      report(error, { status: 400, deliveryId: undefined, event: undefined });
      return bodyNotRaw((error as Error).message);
    }
    if (isOverLimit(body, maxBodyBytes)) return payloadTooLarge(maxBodyBytes);
    let event: WebhookEvent;
    try {
      event = await constructEvent({ body, headers: request.headers, secrets, maxAgeSeconds });
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      const response = rejected(error);
      const deliveryId = headerValue(request.headers, 'x-loggd-delivery');
      report(error, { status: response.status, deliveryId, event: undefined });
      return response;
    }
    return deliver(event, request.headers);
  }

  const receiver: WebhookReceiver = { handle, maxBodyBytes, bodyTimeoutMs };
  const express = toExpressMiddleware(receiver);
  return {
    handle,
    maxBodyBytes,
    node: toNodeListener(receiver),
    express: () => express,
    fetch: toFetchHandler(receiver),
  };
}
