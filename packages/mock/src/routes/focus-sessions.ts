import { FOCUS_STATUS_FILTERS } from '@loggd/sdk';
import { RESOURCE_NAMES } from '../errors.js';
import { pageParams, paginate } from '../pagination.js';
import { enumParam } from '../validation.js';
import { assertValid, owned, type RouteContext, type RouteResult } from './context.js';

/** GET /focus-sessions: 'completed' by default, ascending id. */
export function listFocusSessions(ctx: RouteContext): RouteResult {
  const status = enumParam(ctx.query, 'status', FOCUS_STATUS_FILTERS, 'completed', ctx.errors);
  const page = pageParams(ctx.query, ctx.errors);
  assertValid(ctx.errors);
  const sessions =
    status === 'all'
      ? ctx.account.focusSessions
      : ctx.account.focusSessions.filter((s) => s.status === status);
  return { kind: 'focusSessionList', payload: paginate(sessions, page, 'asc') };
}

/** GET /focus-sessions/{id} */
export function showFocusSession(ctx: RouteContext): RouteResult {
  const session = owned(
    ctx.account.focusSessions,
    ctx.ids[0]!,
    ctx.dataset.owners.focusSessions,
    ctx.account,
    RESOURCE_NAMES.focusSessions,
  );
  return { kind: 'focusSession', payload: { data: session } };
}
