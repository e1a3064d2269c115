import type { WebhookEventName } from './events.js';

/**
 * What the dispatcher needs from the mock clock: the current instant, and (optionally) a way to hear about
 * set/advance so retries that became due are sent. The engine's `MockClock` satisfies it as is.
 */
export interface WebhookClock {
  nowMs(): number;
  onChange?(listener: (now: Date) => void): () => void;
}

/** Receiver-side chaos for one endpoint, to exercise users' handlers. Off unless set. */
export interface WebhookChaos {
  /** Probability in [0, 1] that a delivered request is sent a second time, same delivery id and bytes. */
  duplicate?: number;
  /** Hold each new delivery and send it after the next one (consecutive pairs swapped). */
  outOfOrder?: boolean;
  /** The first attempt after a secret rotation is signed with the old secret. */
  oldSecretAfterRotation?: boolean;
  /** Treat the first attempt of every delivery as exceeding the timeout (the receiver did get it), so it is retried. */
  slow?: boolean;
}

/** The envelope every delivery carries (docs: "Payload Format"). */
export interface WebhookEnvelope {
  event: WebhookEventName;
  version: 1;
  /** Mock-clock instant of the event, `2026-04-08T14:30:00+00:00`. */
  timestamp: string;
  data: Record<string, unknown>;
}

/** A registered endpoint as listings show it: the secret only as a hint. */
export interface WebhookEndpointView {
  id: number;
  userId: number;
  url: string;
  /** Event names, or `['*']` for every event. */
  events: string[];
  active: boolean;
  /** Failed attempts in a row across deliveries; 10 deactivates the endpoint. */
  consecutiveFailures: number;
  /** `whsec_1a2b…`: secrets are never shown in full after creation or rotation. */
  secretHint: string;
  chaos: WebhookChaos;
  createdAt: string;
}

/** What creation and rotation return: the only time the full secret is shown. */
export interface WebhookEndpointWithSecret extends WebhookEndpointView {
  secret: string;
}

export interface RegisterEndpointInput {
  url: string;
  events: readonly string[];
  secret?: string;
  chaos?: WebhookChaos;
}

/** One HTTP attempt, as the per-endpoint delivery log shows it. */
export interface DeliveryAttempt {
  deliveryId: string;
  endpointId: number;
  event: WebhookEventName;
  /** 1 for the first send, 2..6 for retries; a chaos duplicate repeats the number of the attempt it copies. */
  attempt: number;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Why no usable response: `timeout after 30000 ms`, `ECONNREFUSED`, … */
  error?: string;
  ok: boolean;
  /** Real milliseconds the attempt took. */
  durationMs: number;
  /** Mock-clock instant the attempt was due (retries advance in mock time), ISO 8601. */
  time: string;
  /** Chaos applied to this request: 'duplicate', 'out-of-order', 'old-secret', 'slow'. */
  chaos?: string[];
  /** The start of the response body (for debugging handlers), at most 512 characters. */
  responseBody?: string;
}

export type DeliveryState = 'pending' | 'succeeded' | 'failed' | 'abandoned';

/** One event sent to one endpoint, with every attempt; retries reuse its id (the receiver's dedup key). */
export interface WebhookDelivery {
  id: string;
  endpointId: number;
  userId: number;
  event: WebhookEventName;
  envelope: WebhookEnvelope;
  /** The exact bytes sent (what the signature covers). */
  body: string;
  state: DeliveryState;
  /** Sent through "Send test event". */
  test: boolean;
  attempts: DeliveryAttempt[];
  /** Mock-clock instant of the next attempt, while pending. */
  nextAttemptAt?: string;
  /** Why it was abandoned (endpoint deleted or deactivated). */
  reason?: string;
}

export interface DeliveryFilter {
  endpointId?: number;
  event?: string;
  userId?: number;
}

export interface WaitForOptions {
  /** Real milliseconds to wait for a future delivery. Default 5000. */
  timeoutMs?: number;
  predicate?: (delivery: WebhookDelivery) => boolean;
}

export interface WebhookDispatcherOptions {
  clock: WebhookClock;
  /** Chaos draws, secrets and delivery ids derive from it. Default 1. */
  seed?: number;
  /** Resolved per attempt; default `globalThis.fetch` at send time (never captured at import). */
  fetch?: typeof fetch;
  /** Per-attempt timeout in real milliseconds (docs: 30 s). Small values make timeout tests fast. */
  timeoutMs?: number;
  /** User for control calls that name none (the demo user). Default 1. */
  defaultUserId?: number;
  /** Real-time interval (ms) at which to send due retries, for a clock that follows real time. Off by default. */
  pollMs?: number;
  /** Send right after emit and after every clock change. Default true; false leaves sending to `flush()`. */
  autoFlush?: boolean;
}
