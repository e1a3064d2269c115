import type { WebhookHandlerResponse } from './handler-response.js';
import type { WebhookHeaders } from './headers.js';
import type { WebhookRawBody } from './raw-body.js';

// The contract between `createWebhookHandler` and the framework adapters, in a module of its own so the handler
// imports the adapters and the adapters import only this (no cycle between them).

/** A request as any framework can describe it. */
export interface WebhookRequest {
  method: string;
  headers: WebhookHeaders;
  /** The raw body bytes or text, exactly as received. */
  body: WebhookRawBody;
}

/** The framework-neutral part every adapter drives. */
export interface WebhookReceiver {
  /** Verifies, deduplicates and dispatches one request; never rejects. */
  handle(request: WebhookRequest): Promise<WebhookHandlerResponse>;
  readonly maxBodyBytes: number;
  /** How long the Node/Express listeners wait for a body (see `bodyTimeoutMs`). */
  readonly bodyTimeoutMs?: number;
}
