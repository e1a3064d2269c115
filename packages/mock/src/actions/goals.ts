import type { Goal, GoalUpdate } from '@loggd/sdk';
import { GOAL_TRACKING_TYPES, TIME_HORIZONS } from '@loggd/sdk/constants';
import { dateInZone, toWireDateTime } from '../clock.js';
import type { Account } from '../data/types.js';
import { MockHttpError } from '../reply.js';
import { type Body, num, str } from './body.js';
import type { ActionContext } from './context.js';

const PROGRESS_THRESHOLDS = [25, 50, 75, 90] as const;

function findGoal(ctx: ActionContext, id: number): { account: Account; goal: Goal } {
  const account = ctx.owner('goals', id);
  const goal = account.goals.find((g) => g.id === id);
  if (!goal) throw new MockHttpError(404, `Goal ${id} not found.`);
  return { account, goal };
}

/** Create a goal (`goal.created`). Metric goals need `metric_target_value`. */
export function createGoal(ctx: ActionContext, body: Body): Goal {
  const account = ctx.account(body.user_id);
  const nowMs = ctx.now();
  const now = toWireDateTime(nowMs);
  const horizon = str(body, 'time_horizon') ?? 'yearly';
  if (!(TIME_HORIZONS as readonly string[]).includes(horizon)) {
    throw new MockHttpError(422, `"time_horizon" must be one of ${TIME_HORIZONS.join(', ')}.`);
  }
  const tracking = str(body, 'tracking_type') ?? 'metric';
  if (!(GOAL_TRACKING_TYPES as readonly string[]).includes(tracking)) {
    throw new MockHttpError(422, `"tracking_type" must be ${GOAL_TRACKING_TYPES.join(' or ')}.`);
  }
  const target = num(body, 'metric_target_value', { required: tracking === 'metric' }) ?? null;
  const start = num(body, 'metric_start_value') ?? (tracking === 'metric' ? 0 : null);
  const goal: Goal = {
    id: ctx.nextId('goal'),
    title: str(body, 'title', true),
    description: str(body, 'description') ?? null,
    notes: null,
    life_area: str(body, 'life_area') ?? null,
    time_horizon: horizon as Goal['time_horizon'],
    tracking_type: tracking,
    status: 'active',
    progress_percentage: 0,
    is_on_track: true,
    trend: 'neutral',
    metric_unit: str(body, 'metric_unit') ?? null,
    metric_start_value: start,
    metric_target_value: target,
    metric_current_value: start,
    metric_decrease: start !== null && target !== null && target < start,
    metric_value_type: null,
    last_update_note: null,
    started_at: dateInZone(nowMs, account.profile.timezone),
    target_date: str(body, 'target_date') ?? null,
    completed_at: null,
    last_reviewed_at: null,
    updates_count: 0,
    milestones: [],
    created_at: now,
    updated_at: now,
  };
  account.goals.push(goal);
  account.goalUpdates.set(goal.id, []);
  ctx.engine.dataset.owners.goals.set(goal.id, account.userId);
  ctx.emit(account, 'goal.created', {
    goal_id: goal.id,
    goal_title: goal.title,
    life_area: goal.life_area,
    time_horizon: goal.time_horizon,
    tracking_type: goal.tracking_type,
    target_date: goal.target_date,
  });
  return goal;
}

/** Fire `goal.progress_changed` per crossed threshold and `goal.completed` at 100%. */
function progressEvents(ctx: ActionContext, account: Account, goal: Goal, previous: number): void {
  const current = goal.progress_percentage;
  const crossed = PROGRESS_THRESHOLDS.filter((t) => previous < t && current >= t);
  const top = crossed.at(-1);
  if (top !== undefined) {
    ctx.emit(account, 'goal.progress_changed', {
      goal_id: goal.id,
      goal_title: goal.title,
      previous_progress: previous,
      new_progress: current,
      milestone_crossed: top,
    });
  }
  if (previous < 100 && current >= 100 && goal.status !== 'completed') {
    const now = toWireDateTime(ctx.now());
    Object.assign(goal, { status: 'completed', completed_at: now });
    ctx.emit(account, 'goal.completed', {
      goal_id: goal.id,
      goal_title: goal.title,
      time_horizon: goal.time_horizon,
      progress_percentage: current,
      completed_at: now,
    });
  }
}

/** Record a metric update on a metric goal (progress events only on threshold crossings). */
export function recordGoalUpdate(ctx: ActionContext, goalId: number, body: Body): GoalUpdate {
  const { account, goal } = findGoal(ctx, goalId);
  if (goal.tracking_type !== 'metric') throw new MockHttpError(409, `Goal ${goalId} is not a metric goal.`);
  const value = num(body, 'value', { required: true })!;
  const now = toWireDateTime(ctx.now());
  const update: GoalUpdate = {
    id: ctx.nextId('goalUpdate'),
    metric_value: value,
    note: str(body, 'note') ?? null,
    update_date: now,
    created_at: now,
  };
  account.goalUpdates.set(goalId, [update, ...(account.goalUpdates.get(goalId) ?? [])]);
  const previous = goal.progress_percentage;
  goal.metric_current_value = value;
  goal.last_update_note = update.note;
  ctx.helpers.recomputeGoalStats(account, goal, ctx.now());
  goal.updated_at = now;
  progressEvents(ctx, account, goal, previous);
  return update;
}

/** Complete a milestone (`goal.milestone_reached`; milestone goals' progress follows). */
export function completeMilestone(ctx: ActionContext, goalId: number, milestoneId: number): Goal {
  const { account, goal } = findGoal(ctx, goalId);
  const milestone = goal.milestones.find((m) => m.id === milestoneId);
  if (!milestone) throw new MockHttpError(404, `Milestone ${milestoneId} not found on goal ${goalId}.`);
  if (milestone.completed) throw new MockHttpError(409, `Milestone ${milestoneId} is already completed.`);
  const now = toWireDateTime(ctx.now());
  Object.assign(milestone, { completed: true, completed_at: now });
  const previous = goal.progress_percentage;
  ctx.helpers.recomputeGoalStats(account, goal, ctx.now());
  goal.updated_at = now;
  ctx.emit(account, 'goal.milestone_reached', {
    goal_id: goal.id,
    goal_title: goal.title,
    milestone_id: milestone.id,
    milestone_title: milestone.title,
    progress_percentage: goal.progress_percentage,
  });
  progressEvents(ctx, account, goal, previous);
  return goal;
}
