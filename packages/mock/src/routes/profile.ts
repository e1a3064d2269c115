import type { RouteContext, RouteResult } from './context.js';

/** GET /profile */
export function showProfile(ctx: RouteContext): RouteResult {
  return { kind: 'profile', payload: { data: ctx.account.profile } };
}
