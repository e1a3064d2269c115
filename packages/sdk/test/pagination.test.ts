import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Loggd, MaxItemsExceededError, PaginationError } from '../src/index.js';
import { type FixtureServer, startFixtureServer } from './support/fixture-server.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

interface ListServer {
  /** Items in list order (newest first, like the API). */
  ids: number[];
  /** Page size of the n-th request (cycled), capped by `limit`. */
  sizes: number[];
  /** Leave `has_more` out of the last page. */
  omitFinalHasMore?: boolean;
}

/** Serves `ids` as `{ id, name }` items following the API's cursor contract: `after` = last id seen. */
function serveList({ ids, sizes, omitFinalHasMore }: ListServer) {
  let n = 0;
  const cursors: Array<string | null> = [];
  server.handle((req) => {
    const after = req.query.get('after');
    cursors.push(after);
    const limit = Number(req.query.get('limit') ?? 50);
    const start = after === null ? 0 : ids.indexOf(Number(after)) + 1;
    const size = Math.min(limit, sizes[n++ % sizes.length]!);
    const data = ids.slice(start, start + size).map((id) => ({ id, name: `item ${id}` }));
    const hasMore = start + data.length < ids.length;
    const body: Record<string, unknown> = { data };
    if (hasMore || !omitFinalHasMore) body.has_more = hasMore;
    return { body };
  });
  return { cursors };
}

/** No cursor is requested twice, except once more straight after the empty page it returned. */
function expectNoPageTwice(cursors: Array<string | null>) {
  cursors.forEach((cursor, i) => {
    const first = cursors.indexOf(cursor);
    expect(first === i || first === i - 1).toBe(true);
  });
}

function client() {
  return new Loggd({
    token: 't',
    baseUrl: server.baseUrl,
    rateLimit: false,
    maxRetries: 0,
    validation: 'off',
  });
}

/** Distinct descending ids, like a newest-first list. */
const idList = fc
  .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 120 })
  .map((ids) => ids.sort((a, b) => b - a));
/** Page sizes where an empty page is never followed by another (two in a row is an error, tested apart). */
const pageSizes = fc
  .array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 })
  .filter((s) => s.some((x) => x > 0) && !s.some((x, i) => x === 0 && s[(i + 1) % s.length] === 0));

describe('pagination properties', () => {
  it('for await yields every item once, in order, whatever the page sizes', async () => {
    await fc.assert(
      fc.asyncProperty(idList, pageSizes, fc.boolean(), async (ids, sizes, omitFinalHasMore) => {
        const { cursors } = serveList({ ids, sizes, omitFinalHasMore });
        const seen: number[] = [];
        for await (const item of client().paginate<{ id: number }>('/habits')) seen.push(item.id);
        expect(seen).toEqual(ids);
        expectNoPageTwice(cursors);
      }),
      { numRuns: 60 },
    );
  });

  it('concurrent next() calls never skip or repeat items or pages', async () => {
    await fc.assert(
      fc.asyncProperty(idList, pageSizes, fc.integer({ min: 1, max: 40 }), async (ids, sizes, parallel) => {
        const { cursors } = serveList({ ids, sizes });
        const iterator = client().paginate<{ id: number }>('/habits')[Symbol.asyncIterator]();
        const seen: number[] = [];
        for (;;) {
          const batch = await Promise.all(Array.from({ length: parallel }, () => iterator.next()));
          for (const r of batch) if (!r.done) seen.push(r.value.id);
          if (batch.some((r) => r.done)) break;
        }
        expect(seen).toEqual(ids);
        expectNoPageTwice(cursors);
      }),
      { numRuns: 40 },
    );
  });

  it('toArray returns everything up to max and throws beyond it', async () => {
    await fc.assert(
      fc.asyncProperty(idList, pageSizes, fc.integer({ min: 0, max: 130 }), async (ids, sizes, max) => {
        serveList({ ids, sizes });
        const result = client()
          .paginate<{ id: number }>('/habits')
          .toArray({ max })
          .then(
            (items) => items.map((i) => i.id),
            (e: unknown) => e,
          );
        if (ids.length > max) expect(await result).toBeInstanceOf(MaxItemsExceededError);
        else expect(await result).toEqual(ids);
      }),
      { numRuns: 40 },
    );
  });

  it('resuming from a page nextCursor continues where it stopped', async () => {
    await fc.assert(
      fc.asyncProperty(idList, pageSizes, fc.nat(), async (ids, sizes, stopAfterPages) => {
        serveList({ ids, sizes });
        const first: number[] = [];
        let cursor: number | null = null;
        let pages = 0;
        for await (const page of client().paginate<{ id: number }>('/habits').pages()) {
          first.push(...page.data.map((i) => i.id));
          cursor = page.nextCursor;
          if (++pages > stopAfterPages % 5 && page.data.length > 0) break;
        }
        const rest: number[] = [];
        if (cursor !== null) {
          for await (const item of client().paginate<{ id: number }>('/habits', {}, { after: cursor }))
            rest.push(item.id);
        }
        expect([...first, ...rest]).toEqual(ids);
      }),
      { numRuns: 40 },
    );
  });
});

describe('pagination edge cases', () => {
  it('iteration asks for 100 per page unless a limit was given', async () => {
    const { cursors } = serveList({ ids: [3, 2, 1], sizes: [100] });
    await client().habits.list().toArray();
    expect(server.requests.at(-1)!.query.get('limit')).toBe('100');
    await client().habits.list({ limit: 2 }).toArray();
    expect(server.requests.at(-1)!.query.get('limit')).toBe('2');
    expect(cursors.at(-1)).toBe('2');
  });

  it('awaiting a list gets one page with the API default limit', async () => {
    serveList({ ids: [5, 4, 3, 2, 1], sizes: [2] });
    const page = await client().paginate('/habits');
    expect(page).toEqual({
      data: [
        { id: 5, name: 'item 5' },
        { id: 4, name: 'item 4' },
      ],
      has_more: true,
      nextCursor: 4,
    });
    expect(server.requests.at(-1)!.query.has('limit')).toBe(false);
  });

  it('a missing has_more ends the list after that page', async () => {
    server.handle(() => ({ body: { data: [{ id: 9 }, { id: 8 }] } }));
    const before = server.requests.length;
    const page = await client().paginate('/habits');
    expect(page.has_more).toBe(false);
    expect(page.nextCursor).toBeNull();
    expect(await client().paginate('/habits').toArray()).toEqual([{ id: 9 }, { id: 8 }]);
    expect(server.requests.length - before).toBe(2);
  });

  it('empty pages that keep claiming has_more throw PaginationError instead of looping', async () => {
    server.handle(() => ({ body: { data: [], has_more: true } }));
    const before = server.requests.length;
    await expect(client().paginate('/habits').toArray()).rejects.toBeInstanceOf(PaginationError);
    expect(server.requests.length - before).toBe(2);
  });

  it('a cursor that does not advance throws PaginationError', async () => {
    server.handle(() => ({ body: { data: [{ id: 5 }], has_more: true } }));
    const before = server.requests.length;
    const error = await client()
      .paginate('/habits')
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('invalid_response');
    expect(server.requests.length - before).toBe(2);
  });

  it('break stops requesting', async () => {
    serveList({ ids: [6, 5, 4, 3, 2, 1], sizes: [2] });
    const before = server.requests.length;
    for await (const item of client().paginate<{ id: number }>('/habits')) if (item.id === 5) break;
    expect(server.requests.length - before).toBe(1);
  });

  it('first() asks for a single item', async () => {
    serveList({ ids: [6, 5], sizes: [50] });
    expect(await client().habits.list().first()).toEqual({ id: 6, name: 'item 6' });
    expect(server.requests.at(-1)!.query.get('limit')).toBe('1');
    serveList({ ids: [], sizes: [50] });
    expect(await client().habits.list().first()).toBeUndefined();
  });

  it('the toArray default cap is 10,000 and max: Infinity lifts it', async () => {
    const ids = Array.from({ length: 10_050 }, (_, i) => 10_050 - i);
    serveList({ ids, sizes: [100] });
    const error = await client()
      .paginate('/habits')
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaxItemsExceededError);
    expect((error as Error).message).toMatch(/more than 10000 items/);
    serveList({ ids, sizes: [100] });
    expect(await client().paginate('/habits').toArray({ max: Number.POSITIVE_INFINITY })).toHaveLength(
      10_050,
    );
  });
});
