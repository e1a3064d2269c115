import type { ResponseKind } from '../contract.js';
import type { Account, Dataset } from '../data/types.js';
import { MockHttpError } from '../reply.js';
import type { QueryErrors } from '../validation.js';

/** What a read route gets: the caller's account, the query, path ids and the mock time. */
export interface RouteContext {
  account: Account;
  dataset: Dataset;
  query: URLSearchParams;
  /** Numeric path parameters in order (`/habits/42/checks` → [42]). */
  ids: number[];
  nowMs: number;
  /** Query validation collector: routes add to it, then call `errors.throwIfAny()`-style helpers. */
  errors: QueryErrors;
}

/** A route's answer: the payload and which documented shape it must satisfy. */
export interface RouteResult {
  kind: ResponseKind;
  payload: unknown;
  status?: number;
}

/** Thrown by routes when the query failed validation: the engine answers 422 with the collected errors. */
export class QueryValidationError extends Error {
  constructor(readonly errors: Record<string, string[]>) {
    super('Invalid query');
  }
}

/** Stop with a 422 if the query had errors. */
export function assertValid(errors: QueryErrors): void {
  if (errors.any) throw new QueryValidationError(errors.errors);
}

/** Find the caller's own resource by id: another user's id is a 404 too (existence never leaks across users). */
export function owned<T extends { id: number }>(
  list: readonly T[],
  id: number,
  owner: Map<number, number>,
  account: Account,
  name: string,
): T {
  const notFound = () => new MockHttpError(404, `${name} not found.`);
  if (owner.get(id) !== account.userId) throw notFound();
  const found = binarySearchById(list, id);
  if (!found) throw notFound();
  return found;
}

/** Lists kept in ascending id order make lookups O(log n); fall back to a scan if an insert broke the order. */
function binarySearchById<T extends { id: number }>(list: readonly T[], id: number): T | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = list[mid]!;
    if (item.id === id) return item;
    if (item.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return list.find((item) => item.id === id);
}
