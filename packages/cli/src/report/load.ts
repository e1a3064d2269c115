import type { Loggd } from '@loggd/sdk';
import type { FocusInput } from './compute/focus.js';
import type { GoalInput, GoalUpdateInput } from './compute/goals.js';
import type { HabitInput } from './compute/habits.js';
import type { ReportData } from './compute/review.js';
import type { TaskInput } from './compute/tasks.js';

/** Which resources a report reads (each needs its own scope). */
export interface LoadNeeds {
  habits?: boolean;
  tasks?: boolean;
  goals?: boolean;
  focus?: boolean;
  /** Habit and task names only (no histories), to label focus time. */
  names?: boolean;
  /** Only these habits' checks and skips (`report habits --habit ID`). */
  habitId?: number;
}

export interface LoadOptions {
  /** Last day (`YYYY-MM-DD`) any check or skip is needed for: the range end. */
  to: string;
  /** Requests in flight at once (the API allows 300 a minute; a few in parallel keeps a report quick). */
  concurrency?: number;
}

export interface LoadedReport extends ReportData {
  habitNames: Map<number, string>;
  taskNames: Map<number, string>;
}

/** Runs `jobs` with at most `limit` in flight; rejects with the first failure. */
export async function pool<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * Fetches what a report needs through the SDK: every habit (all statuses) with its checks and skips up to `to`
 * (the whole history before it, which the streaks and the strength need), every task, every goal with its
 * updates, every focus session. Lists follow pages of 100; per-habit and per-goal histories run `concurrency`
 * at a time.
 */
export async function loadReportData(
  loggd: Loggd,
  needs: LoadNeeds,
  options: LoadOptions,
): Promise<LoadedReport> {
  const limit = options.concurrency ?? 4;
  const page = { limit: 100 };
  const [habits, tasks, goals, focus] = await Promise.all([
    needs.habits || needs.names ? collect(loggd.habits.list({ status: 'all', ...page })) : [],
    needs.tasks || needs.names ? collect(loggd.tasks.list({ status: 'all', ...page })) : [],
    needs.goals ? collect(loggd.goals.list({ status: 'all', ...page })) : [],
    needs.focus ? collect(loggd.focusSessions.list({ status: 'all', ...page })) : [],
  ]);
  const wanted = !needs.habits
    ? []
    : needs.habitId === undefined
      ? habits
      : habits.filter((h) => h.id === needs.habitId);
  const checks = new Map<number, string[]>();
  const skips = new Map<number, string[]>();
  const history = { to: options.to, ...page };
  const habitJobs = wanted.flatMap((h) => [
    async () => {
      const rows = await collect(loggd.habits.checks(h.id, history));
      checks.set(
        h.id,
        rows.map((r) => r.date),
      );
    },
    async () => {
      const rows = await collect(loggd.habits.skips(h.id, history));
      skips.set(
        h.id,
        rows.map((r) => r.date),
      );
    },
  ]);
  const goalUpdates = new Map<number, GoalUpdateInput[]>();
  const goalJobs = goals
    .filter((g) => g.tracking_type !== 'milestone')
    .map((g) => async () => {
      goalUpdates.set(g.id, await collect(loggd.goals.updates(g.id, page)));
    });
  await pool<void>([...habitJobs, ...goalJobs], limit);
  return {
    habits: wanted as HabitInput[],
    checks,
    skips,
    tasks: tasks as TaskInput[],
    goals: goals as GoalInput[],
    goalUpdates,
    focus: focus as FocusInput[],
    habitNames: new Map(habits.map((h) => [h.id, h.name])),
    taskNames: new Map(tasks.map((t) => [t.id, t.title])),
  };
}
