import type { Task } from '@loggd/sdk';
import { toWireDateTime } from '../clock.js';
import type { Account } from '../data/types.js';
import { MockHttpError } from '../reply.js';
import { type Body, num, str } from './body.js';
import type { ActionContext } from './context.js';

function findTask(ctx: ActionContext, id: number): { account: Account; task: Task } {
  const account = ctx.owner('tasks', id);
  const task = account.tasks.find((t) => t.id === id);
  if (!task) throw new MockHttpError(404, `Task ${id} not found.`);
  return { account, task };
}

/** Create a top-level task (`task.created`). */
export function createTask(ctx: ActionContext, body: Body): Task {
  const account = ctx.account(body.user_id);
  const now = toWireDateTime(ctx.now());
  const plannedDay = str(body, 'planned_day') ?? null;
  if (plannedDay !== null && !/^\d{4}-\d{2}-\d{2}$/.test(plannedDay)) {
    throw new MockHttpError(422, '"planned_day" must be a date YYYY-MM-DD.');
  }
  const goalId = num(body, 'goal_id', { int: true }) ?? null;
  if (goalId !== null && ctx.engine.dataset.owners.goals.get(goalId) !== account.userId) {
    throw new MockHttpError(404, `Goal ${goalId} not found.`);
  }
  const task: Task = {
    id: ctx.nextId('task'),
    title: str(body, 'title', true),
    description: str(body, 'description') ?? null,
    status: 'scheduled',
    priority: str(body, 'priority') ?? 'medium',
    category: str(body, 'category') ?? null,
    source: null,
    planned_day: plannedDay,
    planned_week_start: null,
    due_time: null,
    goal_id: goalId,
    goal_milestone_id: null,
    parent_task_id: null,
    completion_note: null,
    recurrence: null,
    subtasks: [],
    tags: [],
    completed_at: null,
    cancelled_at: null,
    created_at: now,
    updated_at: now,
  };
  account.tasks.push(task);
  ctx.engine.dataset.owners.tasks.set(task.id, account.userId);
  ctx.emit(account, 'task.created', {
    task_id: task.id,
    task_title: task.title,
    priority: task.priority,
    planned_day: task.planned_day,
    goal_id: task.goal_id,
    is_recurring: false,
  });
  return task;
}

function closeTask(ctx: ActionContext, taskId: number, to: 'completed' | 'cancelled', body: Body): Task {
  const { account, task } = findTask(ctx, taskId);
  if (task.status === 'completed' || task.status === 'cancelled') {
    throw new MockHttpError(409, `Task ${taskId} is already ${task.status}.`);
  }
  const now = toWireDateTime(ctx.now());
  if (to === 'completed') {
    Object.assign(task, { status: 'completed', completed_at: now, updated_at: now });
    if (body.note !== undefined) task.completion_note = str(body, 'note') ?? null;
    ctx.emit(account, 'task.completed', {
      task_id: task.id,
      task_title: task.title,
      is_goal_task: task.goal_id !== null,
      goal_id: task.goal_id,
      completed_at: now,
    });
  } else {
    Object.assign(task, { status: 'cancelled', cancelled_at: now, updated_at: now });
    ctx.emit(account, 'task.cancelled', { task_id: task.id, task_title: task.title, cancelled_at: now });
  }
  return task;
}

/** Complete a task (`task.completed`). */
export function completeTask(ctx: ActionContext, taskId: number, body: Body = {}): Task {
  return closeTask(ctx, taskId, 'completed', body);
}

/** Cancel a task (`task.cancelled`). */
export function cancelTask(ctx: ActionContext, taskId: number): Task {
  return closeTask(ctx, taskId, 'cancelled', {});
}
