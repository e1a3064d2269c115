import type { QueryErrors } from './validation.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 100;

export interface PageParams {
  limit: number;
  after?: number;
}

/** Parse `limit` (1–100, default 50) and `after` (a positive integer id), reporting Laravel-style errors. */
export function pageParams(query: URLSearchParams, errors: QueryErrors): PageParams {
  const params: PageParams = { limit: DEFAULT_LIMIT };
  const rawLimit = query.get('limit');
  if (rawLimit !== null && rawLimit !== '') {
    if (!/^-?\d+$/.test(rawLimit)) errors.add('limit', 'The limit field must be an integer.');
    else {
      const n = Number(rawLimit);
      if (n < 1 || n > MAX_LIMIT) errors.add('limit', `The limit field must be between 1 and ${MAX_LIMIT}.`);
      else params.limit = n;
    }
  }
  const rawAfter = query.get('after');
  if (rawAfter !== null && rawAfter !== '') {
    if (!/^\d+$/.test(rawAfter)) errors.add('after', 'The after field must be an integer.');
    else if (Number(rawAfter) < 1) errors.add('after', 'The after field must be at least 1.');
    else params.after = Number(rawAfter);
  }
  return params;
}

/**
 * One page of a list already in API order. The cursor is the id of the last item of the previous page; when that
 * item is gone (deleted or filtered out), the page continues after where it would sort.
 */
export function paginate<T extends { id: number }>(
  items: readonly T[],
  { limit, after }: PageParams,
  order: 'asc' | 'desc',
): { data: T[]; has_more: boolean } {
  let start = 0;
  if (after !== undefined) {
    const at = items.findIndex((item) => item.id === after);
    start =
      at >= 0 ? at + 1 : items.findIndex((item) => (order === 'asc' ? item.id > after : item.id < after));
    if (start < 0) start = items.length;
  }
  const data = items.slice(start, start + limit);
  return { data, has_more: start + limit < items.length };
}
