import { instantOf } from '../../time/instant.js';
import { localDayOfInstant } from '../../time/zone.js';
import { type FocusFigures, type FocusInput, focusFigures } from './focus.js';
import { type GoalFigures, type GoalInput, type GoalUpdateInput, goalFigures } from './goals.js';
import { type HabitFigures, type HabitInput, habitFigures, touchesRange } from './habits.js';
import { type Period, previousPeriod, type ReportSettings } from './period.js';
import { type TaskInput, taskFigures } from './tasks.js';

/** The data one report is computed from (already loaded; see load.ts). */
export interface ReportData {
  habits: readonly HabitInput[];
  /** habit id → checked dates / skipped dates (`YYYY-MM-DD`). */
  checks: ReadonlyMap<number, readonly string[]>;
  skips: ReadonlyMap<number, readonly string[]>;
  tasks: readonly TaskInput[];
  goals: readonly GoalInput[];
  goalUpdates: ReadonlyMap<number, readonly GoalUpdateInput[]>;
  focus: readonly FocusInput[];
}

export interface PeriodSummary {
  habits_done: number;
  habits_due: number;
  completion_rate: number | null;
  focus_seconds: number;
  tasks_created: number;
  tasks_completed: number;
  points: number;
}

export interface Review {
  kind: 'week' | 'month';
  habits: (HabitFigures & { previous_completion_rate: number | null })[];
  focus: FocusFigures;
  tasks: { created: number; completed: number; cancelled: number; net: number };
  goals: GoalFigures[];
  current: PeriodSummary;
  previous: PeriodSummary;
}

/** Habit figures of every habit that existed during `range` (archived ones too, when they have history there). */
export function allHabitFigures(data: ReportData, range: Period, settings: ReportSettings): HabitFigures[] {
  const out: HabitFigures[] = [];
  for (const h of data.habits) {
    const f = habitFigures(
      h,
      data.checks.get(h.id) ?? [],
      data.skips.get(h.id) ?? [],
      range,
      settings.today,
      settings.weekStart,
    );
    if (h.status === 'archived' && f.done + f.skipped === 0) continue;
    if (touchesRange(f)) out.push(f);
  }
  return out;
}

function summary(
  habits: readonly HabitFigures[],
  data: ReportData,
  range: Period,
  settings: ReportSettings,
  focus = focusFigures(data.focus, range, settings, 'day'),
  tasks = taskFigures(data.tasks, range, settings, 'week').totals,
): PeriodSummary {
  const done = habits.reduce((s, h) => s + h.done, 0);
  const due = habits.reduce((s, h) => s + h.due, 0);
  return {
    habits_done: done,
    habits_due: due,
    completion_rate: due === 0 ? null : done / due,
    focus_seconds: focus.total_seconds,
    tasks_created: tasks.created,
    tasks_completed: tasks.completed,
    points: focus.points,
  };
}

/**
 * The weekly or monthly review of `range`: every habit's row of day marks with done/due and streaks, focus per
 * day, tasks created vs completed, the goals that moved, focus points, and the same totals for the previous
 * period.
 */
export function review(
  data: ReportData,
  range: Period,
  kind: 'week' | 'month',
  settings: ReportSettings,
  names: { tasks?: ReadonlyMap<number, string>; habits?: ReadonlyMap<number, string> } = {},
): Review {
  const prev = previousPeriod(range, kind);
  const current = allHabitFigures(data, range, settings);
  const previous = allHabitFigures(data, prev, settings);
  const prevRate = new Map(previous.map((p) => [p.id, p.completion_rate]));
  const habits = current.map((f) => ({ ...f, previous_completion_rate: prevRate.get(f.id) ?? null }));
  const asOf = Math.min(range.to, settings.today);
  const goals = data.goals
    .map((g) => goalFigures(g, data.goalUpdates.get(g.id) ?? [], asOf, settings, range))
    .filter((g) => g.change?.moved);
  const tasks = taskFigures(data.tasks, range, settings, 'week').totals;
  const focus = focusFigures(data.focus, range, settings, 'day', names);
  return {
    kind,
    habits,
    focus,
    tasks,
    goals,
    current: summary(current, data, range, settings, focus, tasks),
    previous: summary(previous, data, prev, settings),
  };
}

/** The local day of an ISO instant under the report's settings (for callers placing their own records). */
export function dayOfInstant(iso: string, settings: Pick<ReportSettings, 'zone' | 'dayStartsAt'>): number {
  return localDayOfInstant(instantOf(iso), settings.zone, settings.dayStartsAt);
}
