import type { WebhookEventName } from '../constants.js';
import type { WebhookEventData } from './event-schemas.js';

/** The envelope fields every delivery carries, plus the delivery id from its header. */
interface WebhookEnvelope {
  /** Envelope version; 1 today. */
  version: number;
  /** When the event happened (ISO 8601, signed as part of the body). */
  timestamp: string;
  /** `X-Loggd-Delivery`: the same across retries of one delivery, so use it to deduplicate. */
  deliveryId: string | undefined;
}

/**
 * A documented event with validated data. Narrow on `known` first, then on `event`:
 * `if (e.known && e.event === 'habit.completed') e.data.streak`.
 */
export type WebhookEventOf<N extends WebhookEventName> = WebhookEnvelope & {
  event: N;
  known: true;
  data: WebhookEventData<N>;
};

/** Any of the 15 documented events. */
export type KnownWebhookEvent = { [N in WebhookEventName]: WebhookEventOf<N> }[WebhookEventName];

/** An event this SDK does not know (a new event name, or an envelope version other than 1): data unchecked. */
export type UnknownWebhookEvent = WebhookEnvelope & {
  event: string;
  known: false;
  data: Record<string, unknown>;
};

/** What `constructEvent` returns. */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

/**
 * Narrows an event to one documented name.
 *
 * @example
 * if (isWebhookEvent(event, 'level.up')) console.log(event.data.new_level);
 */
export function isWebhookEvent<N extends WebhookEventName>(
  event: WebhookEvent,
  name: N,
): event is Extract<KnownWebhookEvent, { event: N }> {
  return event.known && event.event === name;
}
