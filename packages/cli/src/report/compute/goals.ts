import { instantOf } from '../../time/instant.js';
import { localDayOfInstant } from '../../time/zone.js';
import { dayOf, isoOf } from './calendar.js';
import type { Period, ReportSettings } from './period.js';

/** What the goal figures need of a goal (the API's `Goal` fits). */
export interface GoalInput {
  id: number;
  title: string;
  life_area: string | null;
  tracking_type: string;
  status: string;
  progress_percentage: number;
  is_on_track: boolean;
  metric_unit: string | null;
  metric_start_value: number | null;
  metric_target_value: number | null;
  metric_current_value: number | null;
  metric_decrease: boolean;
  started_at: string | null;
  target_date: string | null;
  created_at: string;
  milestones: readonly { title: string; completed: boolean; order: number; target_date: string | null }[];
}

export interface GoalUpdateInput {
  metric_value: number;
  update_date: string;
}

/** The docs' tolerance: on track while progress is no more than 10 percentage points behind the linear pace. */
export const ON_TRACK_TOLERANCE = 10;
/** Days of update history the projection's rate is measured over. */
export const PROJECTION_WINDOW_DAYS = 30;

export type ProjectionVerdict = 'reached' | 'on_pace' | 'late' | 'no_convergence' | 'no_data';

export interface GoalFigures {
  id: number;
  title: string;
  life_area: string | null;
  status: string;
  tracking_type: string;
  unit: string | null;
  start: number | null;
  target: number | null;
  current: number | null;
  /** Actual progress 0…100 (metric: (current − start) ÷ (target − start); milestones: share completed). */
  progress: number;
  /** Linear pace 0…100: elapsed ÷ total days from started_at to target_date; null without both dates. */
  expected: number | null;
  /** The metric value the linear pace expects today. */
  expected_value: number | null;
  /** progress − expected, in percentage points. */
  delta: number | null;
  on_track: boolean;
  /** The API's own `is_on_track`, for comparison. */
  api_on_track: boolean;
  projection: { verdict: ProjectionVerdict; date: string | null; rate_per_day: number | null };
  milestones: { done: number; total: number; next: string | null; next_date: string | null };
  /** Progress change (points) within the period, and whether any update fell in it. */
  change: { from: number; to: number; points: number; moved: boolean } | null;
}

interface Point {
  day: number;
  at: number;
  value: number;
}

// Each report (and a review, twice) reads the same updates: place and sort them once per zone and day start.
const placedCache = new WeakMap<readonly GoalUpdateInput[], { key: string; points: Point[] }>();

function placeUpdates(
  updates: readonly GoalUpdateInput[],
  settings: Pick<ReportSettings, 'zone' | 'dayStartsAt'>,
): Point[] {
  const key = `${settings.zone}|${settings.dayStartsAt}|${updates.length}`;
  const hit = placedCache.get(updates);
  if (hit && hit.key === key) return hit.points;
  const points = updates
    .map((u) => {
      const at = instantOf(u.update_date);
      return { day: localDayOfInstant(at, settings.zone, settings.dayStartsAt), at, value: u.metric_value };
    })
    .sort((a, b) => a.at - b.at);
  placedCache.set(updates, { key, points });
  return points;
}

/** Progress 0…100 of a metric value between start and target (works for goals where lower is better). */
export function metricProgress(value: number, start: number, target: number, decrease: boolean): number {
  if (target === start) return (decrease ? value <= target : value >= target) ? 100 : 0;
  return Math.min(100, Math.max(0, ((value - start) / (target - start)) * 100));
}

/**
 * A goal's pace, verdict and projection as of local day `asOf`: expected = start + (target − start) · elapsed ÷
 * total; on track when progress ≥ expected − 10 points; the projection extends the rate of the last 30 days of
 * updates. With `period`, also the progress change within it.
 */
export function goalFigures(
  goal: GoalInput,
  updates: readonly GoalUpdateInput[],
  asOf: number,
  settings: Pick<ReportSettings, 'zone' | 'dayStartsAt'>,
  period?: Period,
): GoalFigures {
  const metric = goal.tracking_type !== 'milestone' && goal.metric_target_value !== null;
  const start = goal.metric_start_value ?? 0;
  const target = goal.metric_target_value;
  const points = placeUpdates(updates, settings).filter((p) => p.day <= asOf);
  const valueAt = (day: number) => {
    let v = start;
    for (const p of points) if (p.day <= day) v = p.value;
    return v;
  };
  const current = metric
    ? points.length > 0
      ? points.at(-1)!.value
      : (goal.metric_current_value ?? start)
    : null;
  const done = goal.milestones.filter((m) => m.completed).length;
  const total = goal.milestones.length;
  const progressOf = (value: number | null) =>
    metric && target !== null && value !== null
      ? metricProgress(value, start, target, goal.metric_decrease)
      : total === 0
        ? goal.progress_percentage
        : (done / total) * 100;
  const progress = progressOf(current);

  let expected: number | null = null;
  let expectedValue: number | null = null;
  if (goal.started_at && goal.target_date) {
    const s = dayOf(goal.started_at);
    const span = dayOf(goal.target_date) - s;
    const elapsed = Math.min(Math.max(asOf - s, 0), Math.max(span, 0));
    expected = span <= 0 ? 100 : (elapsed / span) * 100;
    if (metric && target !== null) expectedValue = start + ((target - start) * expected) / 100;
  }
  const delta = expected === null ? null : progress - expected;
  const onTrack =
    goal.status === 'completed' || expected === null ? true : progress >= expected - ON_TRACK_TOLERANCE;

  const next = [...goal.milestones].filter((m) => !m.completed).sort((a, b) => a.order - b.order)[0];
  let change: GoalFigures['change'] = null;
  if (period) {
    const before = metric ? progressOf(valueAt(period.from - 1)) : progress;
    const after = metric ? progressOf(valueAt(period.to)) : progress;
    const moved = points.some((p) => p.day >= period.from && p.day <= period.to);
    change = { from: before, to: after, points: after - before, moved };
  }
  return {
    id: goal.id,
    title: goal.title,
    life_area: goal.life_area,
    status: goal.status,
    tracking_type: goal.tracking_type,
    unit: goal.metric_unit,
    start: metric ? start : null,
    target: metric ? target : null,
    current,
    progress,
    expected,
    expected_value: expectedValue,
    delta,
    on_track: onTrack,
    api_on_track: goal.is_on_track,
    projection: metric && target !== null ? project(points, start, target, progress, goal, asOf) : noData(),
    milestones: { done, total, next: next?.title ?? null, next_date: next?.target_date ?? null },
    change,
  };
}

function noData() {
  return { verdict: 'no_data' as const, date: null, rate_per_day: null };
}

/**
 * Projection from the recent rate: (value at the last update − value at the first update of the last 30 days) ÷
 * the days between; with fewer than two updates in the window, the last two updates. A rate that does not move
 * toward the target is "no convergence" (Taskwarrior's burndown wording).
 */
function project(
  points: readonly { day: number; value: number }[],
  start: number,
  target: number,
  progress: number,
  goal: GoalInput,
  asOf: number,
): GoalFigures['projection'] {
  if (progress >= 100) return { verdict: 'reached', date: null, rate_per_day: null };
  let window = points.filter((p) => p.day >= asOf - PROJECTION_WINDOW_DAYS);
  if (window.length < 2) window = points.slice(-2);
  if (window.length < 2) return noData();
  const a = window[0]!;
  const b = window.at(-1)!;
  if (b.day === a.day) return noData();
  const rate = (b.value - a.value) / (b.day - a.day);
  const remaining = target - b.value;
  const towards = Math.sign(target - start) || (goal.metric_decrease ? -1 : 1);
  if (rate * towards <= 0) return { verdict: 'no_convergence', date: null, rate_per_day: rate };
  const day = b.day + Math.ceil(remaining / rate);
  const late = goal.target_date !== null && day > dayOf(goal.target_date);
  return { verdict: late ? 'late' : 'on_pace', date: isoOf(day), rate_per_day: rate };
}
