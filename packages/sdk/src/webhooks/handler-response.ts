import type { WebhookVerificationError } from './errors.js';

/** What a handler answers, independent of the framework: adapters write it out as is. */
export interface WebhookHandlerResponse {
  status: number;
  headers: Record<string, string>;
  /** A small JSON document: `{ "received": true }` or `{ "error": "<reason>", "message"?: "…" }`. */
  body: string;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

const encoder = new TextEncoder();

function reply(status: number, payload: object, extra?: Record<string, string>): WebhookHandlerResponse {
  const body = JSON.stringify(payload);
  // Sent with the headers so adapters need not measure the body (error messages may quote non-ASCII input).
  const length = String(encoder.encode(body).byteLength);
  return { status, headers: { ...JSON_HEADERS, 'content-length': length, ...extra }, body };
}

const RECEIVED = reply(200, { received: true });

/** 200: the user's handler ran (or had nothing to do for this event). */
export function received(): WebhookHandlerResponse {
  // A copy per call, so an adapter or user that edits one answer cannot change the next.
  return { status: 200, headers: { ...RECEIVED.headers }, body: RECEIVED.body };
}

/** 200: a delivery id already handled; Loggd must stop retrying it, and the handler must not run again. */
export function duplicate(): WebhookHandlerResponse {
  return reply(200, { received: true, duplicate: true });
}

/** 405 with `Allow: POST`: Loggd only ever POSTs. */
export function methodNotAllowed(method: string): WebhookHandlerResponse {
  return reply(
    405,
    {
      error: 'method_not_allowed',
      message: `${method} is not accepted here; Loggd delivers webhooks with POST.`,
    },
    { allow: 'POST' },
  );
}

/** 413: the body is over `maxBodyBytes`; the adapter stopped reading it. */
export function payloadTooLarge(maxBodyBytes: number): WebhookHandlerResponse {
  return reply(
    413,
    { error: 'payload_too_large', message: `body: over the ${maxBodyBytes}-byte limit (maxBodyBytes).` },
    { connection: 'close' },
  );
}

/** 408: the body did not arrive within `bodyTimeoutMs`; the adapter stopped waiting and closes the connection. */
export function bodyTimeout(bodyTimeoutMs: number): WebhookHandlerResponse {
  return reply(
    408,
    { error: 'body_timeout', message: `body: not received within ${bodyTimeoutMs} ms (bodyTimeoutMs).` },
    { connection: 'close' },
  );
}

/** 400 when the raw bytes are gone (a body parser ran first); the message names the fix. */
export function bodyNotRaw(message: string): WebhookHandlerResponse {
  return reply(400, { error: 'body_not_raw', message });
}

/**
 * 401 for a missing or wrong signature, 400 for anything else wrong with a signed delivery. Signature failures
 * carry no message: a forger learns nothing about the secrets (the handler's `onError` gets the details).
 */
export function rejected(error: WebhookVerificationError): WebhookHandlerResponse {
  if (error.reason === 'missing_signature' || error.reason === 'invalid_signature') {
    return reply(401, { error: error.reason });
  }
  return reply(400, { error: error.reason, message: error.message });
}

/** 500 so Loggd retries; the user's error stays private (it may hold internals). */
export function failed(reason: 'handler_failed' | 'dedupe_failed'): WebhookHandlerResponse {
  return reply(500, { error: reason });
}
