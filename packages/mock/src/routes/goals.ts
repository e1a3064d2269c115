import { GOAL_STATUS_FILTERS, TIME_HORIZONS } from '@loggd/sdk';
import { RESOURCE_NAMES } from '../errors.js';
import { pageParams, paginate } from '../pagination.js';
import { enumParam } from '../validation.js';
import { assertValid, owned, type RouteContext, type RouteResult } from './context.js';

/** GET /goals: status 'active' by default, optional time_horizon, milestones inline, ascending id. */
export function listGoals(ctx: RouteContext): RouteResult {
  const status = enumParam(ctx.query, 'status', GOAL_STATUS_FILTERS, 'active', ctx.errors);
  const horizon = enumParam(ctx.query, 'time_horizon', TIME_HORIZONS, undefined, ctx.errors);
  const page = pageParams(ctx.query, ctx.errors);
  assertValid(ctx.errors);
  const goals = ctx.account.goals.filter(
    (g) => (status === 'all' || g.status === status) && (!horizon || g.time_horizon === horizon),
  );
  return { kind: 'goalList', payload: paginate(goals, page, 'asc') };
}

/** GET /goals/{id} */
export function showGoal(ctx: RouteContext): RouteResult {
  const goal = owned(
    ctx.account.goals,
    ctx.ids[0]!,
    ctx.dataset.owners.goals,
    ctx.account,
    RESOURCE_NAMES.goals,
  );
  return { kind: 'goal', payload: { data: goal } };
}

/** GET /goals/{id}/updates: newest first. */
export function listGoalUpdates(ctx: RouteContext): RouteResult {
  const page = pageParams(ctx.query, ctx.errors);
  const goal = owned(
    ctx.account.goals,
    ctx.ids[0]!,
    ctx.dataset.owners.goals,
    ctx.account,
    RESOURCE_NAMES.goals,
  );
  assertValid(ctx.errors);
  return {
    kind: 'goalUpdateList',
    payload: paginate(ctx.account.goalUpdates.get(goal.id) ?? [], page, 'desc'),
  };
}
