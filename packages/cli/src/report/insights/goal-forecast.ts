import { instantOf } from '../../time/instant.js';
import { localDayOfInstant } from '../../time/zone.js';
import { dayOf, isoOf } from '../compute/calendar.js';
import type { GoalInput, GoalUpdateInput } from '../compute/goals.js';
import { inverseRegression, leastSquares } from './stats.js';

/** Days of update history the forecast's line is fitted to. */
export const FORECAST_WINDOW_DAYS = 60;
/** Fewest updates (on at least two days) the fit needs. */
export const MIN_FORECAST_UPDATES = 3;

export type ForecastVerdict =
  | 'ahead'
  | 'on_track'
  | 'behind'
  /** Dated, but the goal has no target date to compare with. */
  | 'projected'
  | 'reached'
  | 'uncertain'
  | 'stalled'
  | 'no_data';

export interface GoalForecast {
  id: number;
  title: string;
  unit: string | null;
  current: number | null;
  target: number;
  target_date: string | null;
  updates_used: number;
  /** Fitted change per day, and the residual standard error of the fit. */
  rate_per_day: number | null;
  residual_se: number | null;
  /** When the fitted line reaches the target, and the 95 % inverse-regression interval (null: unbounded). */
  projected: string | null;
  interval: [string, string] | null;
  verdict: ForecastVerdict;
  /** Days ahead of (or behind) the target date: target_date − projected, positive when ahead. */
  days: number | null;
}

/**
 * A metric goal's completion date from its recent progress updates: least squares of value on local day over the
 * updates of the last FORECAST_WINDOW_DAYS days, solved for the target, with the inverse-regression interval from
 * the residuals. Against target_date: ahead or behind by N days when the whole interval is before or after it,
 * on track when the interval holds it; uncertain when the interval does not close (the slope is not clearly ≠ 0).
 */
export function goalForecast(
  goal: GoalInput,
  updates: readonly GoalUpdateInput[],
  today: number,
  zone: string,
  dayStartsAt: number,
): GoalForecast | null {
  if (goal.tracking_type === 'milestone' || goal.metric_target_value === null) return null;
  const target = goal.metric_target_value;
  const points = updates
    .map((u) => ({
      day: localDayOfInstant(instantOf(u.update_date), zone, dayStartsAt),
      value: u.metric_value,
    }))
    .filter((p) => p.day <= today)
    .sort((a, b) => a.day - b.day);
  const current = points.at(-1)?.value ?? goal.metric_current_value;
  const base: GoalForecast = {
    id: goal.id,
    title: goal.title,
    unit: goal.metric_unit,
    current,
    target,
    target_date: goal.target_date ? goal.target_date.slice(0, 10) : null,
    updates_used: 0,
    rate_per_day: null,
    residual_se: null,
    projected: null,
    interval: null,
    verdict: 'no_data',
    days: null,
  };
  const start = goal.metric_start_value ?? points[0]?.value ?? 0;
  const decreasing = target < start || (target === start && goal.metric_decrease);
  if (current !== null && (decreasing ? current <= target : current >= target))
    return { ...base, verdict: 'reached' };
  const recent = points.filter((p) => p.day > today - FORECAST_WINDOW_DAYS);
  if (recent.length < MIN_FORECAST_UPDATES || new Set(recent.map((p) => p.day)).size < 2)
    return { ...base, updates_used: recent.length };
  // Days counted from today keep the numbers small (the fit is the same).
  const fit = leastSquares(
    recent.map((p) => p.day - today),
    recent.map((p) => p.value),
  )!;
  const fitted = { ...base, updates_used: recent.length, rate_per_day: fit.slope, residual_se: fit.s };
  if (fit.slope === 0 || (decreasing ? fit.slope > 0 : fit.slope < 0))
    return { ...fitted, verdict: 'stalled' };
  const { x, lo, hi } = inverseRegression(fit, target);
  const projectedDay = today + Math.max(0, Math.ceil(x!));
  const withDate = { ...fitted, projected: isoOf(projectedDay) };
  if (lo === null || hi === null) return { ...withDate, verdict: 'uncertain' };
  const interval: [string, string] = [isoOf(today + Math.ceil(lo)), isoOf(today + Math.ceil(hi))];
  if (!base.target_date) return { ...withDate, interval, verdict: 'projected' };
  const end = dayOf(base.target_date);
  const days = end - projectedDay;
  const verdict = today + hi < end ? 'ahead' : today + lo > end ? 'behind' : 'on_track';
  return { ...withDate, interval, verdict, days };
}
