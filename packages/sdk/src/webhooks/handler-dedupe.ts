import { createDeliveryDeduper, type DeliveryDeduper, type DeliveryDeduperOptions } from './deduper.js';
import type { WebhookDeliveryStore } from './memory-delivery-store.js';

/**
 * How a handler deduplicates deliveries: `true`/omitted for the in-memory store, `false` for none, a store
 * (`{ has, add, delete }`, e.g. Redis), a ready deduper, or options for the in-memory store.
 */
export type WebhookDedupeOption =
  | boolean
  | DeliveryDeduper
  | WebhookDeliveryStore
  | DeliveryDeduperOptions
  | undefined;

function isDeduper(value: object): value is DeliveryDeduper {
  const v = value as Partial<DeliveryDeduper>;
  return typeof v.seen === 'function' && typeof v.forget === 'function';
}

function isStore(value: object): value is WebhookDeliveryStore {
  const v = value as Partial<WebhookDeliveryStore>;
  return typeof v.has === 'function' && typeof v.add === 'function';
}

/** The deduper a handler uses, or undefined when deduplication is off. */
export function deduperOf(option: WebhookDedupeOption): DeliveryDeduper | undefined {
  if (option === false) return undefined;
  if (option === undefined || option === true) return createDeliveryDeduper();
  if (typeof option !== 'object' || option === null) {
    throw new TypeError(
      `dedupe: expected false, a delivery store { has, add, delete }, a deduper or store options, got ${String(option)}`,
    );
  }
  if (isDeduper(option)) return option;
  // A handler must un-mark a delivery whose handling failed, or Loggd's retry would be acknowledged unprocessed.
  if (isStore(option) && typeof option.delete !== 'function') {
    throw new TypeError(
      'dedupe: the delivery store needs a delete(id) method, so a delivery whose handler failed is processed on retry',
    );
  }
  return createDeliveryDeduper(option);
}
