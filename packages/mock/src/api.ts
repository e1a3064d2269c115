import type { ResponseKind } from './contract.js';
import { missingAbilities, REQUIRES_PRO, UNAUTHENTICATED } from './errors.js';
import { MockHttpError } from './reply.js';
import type { RouteContext } from './routes/context.js';
import { QueryValidationError } from './routes/context.js';
import { matchRoute } from './routes/index.js';
import type { MockState } from './state.js';
import type { TokenRecord } from './tokens.js';
import { laravelQuery, QueryErrors } from './validation.js';

export const API_PREFIX = '/api/v1/public';

/** The outcome of routing one API request: a status, a payload and the contract it must meet. */
export interface ApiResult {
  status: number;
  kind: ResponseKind;
  payload: unknown;
  userId?: number;
  /** Extra response headers (`Allow` on a 405). */
  headers?: Record<string, string>;
}

const err = (status: number, payload: unknown): ApiResult => ({ status, kind: 'error', payload });

/**
 * Route one request under /api/v1/public, in Laravel's order: unknown route (404) and wrong method (405) first,
 * then authentication (401), subscription (403 requires_pro), scope (403 missing_abilities), then the resource.
 */
export function routeApi(
  method: string,
  path: string,
  query: URLSearchParams,
  token: TokenRecord | undefined,
  state: MockState,
  nowMs: number,
): ApiResult {
  const match = matchRoute(path);
  const routePath = `api/v1/public${path}`.replace(/\/$/, '');
  if (!match) return err(404, { message: `The route ${routePath} could not be found.` });
  if (method !== 'GET' && method !== 'HEAD') {
    // RFC 9110 §15.5.6: a 405 lists the allowed methods (Laravel sends `Allow: GET, HEAD` too).
    return {
      ...err(405, {
        message: `The ${method} method is not supported for route ${routePath}. Supported methods: GET, HEAD.`,
      }),
      headers: { allow: 'GET, HEAD' },
    };
  }
  if (!token) return err(401, UNAUTHENTICATED);
  const account = state.account(token.userId);
  if (!account) return err(401, UNAUTHENTICATED);
  if (!account.pro) return { ...err(403, REQUIRES_PRO), userId: account.userId };
  if (!token.scopes.includes(match.route.scope)) {
    return { ...err(403, missingAbilities(match.route.scope)), userId: account.userId };
  }
  if (match.badId)
    return { ...err(404, { message: `${match.route.resource} not found.` }), userId: account.userId };
  const ctx: RouteContext = {
    account,
    dataset: state.dataset,
    query: laravelQuery(query),
    ids: match.ids,
    nowMs,
    errors: new QueryErrors(),
  };
  try {
    const result = match.route.handle(ctx);
    return {
      status: result.status ?? 200,
      kind: result.kind,
      payload: result.payload,
      userId: account.userId,
    };
  } catch (e) {
    if (e instanceof QueryValidationError) {
      const messages = Object.values(e.errors).flat();
      const more = messages.length - 1;
      const message =
        more > 0 ? `${messages[0]} (and ${more} more error${more === 1 ? '' : 's'})` : messages[0];
      return { ...err(422, { message, errors: e.errors }), userId: account.userId };
    }
    if (e instanceof MockHttpError)
      return { ...err(e.status, { message: e.message, ...e.extra }), userId: account.userId };
    throw e;
  }
}
