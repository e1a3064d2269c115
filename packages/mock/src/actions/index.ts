import type { FocusSession, Goal, GoalUpdate, FullHabit as Habit, HabitCheck, Task } from '@loggd/sdk';
import type { DataHelpers } from '../data-helpers.js';
import type { MockEngine } from '../engine.js';
import type { Body } from './body.js';
import { submitCheckin } from './checkins.js';
import { ActionContext } from './context.js';
import { completeFocusSession, startFocusSession } from './focus-sessions.js';
import { completeMilestone, createGoal, recordGoalUpdate } from './goals.js';
import { archiveHabit, completeHabit, createHabit } from './habits.js';
import { awardPoints, unlockBadge } from './profile.js';
import { cancelTask, completeTask, createTask } from './tasks.js';

/**
 * State changes a real user would make in the app, each firing its webhook event through the dispatcher.
 * Available in-process as `mock.control.*` and over HTTP under `/__mock/…`. One module per resource does the work.
 */
export class MockActions {
  readonly #ctx: ActionContext;
  #checkins = 0;

  constructor(engine: MockEngine, helpers: DataHelpers) {
    this.#ctx = new ActionContext(engine, helpers);
    engine.onReset(() => {
      this.#checkins = 0;
    });
  }

  /** Check a habit today (mock clock, user's zone): new check, streak recomputed, `habit.completed`. */
  completeHabit(habitId: number, body: Body = {}): { check: HabitCheck; habit: Habit } {
    return completeHabit(this.#ctx, habitId, body);
  }

  /** Create a habit (`habit.created`). */
  createHabit(body: Body): Habit {
    return createHabit(this.#ctx, body);
  }

  /** Archive a habit (`habit.archived`). */
  archiveHabit(habitId: number): Habit {
    return archiveHabit(this.#ctx, habitId);
  }

  /** Create a top-level task (`task.created`). */
  createTask(body: Body): Task {
    return createTask(this.#ctx, body);
  }

  /** Complete a task (`task.completed`). */
  completeTask(taskId: number, body: Body = {}): Task {
    return completeTask(this.#ctx, taskId, body);
  }

  /** Cancel a task (`task.cancelled`). */
  cancelTask(taskId: number): Task {
    return cancelTask(this.#ctx, taskId);
  }

  /** Create a goal (`goal.created`). Metric goals need `metric_target_value`. */
  createGoal(body: Body): Goal {
    return createGoal(this.#ctx, body);
  }

  /** Record a metric update on a metric goal (progress events only on threshold crossings). */
  recordGoalUpdate(goalId: number, body: Body): GoalUpdate {
    return recordGoalUpdate(this.#ctx, goalId, body);
  }

  /** Complete a milestone (`goal.milestone_reached`; milestone goals' progress follows). */
  completeMilestone(goalId: number, milestoneId: number): Goal {
    return completeMilestone(this.#ctx, goalId, milestoneId);
  }

  /** Start a focus session (`focus_session.started`). */
  startFocusSession(body: Body = {}): FocusSession {
    return startFocusSession(this.#ctx, body);
  }

  /** End an active focus session (`focus_session.completed`); duration is mock time since start. */
  completeFocusSession(sessionId: number): FocusSession {
    return completeFocusSession(this.#ctx, sessionId);
  }

  /** Award points; `level.up` when the level changes. */
  awardPoints(body: Body): { total_points: number; level: number } {
    return awardPoints(this.#ctx, body);
  }

  /** Unlock a badge (`badge.unlocked`); its points are awarded too. */
  unlockBadge(body: Body): Body {
    return unlockBadge(this.#ctx, body);
  }

  /** Submit a daily check-in (`checkin.completed`). */
  submitCheckin(body: Body = {}): Body {
    return submitCheckin(this.#ctx, () => ++this.#checkins, body);
  }
}
