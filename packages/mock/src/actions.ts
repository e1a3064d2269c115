import type { FocusSession, Goal, GoalUpdate, FullHabit as Habit, HabitCheck, Task } from '@loggd/sdk';
import { TIME_HORIZONS } from '@loggd/sdk';
import { dateInZone, toWireDateTime } from './clock.js';
import type { Account } from './data/types.js';
import type { DataHelpers } from './data-helpers.js';
import type { MockEngine } from './engine.js';
import { RESOURCE_NAMES } from './errors.js';
import { MockHttpError } from './reply.js';

type Body = Record<string, unknown>;

const PROGRESS_THRESHOLDS = [25, 50, 75, 90] as const;

function str(body: Body, name: string, required: true): string;
function str(body: Body, name: string, required?: false): string | undefined;
function str(body: Body, name: string, required = false): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw new MockHttpError(422, `"${name}" is required (a non-empty string).`);
    return undefined;
  }
  if (typeof v !== 'string' || (required && v.trim() === '')) {
    throw new MockHttpError(422, `"${name}" must be a${required ? ' non-empty' : ''} string.`);
  }
  return v;
}

function num(body: Body, name: string, opts: { required?: boolean; int?: boolean; min?: number } = {}) {
  const v = body[name];
  if (v === undefined || v === null) {
    if (opts.required) throw new MockHttpError(422, `"${name}" is required (a number).`);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || (opts.int && !Number.isInteger(v))) {
    throw new MockHttpError(422, `"${name}" must be ${opts.int ? 'an integer' : 'a number'}.`);
  }
  if (opts.min !== undefined && v < opts.min)
    throw new MockHttpError(422, `"${name}" must be at least ${opts.min}.`);
  return v;
}

/**
 * State changes a real user would make in the app, each firing its webhook event through the dispatcher.
 * Available in-process as `mock.control.*` and over HTTP under `/__mock/…`.
 */
export class MockActions {
  #checkins = 0;

  constructor(
    private readonly engine: MockEngine,
    private readonly helpers: DataHelpers,
  ) {
    engine.onReset(() => {
      this.#checkins = 0;
    });
  }

  get #now(): number {
    return this.engine.clock.nowMs();
  }

  #account(userId: unknown): Account {
    const id = userId ?? this.engine.state.userForRole('pro');
    const account = typeof id === 'number' ? this.engine.state.account(id) : undefined;
    if (!account) throw new MockHttpError(404, `Unknown user_id ${JSON.stringify(id)}.`);
    return account;
  }

  #owner(kind: keyof typeof RESOURCE_NAMES, id: unknown): Account {
    const userId = typeof id === 'number' ? this.engine.dataset.owners[kind].get(id) : undefined;
    if (userId === undefined)
      throw new MockHttpError(404, `${RESOURCE_NAMES[kind]} ${String(id)} not found.`);
    return this.#account(userId);
  }

  #emit(account: Account, event: string, data: Body): void {
    this.engine.webhooks.emit(account.userId, event, data);
  }

  #habit(id: number): { account: Account; habit: Habit } {
    const account = this.#owner('habits', id);
    const habit = account.habits.find((h) => h.id === id);
    if (!habit) throw new MockHttpError(404, `Habit ${id} not found.`);
    return { account, habit };
  }

  /** Check a habit today (mock clock, user's zone): new check, streak recomputed, `habit.completed`. */
  completeHabit(habitId: number, body: Body = {}): { check: HabitCheck; habit: Habit } {
    const { account, habit } = this.#habit(habitId);
    if (habit.status === 'archived') throw new MockHttpError(409, `Habit ${habitId} is archived.`);
    const now = this.#now;
    const today = dateInZone(now, account.profile.timezone);
    const checks = account.checks.get(habitId) ?? [];
    if (!habit.allow_multiple_checks && checks[0]?.date === today) {
      throw new MockHttpError(409, `Habit ${habitId} is already checked today (${today}).`);
    }
    const check: HabitCheck = {
      id: this.helpers.nextId(this.engine.dataset, 'check'),
      date: today,
      source: 'manual',
      note: str(body, 'note') ?? null,
      contribution_count: 1,
      checked_at: toWireDateTime(now),
    };
    account.checks.set(habitId, [check, ...checks]);
    this.helpers.recomputeHabitStats(account, habit, now);
    Object.assign(habit, {
      checked_today: true,
      last_checked_at: check.checked_at,
      updated_at: check.checked_at,
    });
    this.#emit(account, 'habit.completed', {
      habit_id: habit.id,
      habit_name: habit.name,
      check_date: today,
      streak: habit.current_streak,
    });
    return { check, habit };
  }

  /** Create a habit (`habit.created`). */
  createHabit(body: Body): Habit {
    const account = this.#account(body.user_id);
    const now = toWireDateTime(this.#now);
    const frequency = str(body, 'frequency') ?? 'daily';
    if (!['daily', 'weekly', 'custom'].includes(frequency)) {
      throw new MockHttpError(422, '"frequency" must be one of daily, weekly, custom.');
    }
    const habit: Habit = {
      id: this.helpers.nextId(this.engine.dataset, 'habit'),
      name: str(body, 'name', true),
      description: str(body, 'description') ?? null,
      emoji: str(body, 'emoji') ?? null,
      color: str(body, 'color') ?? '#10B981',
      url: null,
      frequency: frequency as Habit['frequency'],
      custom_days: null,
      tracking_mode: 'check',
      weekly_target: null,
      daily_time_goal: null,
      data_source: null,
      allow_multiple_checks: body.allow_multiple_checks === true,
      display_order: account.habits.length + 1,
      current_streak: 0,
      longest_streak: 0,
      status: 'active',
      start_date: dateInZone(this.#now, account.profile.timezone),
      checked_today: false,
      last_checked_at: null,
      created_at: now,
      updated_at: now,
    };
    account.habits.push(habit);
    account.checks.set(habit.id, []);
    account.skips.set(habit.id, []);
    this.engine.dataset.owners.habits.set(habit.id, account.userId);
    this.#emit(account, 'habit.created', {
      habit_id: habit.id,
      habit_name: habit.name,
      frequency: habit.frequency,
      tracking_mode: habit.tracking_mode,
      created_at: habit.created_at,
    });
    return habit;
  }

  /** Archive a habit (`habit.archived`). */
  archiveHabit(habitId: number): Habit {
    const { account, habit } = this.#habit(habitId);
    if (habit.status === 'archived') throw new MockHttpError(409, `Habit ${habitId} is already archived.`);
    Object.assign(habit, { status: 'archived', updated_at: toWireDateTime(this.#now) });
    this.#emit(account, 'habit.archived', {
      habit_id: habit.id,
      habit_name: habit.name,
      longest_streak: habit.longest_streak,
    });
    return habit;
  }

  #task(id: number): { account: Account; task: Task } {
    const account = this.#owner('tasks', id);
    const task = account.tasks.find((t) => t.id === id);
    if (!task) throw new MockHttpError(404, `Task ${id} not found.`);
    return { account, task };
  }

  /** Create a top-level task (`task.created`). */
  createTask(body: Body): Task {
    const account = this.#account(body.user_id);
    const now = toWireDateTime(this.#now);
    const plannedDay = str(body, 'planned_day') ?? null;
    if (plannedDay !== null && !/^\d{4}-\d{2}-\d{2}$/.test(plannedDay)) {
      throw new MockHttpError(422, '"planned_day" must be a date YYYY-MM-DD.');
    }
    const goalId = num(body, 'goal_id', { int: true }) ?? null;
    if (goalId !== null && this.engine.dataset.owners.goals.get(goalId) !== account.userId) {
      throw new MockHttpError(404, `Goal ${goalId} not found.`);
    }
    const task: Task = {
      id: this.helpers.nextId(this.engine.dataset, 'task'),
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
    this.engine.dataset.owners.tasks.set(task.id, account.userId);
    this.#emit(account, 'task.created', {
      task_id: task.id,
      task_title: task.title,
      priority: task.priority,
      planned_day: task.planned_day,
      goal_id: task.goal_id,
      is_recurring: false,
    });
    return task;
  }

  #closeTask(taskId: number, to: 'completed' | 'cancelled', body: Body): Task {
    const { account, task } = this.#task(taskId);
    if (task.status === 'completed' || task.status === 'cancelled') {
      throw new MockHttpError(409, `Task ${taskId} is already ${task.status}.`);
    }
    const now = toWireDateTime(this.#now);
    if (to === 'completed') {
      Object.assign(task, { status: 'completed', completed_at: now, updated_at: now });
      if (body.note !== undefined) task.completion_note = str(body, 'note') ?? null;
      this.#emit(account, 'task.completed', {
        task_id: task.id,
        task_title: task.title,
        is_goal_task: task.goal_id !== null,
        goal_id: task.goal_id,
        completed_at: now,
      });
    } else {
      Object.assign(task, { status: 'cancelled', cancelled_at: now, updated_at: now });
      this.#emit(account, 'task.cancelled', { task_id: task.id, task_title: task.title, cancelled_at: now });
    }
    return task;
  }

  /** Complete a task (`task.completed`). */
  completeTask(taskId: number, body: Body = {}): Task {
    return this.#closeTask(taskId, 'completed', body);
  }

  /** Cancel a task (`task.cancelled`). */
  cancelTask(taskId: number): Task {
    return this.#closeTask(taskId, 'cancelled', {});
  }

  #goal(id: number): { account: Account; goal: Goal } {
    const account = this.#owner('goals', id);
    const goal = account.goals.find((g) => g.id === id);
    if (!goal) throw new MockHttpError(404, `Goal ${id} not found.`);
    return { account, goal };
  }

  /** Create a goal (`goal.created`). Metric goals need `metric_target_value`. */
  createGoal(body: Body): Goal {
    const account = this.#account(body.user_id);
    const nowMs = this.#now;
    const now = toWireDateTime(nowMs);
    const horizon = str(body, 'time_horizon') ?? 'yearly';
    if (!(TIME_HORIZONS as readonly string[]).includes(horizon)) {
      throw new MockHttpError(422, `"time_horizon" must be one of ${TIME_HORIZONS.join(', ')}.`);
    }
    const tracking = str(body, 'tracking_type') ?? 'metric';
    if (tracking !== 'metric' && tracking !== 'milestone') {
      throw new MockHttpError(422, '"tracking_type" must be metric or milestone.');
    }
    const target = num(body, 'metric_target_value', { required: tracking === 'metric' }) ?? null;
    const start = num(body, 'metric_start_value') ?? (tracking === 'metric' ? 0 : null);
    const goal: Goal = {
      id: this.helpers.nextId(this.engine.dataset, 'goal'),
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
    this.engine.dataset.owners.goals.set(goal.id, account.userId);
    this.#emit(account, 'goal.created', {
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
  #progressEvents(account: Account, goal: Goal, previous: number): void {
    const current = goal.progress_percentage;
    const crossed = PROGRESS_THRESHOLDS.filter((t) => previous < t && current >= t);
    const top = crossed.at(-1);
    if (top !== undefined) {
      this.#emit(account, 'goal.progress_changed', {
        goal_id: goal.id,
        goal_title: goal.title,
        previous_progress: previous,
        new_progress: current,
        milestone_crossed: top,
      });
    }
    if (previous < 100 && current >= 100 && goal.status !== 'completed') {
      const now = toWireDateTime(this.#now);
      Object.assign(goal, { status: 'completed', completed_at: now });
      this.#emit(account, 'goal.completed', {
        goal_id: goal.id,
        goal_title: goal.title,
        time_horizon: goal.time_horizon,
        progress_percentage: current,
        completed_at: now,
      });
    }
  }

  /** Record a metric update on a metric goal (progress events only on threshold crossings). */
  recordGoalUpdate(goalId: number, body: Body): GoalUpdate {
    const { account, goal } = this.#goal(goalId);
    if (goal.tracking_type !== 'metric') throw new MockHttpError(409, `Goal ${goalId} is not a metric goal.`);
    const value = num(body, 'value', { required: true })!;
    const now = toWireDateTime(this.#now);
    const update: GoalUpdate = {
      id: this.helpers.nextId(this.engine.dataset, 'goalUpdate'),
      metric_value: value,
      note: str(body, 'note') ?? null,
      update_date: now,
      created_at: now,
    };
    account.goalUpdates.set(goalId, [update, ...(account.goalUpdates.get(goalId) ?? [])]);
    const previous = goal.progress_percentage;
    goal.metric_current_value = value;
    goal.last_update_note = update.note;
    this.helpers.recomputeGoalStats(account, goal, this.#now);
    goal.updated_at = now;
    this.#progressEvents(account, goal, previous);
    return update;
  }

  /** Complete a milestone (`goal.milestone_reached`; milestone goals' progress follows). */
  completeMilestone(goalId: number, milestoneId: number): Goal {
    const { account, goal } = this.#goal(goalId);
    const milestone = goal.milestones.find((m) => m.id === milestoneId);
    if (!milestone) throw new MockHttpError(404, `Milestone ${milestoneId} not found on goal ${goalId}.`);
    if (milestone.completed) throw new MockHttpError(409, `Milestone ${milestoneId} is already completed.`);
    const now = toWireDateTime(this.#now);
    Object.assign(milestone, { completed: true, completed_at: now });
    const previous = goal.progress_percentage;
    this.helpers.recomputeGoalStats(account, goal, this.#now);
    goal.updated_at = now;
    this.#emit(account, 'goal.milestone_reached', {
      goal_id: goal.id,
      goal_title: goal.title,
      milestone_id: milestone.id,
      milestone_title: milestone.title,
      progress_percentage: goal.progress_percentage,
    });
    this.#progressEvents(account, goal, previous);
    return goal;
  }

  #session(id: number): { account: Account; session: FocusSession } {
    const account = this.#owner('focusSessions', id);
    const session = account.focusSessions.find((s) => s.id === id);
    if (!session) throw new MockHttpError(404, `Focus session ${id} not found.`);
    return { account, session };
  }

  /** Start a focus session (`focus_session.started`). */
  startFocusSession(body: Body = {}): FocusSession {
    const account = this.#account(body.user_id);
    const now = toWireDateTime(this.#now);
    const planned = num(body, 'planned_duration_seconds', { int: true, min: 1 }) ?? 1500;
    const session: FocusSession = {
      id: this.helpers.nextId(this.engine.dataset, 'focusSession'),
      title: str(body, 'title') ?? null,
      status: 'active',
      started_at: now,
      ended_at: null,
      planned_duration_seconds: planned,
      actual_duration_seconds: null,
      total_paused_seconds: 0,
      session_number: account.focusSessions.length + 1,
      points_earned: 0,
      task_id: num(body, 'task_id', { int: true }) ?? null,
      habit_id: num(body, 'habit_id', { int: true }) ?? null,
      notes: null,
      tags: [],
      created_at: now,
      updated_at: now,
    };
    account.focusSessions.push(session);
    this.engine.dataset.owners.focusSessions.set(session.id, account.userId);
    this.#emit(account, 'focus_session.started', {
      session_id: session.id,
      title: session.title,
      planned_duration: planned,
      task_id: session.task_id,
      habit_id: session.habit_id,
      started_at: now,
    });
    return session;
  }

  /** End an active focus session (`focus_session.completed`); duration is mock time since start. */
  completeFocusSession(sessionId: number): FocusSession {
    const { account, session } = this.#session(sessionId);
    if (session.status !== 'active' && session.status !== 'paused') {
      throw new MockHttpError(409, `Focus session ${sessionId} is ${session.status}, not active.`);
    }
    const nowMs = this.#now;
    const duration = Math.max(0, Math.round((nowMs - Date.parse(session.started_at)) / 1000));
    const now = toWireDateTime(nowMs);
    Object.assign(session, {
      status: 'completed',
      ended_at: now,
      actual_duration_seconds: duration,
      updated_at: now,
    });
    this.#emit(account, 'focus_session.completed', {
      session_id: session.id,
      title: session.title,
      duration_seconds: duration,
      planned_duration: session.planned_duration_seconds,
    });
    return session;
  }

  /** Award points; `level.up` when the level changes. */
  awardPoints(body: Body): { total_points: number; level: number } {
    const account = this.#account(body.user_id);
    const amount = num(body, 'amount', { required: true, int: true, min: 1 })!;
    const profile = account.profile;
    const previous = profile.level;
    profile.total_points += amount;
    profile.monthly_points += amount;
    const { level, tier } = this.helpers.levelForPoints(profile.total_points);
    profile.level = level;
    if (level !== previous) {
      this.#emit(account, 'level.up', {
        new_level: level,
        previous_level: previous,
        tier_name: tier,
        total_points: profile.total_points,
      });
    }
    return { total_points: profile.total_points, level };
  }

  /** Unlock a badge (`badge.unlocked`); its points are awarded too. */
  unlockBadge(body: Body): Body {
    const account = this.#account(body.user_id);
    const data = {
      badge_key: str(body, 'badge_key', true),
      badge_name: str(body, 'badge_name', true),
      badge_rarity: str(body, 'badge_rarity') ?? 'common',
      points_earned: num(body, 'points_earned', { int: true, min: 0 }) ?? 0,
    };
    this.#emit(account, 'badge.unlocked', data);
    if (data.points_earned > 0) this.awardPoints({ user_id: account.userId, amount: data.points_earned });
    return data;
  }

  /** Submit a daily check-in (`checkin.completed`). */
  submitCheckin(body: Body = {}): Body {
    const account = this.#account(body.user_id);
    const date = str(body, 'date') ?? dateInZone(this.#now, account.profile.timezone);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new MockHttpError(422, '"date" must be a date YYYY-MM-DD.');
    this.#checkins += 1;
    const data = { checkin_id: this.#checkins, date };
    this.#emit(account, 'checkin.completed', data);
    return data;
  }
}
