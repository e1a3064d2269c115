/** Where a deduper remembers delivery ids. Both methods may be async, so Redis or a database can back it. */
export interface WebhookDeliveryStore {
  /** True when `id` was added and has not expired. */
  has(id: string): boolean | Promise<boolean>;
  /**
   * Remembers `id` for `ttlMs`. Return `false` when it was already there (Redis `SET id 1 NX PX ttl`) to make
   * `seen` atomic across processes; any other return value counts as newly added.
   */
  add(id: string, ttlMs: number): unknown;
  /** Forgets `id`, so a retry of a delivery whose handling failed is processed again. */
  delete?(id: string): unknown;
}

export interface MemoryDeliveryStoreOptions {
  /** Beyond this many ids, the least recently added is dropped. Default 10,000. */
  maxEntries?: number;
  /** The current time in epoch milliseconds; for tests. Defaults to `Date.now`. */
  now?: () => number;
}

/** An in-process store: entries expire after their TTL, and the oldest go first once `maxEntries` is reached. */
export function createMemoryDeliveryStore(
  options: MemoryDeliveryStoreOptions = {},
): Required<WebhookDeliveryStore> & { readonly size: number } {
  const { maxEntries = 10_000, now = Date.now } = options;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`maxEntries: expected a positive integer, got ${String(maxEntries)}`);
  }
  // Map iteration order is insertion order, so the first key is always the oldest entry.
  const expiries = new Map<string, number>();
  // One live iterator for evictions: everything before its position has been deleted, so it always yields the
  // oldest entry, where `keys().next()` each time rescans the deleted slots at the front (~4 µs per add).
  let cursor = expiries.keys();
  function has(id: string): boolean {
    const expiry = expiries.get(id);
    if (expiry === undefined) return false;
    if (expiry > now()) return true;
    expiries.delete(id);
    return false;
  }
  return {
    has,
    add(id, ttlMs) {
      const existed = has(id);
      expiries.delete(id);
      expiries.set(id, now() + ttlMs);
      while (expiries.size > maxEntries) {
        let oldest = cursor.next();
        if (oldest.done) {
          cursor = expiries.keys();
          oldest = cursor.next();
        }
        expiries.delete(oldest.value as string);
      }
      return !existed;
    },
    delete(id) {
      return expiries.delete(id);
    },
    get size() {
      return expiries.size;
    },
  };
}
