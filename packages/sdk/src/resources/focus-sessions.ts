import type { ApiPromise } from '../api-promise.js';
import { FOCUS_STATUS_FILTERS } from '../constants.js';
import type { Core } from '../core.js';
import type { ListOptions, RequestOptions } from '../options.js';
import type { PagePromise } from '../pagination.js';
import { buildQuery, checkId, enumRule, limitRule } from '../params.js';
import { type FocusSession, FocusSessionSchema } from '../schemas/focus-sessions.js';

export type FocusStatusFilter = (typeof FOCUS_STATUS_FILTERS)[number];

export interface FocusSessionListParams {
  status?: FocusStatusFilter;
  limit?: number;
}

/** Focus sessions (scope `read:focus`). */
export class FocusSessions {
  constructor(private readonly core: Core) {}

  /** GET /focus-sessions — completed sessions unless `status` says otherwise. */
  list(params?: FocusSessionListParams, options?: ListOptions): PagePromise<FocusSession> {
    return this.core.list(
      '/focus-sessions',
      () => '/focus-sessions',
      FocusSessionSchema,
      options,
      () =>
        buildQuery('focusSessions.list', params, {
          status: enumRule(FOCUS_STATUS_FILTERS),
          limit: limitRule,
        }),
    );
  }

  /** GET /focus-sessions/{id}. */
  get(id: number, options?: RequestOptions): ApiPromise<FocusSession> {
    return this.core.item(
      '/focus-sessions/{id}',
      () => `/focus-sessions/${checkId(id)}`,
      FocusSessionSchema,
      options,
    );
  }
}
