import {
  createMemoryDeliveryStore,
  type MemoryDeliveryStoreOptions,
  type WebhookDeliveryStore,
} from './memory-delivery-store.js';

export interface DeliveryDeduperOptions extends MemoryDeliveryStoreOptions {
  /** Where ids are kept; an in-memory TTL/LRU store by default. */
  store?: WebhookDeliveryStore;
  /** How long an id is remembered. Default 24 h, well past Loggd's last retry (~81 min). */
  ttlMs?: number;
}

export interface DeliveryDeduper {
  /**
   * True when this delivery id was already seen; otherwise marks it and resolves false. Concurrent calls with
   * the same id in this process: exactly one resolves false.
   */
  seen(deliveryId: string): Promise<boolean>;
  /** Unmarks an id (when its handling failed, so Loggd's retry is processed). Needs `store.delete`. */
  forget(deliveryId: string): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function isStore(value: unknown): value is WebhookDeliveryStore {
  const v = value as WebhookDeliveryStore | undefined;
  return typeof v?.has === 'function' && typeof v.add === 'function';
}

function checkId(deliveryId: unknown): asserts deliveryId is string {
  if (typeof deliveryId !== 'string' || deliveryId === '') {
    throw new TypeError(
      `deliveryId: expected the non-empty X-Loggd-Delivery header value, got ${deliveryId === '' ? 'an empty string' : typeof deliveryId}`,
    );
  }
}

/**
 * Deduplicates deliveries by `X-Loggd-Delivery`: Loggd retries a delivery (same id) until it gets a 2xx.
 * Pass a store (`{ has, add }`, e.g. Redis) to share ids across processes, or options for the in-memory one.
 *
 * @example
 * const deduper = createDeliveryDeduper();
 * if (await deduper.seen(event.deliveryId!)) return res.sendStatus(200); // a retry we already handled
 */
export function createDeliveryDeduper(
  storeOrOptions: WebhookDeliveryStore | DeliveryDeduperOptions = {},
): DeliveryDeduper {
  const options: DeliveryDeduperOptions = isStore(storeOrOptions)
    ? { store: storeOrOptions }
    : storeOrOptions;
  const { ttlMs = DAY_MS } = options;
  if (!(ttlMs > 0) || ttlMs === Number.POSITIVE_INFINITY) {
    throw new TypeError(`ttlMs: expected a positive number of milliseconds, got ${String(ttlMs)}`);
  }
  const store = options.store ?? createMemoryDeliveryStore(options);
  // Checks in progress per id: a second caller waits for the first instead of racing between has() and add().
  const pending = new Map<string, Promise<boolean>>();

  async function check(deliveryId: string): Promise<boolean> {
    if (await store.has(deliveryId)) return true;
    return (await store.add(deliveryId, ttlMs)) === false;
  }

  function seen(deliveryId: string): Promise<boolean> {
    try {
      checkId(deliveryId);
    } catch (error) {
      return Promise.reject(error);
    }
    const inFlight = pending.get(deliveryId);
    // If the first check failed (store down), nothing was marked: the waiter checks again itself.
    if (inFlight)
      return inFlight.then(
        () => true,
        () => seen(deliveryId),
      );
    const result = check(deliveryId);
    pending.set(deliveryId, result);
    const clear = () => {
      pending.delete(deliveryId);
    };
    result.then(clear, clear);
    return result;
  }

  async function forget(deliveryId: string): Promise<void> {
    checkId(deliveryId);
    if (!store.delete)
      throw new TypeError('store: this delivery store has no delete(id) method, so ids cannot be forgotten');
    await store.delete(deliveryId);
  }

  return { seen, forget };
}
