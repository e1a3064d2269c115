import type { ApiPromise } from '../api-promise.js';
import { TASK_STATUS_FILTERS } from '../constants.js';
import type { Core } from '../core.js';
import type { ListOptions, RequestOptions } from '../options.js';
import type { PagePromise } from '../pagination.js';
import { buildQuery, checkId, dateRule, enumRule, limitRule } from '../params.js';
import { type Task, TaskSchema } from '../schemas/tasks.js';

export type TaskStatusFilter = (typeof TASK_STATUS_FILTERS)[number];

/** `from`/`to` filter by `planned_day` (inclusive `YYYY-MM-DD`). */
export interface TaskListParams {
  status?: TaskStatusFilter;
  from?: string;
  to?: string;
  limit?: number;
}

/** Tasks with their subtasks, tags and recurrence (scope `read:tasks`). */
export class Tasks {
  constructor(private readonly core: Core) {}

  /** GET /tasks — top-level tasks only; `status: 'active'` (the default) sends nothing. */
  list(params?: TaskListParams, options?: ListOptions): PagePromise<Task> {
    return this.core.list(
      '/tasks',
      () => '/tasks',
      TaskSchema,
      options,
      () =>
        buildQuery('tasks.list', params, {
          status: enumRule(TASK_STATUS_FILTERS, 'active'),
          from: dateRule,
          to: dateRule,
          limit: limitRule,
        }),
    );
  }

  /** GET /tasks/{id} — with nested `subtasks`, `tags` and `recurrence`. */
  get(id: number, options?: RequestOptions): ApiPromise<Task> {
    return this.core.item('/tasks/{id}', () => `/tasks/${checkId(id)}`, TaskSchema, options);
  }
}
