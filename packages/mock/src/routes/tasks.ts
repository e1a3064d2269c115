import { TASK_STATUS_FILTERS, type Task } from '@loggd/sdk';
import { RESOURCE_NAMES } from '../errors.js';
import { pageParams, paginate } from '../pagination.js';
import { dateRange, enumParam } from '../validation.js';
import { assertValid, owned, type RouteContext, type RouteResult } from './context.js';

/** The list sends subtasks empty and no recurrence, like the docs' list example; the show endpoint nests them. */
export function taskListView(task: Task): Task {
  // Memoized per task (invalidated by the fields state changes bump) so contract verdicts can be reused.
  const hit = listViews.get(task);
  if (hit && hit.updated_at === task.updated_at && hit.status === task.status) return hit.view;
  const view = { ...task, subtasks: [], recurrence: null };
  listViews.set(task, { updated_at: task.updated_at, status: task.status, view });
  return view;
}

const listViews = new WeakMap<Task, { updated_at: string; status: string; view: Task }>();

/**
 * What `status` accepts on the wire: the docs list completed, cancelled and all; "active" is what omitting it
 * means, and the API refuses `status=active` with a 422 (the SDK's 'active' filter sends no status at all).
 */
const WIRE_STATUSES = TASK_STATUS_FILTERS.filter((s) => s !== 'active');

function matchesStatus(task: Task, status: (typeof TASK_STATUS_FILTERS)[number]): boolean {
  if (status === 'all') return true;
  if (status === 'active') return task.status !== 'completed' && task.status !== 'cancelled';
  return task.status === status;
}

/** GET /tasks: top-level only, active by default, from/to on planned_day, ascending id. */
export function listTasks(ctx: RouteContext): RouteResult {
  const status = enumParam(ctx.query, 'status', WIRE_STATUSES, 'active', ctx.errors)!;
  const range = dateRange(ctx.query, ctx.errors);
  const page = pageParams(ctx.query, ctx.errors);
  assertValid(ctx.errors);
  const tasks = ctx.account.tasks.filter((t) => {
    if (t.parent_task_id !== null) return false;
    if (!matchesStatus(t, status)) return false;
    if (range.from || range.to) {
      if (!t.planned_day) return false;
      if (range.from && t.planned_day < range.from) return false;
      if (range.to && t.planned_day > range.to) return false;
    }
    return true;
  });
  const { data, has_more } = paginate(tasks, page, 'asc');
  return { kind: 'taskList', payload: { data: data.map(taskListView), has_more } };
}

/** GET /tasks/{id}: the full task with subtasks, tags and recurrence. */
export function showTask(ctx: RouteContext): RouteResult {
  const task = owned(
    ctx.account.tasks,
    ctx.ids[0]!,
    ctx.dataset.owners.tasks,
    ctx.account,
    RESOURCE_NAMES.tasks,
  );
  return { kind: 'task', payload: { data: task } };
}
