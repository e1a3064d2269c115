import { ApiPromise, type WithResponse } from './api-promise.js';
import { MaxItemsExceededError, PaginationError } from './errors.js';

/** One page of a list endpoint. */
export interface Page<T> {
  data: T[];
  /** False when the server said so or said nothing (a missing `has_more` ends the list). */
  has_more: boolean;
  /**
   * Pass as `after` to get the next page: the last item's id. null when there is no next page. After an empty
   * page that still has `has_more`, it stays the cursor that fetched that page (null on a first page).
   */
  nextCursor: number | null;
}

/** Fetches the page after `cursor` (undefined: the first), `limit` items at most (undefined: the API default). */
export type PageFetcher<T> = (
  cursor: number | undefined,
  limit: number | undefined,
) => Promise<WithResponse<Page<T>>>;

export interface PageInit {
  /** Where the list starts: a saved `nextCursor`. */
  after?: number;
  /** The caller's `limit`; iteration uses 100 when unset (fewest requests under a 300/min quota). */
  limit?: number;
  /** For error messages: `GET /habits`. */
  describe: string;
}

/** Items per request when iterating and the caller set no limit: the API's maximum. */
const ITERATION_LIMIT = 100;
/** Default cap of `toArray()`; it throws beyond rather than silently returning part of the list. */
const DEFAULT_MAX_ITEMS = 10_000;

/**
 * What list methods return. `await` it for the first page; `for await (const item of …)` for every item across
 * pages; `.pages()` for page-by-page; `.toArray({ max })`; `.first()`. Nothing is sent until one of these is used,
 * and each iteration starts its own walk from `after`.
 *
 * @example
 * for await (const habit of loggd.habits.list({ status: 'all' })) console.log(habit.name);
 */
export class PagePromise<T> extends ApiPromise<Page<T>> implements AsyncIterable<T> {
  readonly #fetch: PageFetcher<T>;
  readonly #init: PageInit;

  constructor(fetchPage: PageFetcher<T>, init: PageInit) {
    super(() => fetchPage(init.after, init.limit), { lazy: true });
    this.#fetch = fetchPage;
    this.#init = init;
  }

  /** A PagePromise that rejects with `error` whichever way it is used, without sending anything. */
  static failedList<T>(error: unknown): PagePromise<T> {
    return new PagePromise<T>(() => Promise.reject(error), { describe: '' });
  }

  /**
   * Every page from `after` on. Follows `has_more`; an empty page that claims more is followed once more with
   * the same cursor, and a second one in a row throws PaginationError, as does a cursor seen before: a
   * misbehaving server can never make this loop forever. Async generators queue concurrent `next()` calls, so
   * no page is requested twice.
   */
  pages(): AsyncGenerator<Page<T>, void, undefined> {
    return this.#walk(this.#init.limit ?? ITERATION_LIMIT);
  }

  async *#walk(limit: number): AsyncGenerator<Page<T>, void, undefined> {
    let cursor = this.#init.after;
    const requested = new Set<number | undefined>();
    let emptyInARow = 0;
    for (;;) {
      requested.add(cursor);
      const { data: page } = await this.#fetch(cursor, limit);
      yield page;
      if (!page.has_more) return;
      if (page.data.length === 0) {
        emptyInARow++;
        if (emptyInARow > 1) {
          throw this.#stalled(
            `${emptyInARow} empty pages in a row still claim has_more after cursor ${cursor ?? '(start)'}`,
            page,
          );
        }
        continue;
      }
      emptyInARow = 0;
      const next = page.nextCursor ?? undefined;
      if (next === undefined || requested.has(next)) {
        throw this.#stalled(
          `the cursor did not advance (after=${next ?? '(none)'} was already requested)`,
          page,
        );
      }
      cursor = next;
    }
  }

  #stalled(reason: string, page: Page<T>): PaginationError {
    const [method = 'GET', path = ''] = this.#init.describe.split(' ');
    return new PaginationError(`${this.#init.describe}: pagination stopped: ${reason}`, {
      method,
      path,
      data: page,
    });
  }

  /**
   * Every item across pages. Hand-written rather than `yield*` over pages: buffered items are handed out without
   * a generator round-trip each. Calls are still serialized, so concurrent `next()` calls get successive items.
   */
  [Symbol.asyncIterator](): AsyncIterator<T, undefined> & AsyncIterable<T, undefined> {
    const pages = this.pages();
    let buffer: T[] = [];
    let index = 0;
    let finished = false;
    let pending = 0;
    let tail: Promise<unknown> = Promise.resolve();
    const done = (): IteratorResult<T, undefined> => ({ value: undefined, done: true });
    const step = async (): Promise<IteratorResult<T, undefined>> => {
      while (index >= buffer.length) {
        if (finished) return done();
        const next = await pages.next();
        if (next.done) {
          finished = true;
          return done();
        }
        buffer = next.value.data;
        index = 0;
      }
      return { value: buffer[index++] as T, done: false };
    };
    const iterator = {
      next(): Promise<IteratorResult<T, undefined>> {
        if (pending === 0 && index < buffer.length) {
          return Promise.resolve({ value: buffer[index++] as T, done: false });
        }
        pending++;
        const result = tail.then(step).finally(() => {
          pending--;
        });
        tail = result.catch(() => undefined);
        return result;
      },
      async return(): Promise<IteratorResult<T, undefined>> {
        finished = true;
        buffer = [];
        await pages.return();
        return done();
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /**
   * Collects every item, up to `max` (default 10,000; `Infinity` lifts the cap). Throws MaxItemsExceededError
   * when the list holds more, instead of returning a silently truncated array.
   */
  async toArray({ max = DEFAULT_MAX_ITEMS }: { max?: number } = {}): Promise<T[]> {
    const items: T[] = [];
    // A small cap needs small pages: one item past the cap is enough to know it was exceeded.
    const limit = this.#init.limit ?? Math.max(1, Math.min(ITERATION_LIMIT, max + 1));
    for await (const page of this.#walk(limit)) {
      for (const item of page.data) {
        if (items.length >= max) throw new MaxItemsExceededError(max);
        items.push(item);
      }
    }
    return items;
  }

  /** The first item, or undefined for an empty list (asks for one item unless a `limit` was given). */
  async first(): Promise<T | undefined> {
    for await (const page of this.#walk(this.#init.limit ?? 1)) {
      if (page.data.length > 0) return page.data[0];
    }
    return undefined;
  }
}
