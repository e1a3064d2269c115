import type { ApiPromise } from '../api-promise.js';
import { HABIT_STATUS_FILTERS } from '../constants.js';
import type { Core } from '../core.js';
import type { ListOptions, RequestOptions } from '../options.js';
import type { PagePromise } from '../pagination.js';
import { buildQuery, checkId, dateRule, enumRule, limitRule } from '../params.js';
import {
  type Habit,
  type HabitCheck,
  HabitCheckSchema,
  HabitSchema,
  type HabitSkip,
  HabitSkipSchema,
} from '../schemas/habits.js';

export type HabitStatusFilter = (typeof HABIT_STATUS_FILTERS)[number];

export interface HabitListParams {
  status?: HabitStatusFilter;
  limit?: number;
}

/** `from`/`to` are inclusive `YYYY-MM-DD` dates. */
export interface HabitHistoryParams {
  from?: string;
  to?: string;
  limit?: number;
}

const historyRules = { from: dateRule, to: dateRule, limit: limitRule };

/** Habits, their check-ins and skips (scope `read:habits`). */
export class Habits {
  constructor(private readonly core: Core) {}

  /** GET /habits — archived habits are excluded unless `status` says otherwise. */
  list(params?: HabitListParams, options?: ListOptions): PagePromise<Habit> {
    return this.core.list(
      '/habits',
      () => '/habits',
      HabitSchema,
      options,
      () => buildQuery('habits.list', params, { status: enumRule(HABIT_STATUS_FILTERS), limit: limitRule }),
    );
  }

  /** GET /habits/{id} — NotFoundError when it does not exist or is not yours. */
  get(id: number, options?: RequestOptions): ApiPromise<Habit> {
    return this.core.item('/habits/{id}', () => `/habits/${checkId(id)}`, HabitSchema, options);
  }

  /** GET /habits/{id}/checks — completions, newest first. */
  checks(id: number, params?: HabitHistoryParams, options?: ListOptions): PagePromise<HabitCheck> {
    return this.core.list(
      '/habits/{id}/checks',
      () => `/habits/${checkId(id)}/checks`,
      HabitCheckSchema,
      options,
      () => buildQuery('habits.checks', params, historyRules),
    );
  }

  /** GET /habits/{id}/skips — intentional skip days with their reason. */
  skips(id: number, params?: HabitHistoryParams, options?: ListOptions): PagePromise<HabitSkip> {
    return this.core.list(
      '/habits/{id}/skips',
      () => `/habits/${checkId(id)}/skips`,
      HabitSkipSchema,
      options,
      () => buildQuery('habits.skips', params, historyRules),
    );
  }
}
