import type { WebhookEventName } from '../constants.js';
import type { WebhookEventData } from './event-schemas.js';
import { signPayload } from './signature.js';

export interface TestDeliveryOptions {
  /** `X-Loggd-Delivery`; a random UUID by default. */
  deliveryId?: string;
  /** The envelope `timestamp`; now by default. */
  timestamp?: string | Date;
}

export interface TestDelivery {
  /** The JSON body, exactly the bytes that were signed. */
  body: string;
  /** X-Loggd-Signature, X-Loggd-Event, X-Loggd-Delivery, Content-Type and User-Agent, as Loggd sends them. */
  headers: Record<string, string>;
}

/** ISO 8601 in the API's style: seconds precision, `+00:00` offset. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/**
 * A signed delivery like the ones Loggd sends, for testing your handler end to end.
 *
 * @example
 * const { body, headers } = await createTestDelivery('level.up', WEBHOOK_EVENTS['level.up'].example, secret);
 * await fetch('http://localhost:3000/webhooks/loggd', { method: 'POST', body, headers });
 */
export async function createTestDelivery<N extends WebhookEventName>(
  event: N | (string & {}),
  data: N extends WebhookEventName ? WebhookEventData<N> | Record<string, unknown> : Record<string, unknown>,
  secret: string,
  options: TestDeliveryOptions = {},
): Promise<TestDelivery> {
  const { timestamp = new Date(), deliveryId = crypto.randomUUID() } = options;
  const body = JSON.stringify({
    event,
    version: 1,
    timestamp: typeof timestamp === 'string' ? timestamp : isoSeconds(timestamp),
    data,
  });
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Loggd-Webhook/1.0',
      'X-Loggd-Event': event,
      'X-Loggd-Delivery': deliveryId,
      'X-Loggd-Signature': await signPayload(body, secret),
    },
  };
}
