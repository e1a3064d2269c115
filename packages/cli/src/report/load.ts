import type { Loggd } from '@loggd/sdk';
import { Pool } from '../account/pool.js';
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
  /** Only these habits' checks and skips (`insights --habit ID…`). */
  habitIds?: readonly number[];
  /** Keep each check's checked_at too (`checkTimes`, parallel to `checks`), for times of day. */
  checkTimes?: boolean;
}

export interface LoadOptions {
  /** Last day (`YYYY-MM-DD`) any check or skip is needed for: the range end. */
  to: string;
  /** Requests in flight at once, default 8 (the SDK paces them under the API's 300 a minute). */
  concurrency?: number;
}

export interface LoadedReport extends ReportData {
  habitNames: Map<number, string>;
  taskNames: Map<number, string>;
  /** habit id → checked_at of each check, parallel to `checks` (with `needs.checkTimes`). */
  checkTimes?: Map<number, string[]>;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The checks and skips of one habit that can change a figure: from its start_date (none before it counts). */
function historyWindow(
  habit: { start_date?: string | null },
  to: string,
): { from?: string; to: string } | null {
  if (!habit.start_date) return { to }; // the first record starts the habit: all of it
  if (habit.start_date > to) return null; // starts after the range: every day is before its start
  return { from: habit.start_date, to };
}

/**
 * Fetches what a report needs through the SDK: every habit (all statuses) with its checks and skips from its
 * start_date (or its first record) up to `to` (the streaks and the strength need all of that, not just the
 * range), every task, every goal with its updates (milestone goals have none), every focus session. Lists follow
 * pages of 100; each resource's histories start as soon as its list is in, `concurrency` requests at a time
 * across all of them.
 */
export async function loadReportData(
  loggd: Loggd,
  needs: LoadNeeds,
  options: LoadOptions,
): Promise<LoadedReport> {
  const limit = Math.max(1, options.concurrency ?? 8);
  const page = { limit: 100 };
  const checks = new Map<number, string[]>();
  const skips = new Map<number, string[]>();
  const checkTimes = needs.checkTimes ? new Map<number, string[]>() : undefined;
  const goalUpdates = new Map<number, GoalUpdateInput[]>();
  const pool = new Pool(limit);
  const slots = <T>(job: () => Promise<T>) => pool.run(job);
  const habitsWithHistory = async () => {
    const habits = await slots(() => collect(loggd.habits.list({ status: 'all', ...page })));
    if (!needs.habits) return { habits, wanted: [] };
    const only = needs.habitIds ?? (needs.habitId === undefined ? undefined : [needs.habitId]);
    const wanted = only === undefined ? habits : habits.filter((h) => only.includes(h.id));
    await Promise.all(
      wanted.flatMap((h) => {
        const window = historyWindow(h, options.to);
        if (!window) {
          checks.set(h.id, []);
          skips.set(h.id, []);
          checkTimes?.set(h.id, []);
          return [];
        }
        const query = { ...window, ...page };
        return [
          slots(async () => {
            const rows = await collect(loggd.habits.checks(h.id, query));
            checks.set(
              h.id,
              rows.map((r) => r.date),
            );
            checkTimes?.set(
              h.id,
              rows.map((r) => r.checked_at),
            );
          }),
          slots(async () => {
            skips.set(
              h.id,
              (await collect(loggd.habits.skips(h.id, query))).map((r) => r.date),
            );
          }),
        ];
      }),
    );
    return { habits, wanted };
  };
  const goalsWithUpdates = async () => {
    const goals = await slots(() => collect(loggd.goals.list({ status: 'all', ...page })));
    await Promise.all(
      goals
        .filter((g) => g.tracking_type !== 'milestone')
        .map((g) =>
          slots(async () => {
            goalUpdates.set(g.id, await collect(loggd.goals.updates(g.id, page)));
          }),
        ),
    );
    return goals;
  };
  const [{ habits, wanted }, tasks, goals, focus] = await Promise.all([
    needs.habits || needs.names ? habitsWithHistory() : { habits: [], wanted: [] },
    needs.tasks || needs.names ? slots(() => collect(loggd.tasks.list({ status: 'all', ...page }))) : [],
    needs.goals ? goalsWithUpdates() : [],
    needs.focus ? slots(() => collect(loggd.focusSessions.list({ status: 'all', ...page }))) : [],
  ]);
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
    ...(checkTimes ? { checkTimes } : {}),
  };
}
