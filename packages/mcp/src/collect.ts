/** What a list tool returns: at most `limit` items, and whether the API had more. */
export interface Collected<T> {
  items: T[];
  /** True when the list went on past `limit` (the caller narrows the filters or raises `limit`). */
  truncated: boolean;
}

interface Page<T> {
  data: T[];
  has_more: boolean;
}

/** Anything with the SDK PagePromise's `pages()`. */
export interface Paged<T> {
  pages(): AsyncIterable<Page<T>>;
}

/**
 * Follows pages until `limit` items are in or the list ends; never requests a page past the one that filled
 * `limit`. The list's own `limit` should be min(100, limit) so a small answer is one request.
 *
 * @example
 * const { items, truncated } = await collectUpTo(loggd.habits.list({ limit: 100 }), 150);
 */
export async function collectUpTo<T>(list: Paged<T>, limit: number): Promise<Collected<T>> {
  const items: T[] = [];
  for await (const page of list.pages()) {
    const room = limit - items.length;
    items.push(...page.data.slice(0, room));
    if (items.length >= limit) return { items, truncated: page.data.length > room || page.has_more };
    if (!page.has_more) break;
  }
  return { items, truncated: false };
}

/** The API page size for a tool's `limit`: one request when it fits, pages of 100 otherwise. */
export function pageSize(limit: number): number {
  return Math.min(100, limit);
}
