import type { ApiPromise } from '../api-promise.js';
import { GOAL_STATUS_FILTERS, TIME_HORIZONS } from '../constants.js';
import type { Core } from '../core.js';
import type { ListOptions, RequestOptions } from '../options.js';
import type { PagePromise } from '../pagination.js';
import { buildQuery, checkId, enumRule, limitRule } from '../params.js';
import { type Goal, GoalSchema, type GoalUpdate, GoalUpdateSchema } from '../schemas/goals.js';

export type GoalStatusFilter = (typeof GOAL_STATUS_FILTERS)[number];
export type TimeHorizon = (typeof TIME_HORIZONS)[number];

export interface GoalListParams {
  status?: GoalStatusFilter;
  time_horizon?: TimeHorizon;
  limit?: number;
}

export interface GoalUpdatesParams {
  limit?: number;
}

/** Goals, milestones and metric history (scope `read:goals`). */
export class Goals {
  constructor(private readonly core: Core) {}

  /** GET /goals — active goals unless `status` says otherwise. */
  list(params?: GoalListParams, options?: ListOptions): PagePromise<Goal> {
    return this.core.list(
      '/goals',
      () => '/goals',
      GoalSchema,
      options,
      () =>
        buildQuery('goals.list', params, {
          status: enumRule(GOAL_STATUS_FILTERS),
          time_horizon: enumRule(TIME_HORIZONS),
          limit: limitRule,
        }),
    );
  }

  /** GET /goals/{id} — milestones inline. */
  get(id: number, options?: RequestOptions): ApiPromise<Goal> {
    return this.core.item('/goals/{id}', () => `/goals/${checkId(id)}`, GoalSchema, options);
  }

  /** GET /goals/{id}/updates — metric updates, newest first. */
  updates(id: number, params?: GoalUpdatesParams, options?: ListOptions): PagePromise<GoalUpdate> {
    return this.core.list(
      '/goals/{id}/updates',
      () => `/goals/${checkId(id)}/updates`,
      GoalUpdateSchema,
      options,
      () => buildQuery('goals.updates', params, { limit: limitRule }),
    );
  }
}
