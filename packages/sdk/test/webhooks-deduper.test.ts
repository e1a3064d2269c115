import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDeliveryDeduper,
  createMemoryDeliveryStore,
  type WebhookDeliveryStore,
} from '../src/webhooks/index.js';

/** A store whose operations only complete when the test releases them: makes the has/add race explicit. */
function gatedStore() {
  const ids = new Set<string>();
  const gates: (() => void)[] = [];
  const gate = () => new Promise<void>((resolve) => gates.push(resolve));
  const store: WebhookDeliveryStore = {
    async has(id) {
      await gate();
      return ids.has(id);
    },
    async add(id) {
      await gate();
      ids.add(id);
    },
  };
  const releaseAll = async () => {
    while (gates.length > 0) {
      for (const open of gates.splice(0)) open();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { store, releaseAll, ids };
}

describe('createDeliveryDeduper', () => {
  it('reports a delivery id as seen from its second arrival on', async () => {
    const deduper = createDeliveryDeduper();
    expect(await deduper.seen('a')).toBe(false);
    expect(await deduper.seen('a')).toBe(true);
    expect(await deduper.seen('b')).toBe(false);
  });

  it('marks atomically: concurrent calls with one id, even on a slow async store, get exactly one false', async () => {
    const { store, releaseAll } = gatedStore();
    const deduper = createDeliveryDeduper(store);
    const results = Promise.all(Array.from({ length: 5 }, () => deduper.seen('same')));
    await releaseAll();
    expect((await results).filter((seen) => !seen)).toHaveLength(1);
  });

  it('property: for any interleaving of ids, each id gets false exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), async (ids) => {
        const { store, releaseAll } = gatedStore();
        const deduper = createDeliveryDeduper(store);
        const all = Promise.all(ids.map((id) => deduper.seen(id)));
        await releaseAll();
        const results = await all;
        const fresh = ids.filter((_, i) => results[i] === false);
        expect(fresh.sort()).toEqual([...new Set(ids)].sort());
      }),
      { numRuns: 100 },
    );
  });

  it('trusts a store whose add reports the id already existed (cross-process atomicity, e.g. SET NX)', async () => {
    const shared = new Set<string>();
    const nxStore = (): WebhookDeliveryStore => ({
      has: () => false, // another process may add between has and add
      add: (id) => {
        if (shared.has(id)) return false;
        shared.add(id);
        return true;
      },
    });
    const [one, two] = [createDeliveryDeduper(nxStore()), createDeliveryDeduper(nxStore())];
    expect([await one.seen('x'), await two.seen('x')]).toEqual([false, true]);
  });

  it('forgets an id so that a retry after a failed handling is processed', async () => {
    const deduper = createDeliveryDeduper();
    expect(await deduper.seen('a')).toBe(false);
    await deduper.forget('a');
    expect(await deduper.seen('a')).toBe(false);
    const noDelete = createDeliveryDeduper({ has: () => false, add: () => undefined });
    await expect(noDelete.forget('a')).rejects.toThrow(/delete/);
  });

  it('expires ids after ttlMs, measured on the injected clock', async () => {
    let now = 0;
    const deduper = createDeliveryDeduper({ ttlMs: 1000, now: () => now });
    expect(await deduper.seen('a')).toBe(false);
    now = 999;
    expect(await deduper.seen('a')).toBe(true);
    now = 1000;
    expect(await deduper.seen('a')).toBe(false);
  });

  it('rejects missing delivery ids and bad options', async () => {
    const deduper = createDeliveryDeduper();
    await expect(deduper.seen(undefined as never)).rejects.toThrow(/X-Loggd-Delivery/);
    await expect(deduper.seen('')).rejects.toThrow(/empty/);
    expect(() => createDeliveryDeduper({ ttlMs: 0 })).toThrow(/ttlMs/);
    expect(() => createDeliveryDeduper({ maxEntries: 0 })).toThrow(/maxEntries/);
  });

  it('retries the check when a concurrent first check failed, instead of reporting a false duplicate', async () => {
    let failNext = true;
    const ids = new Set<string>();
    const store: WebhookDeliveryStore = {
      async has(id) {
        if (failNext) {
          failNext = false;
          throw new Error('store down');
        }
        return ids.has(id);
      },
      add: (id) => void ids.add(id),
    };
    const deduper = createDeliveryDeduper(store);
    const [first, second] = await Promise.allSettled([deduper.seen('a'), deduper.seen('a')]);
    expect(first).toMatchObject({ status: 'rejected' });
    expect(second).toEqual({ status: 'fulfilled', value: false });
  });
});

describe('createMemoryDeliveryStore', () => {
  it('drops the oldest ids beyond maxEntries', () => {
    const store = createMemoryDeliveryStore({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) store.add(id, 60_000);
    expect(['a', 'b', 'c', 'd'].map((id) => store.has(id))).toEqual([false, true, true, true]);
    expect(store.size).toBe(3);
  });

  it('property: holds exactly the maxEntries most recently added ids, through re-adds and deletes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.tuple(fc.constantFrom('add', 'delete'), fc.constantFrom(...'abcdefghijkl')), {
          maxLength: 80,
        }),
        (max, ops) => {
          const store = createMemoryDeliveryStore({ maxEntries: max });
          let model: string[] = []; // oldest first
          for (const [op, id] of ops) {
            model = model.filter((m) => m !== id);
            if (op === 'add') {
              store.add(id, 60_000);
              model.push(id);
              if (model.length > max) model = model.slice(model.length - max);
            } else store.delete(id);
          }
          expect(store.size).toBe(model.length);
          for (const id of 'abcdefghijkl') expect(store.has(id)).toBe(model.includes(id));
        },
      ),
    );
  });

  it('property: never holds more than maxEntries, and always holds the most recent id', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 60 }),
        (max, ids) => {
          const store = createMemoryDeliveryStore({ maxEntries: max });
          for (const id of ids) {
            store.add(id, 60_000);
            expect(store.size).toBeLessThanOrEqual(max);
            expect(store.has(id)).toBe(true);
          }
        },
      ),
    );
  });
});
