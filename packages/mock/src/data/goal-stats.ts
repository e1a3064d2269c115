import type { Goal, GoalUpdate } from '@loggd/sdk';
import { dayOf } from './calendar.js';
import { localDayOf } from './zone.js';

/*
 * Goal rules (from the docs' wording, made exact):
 * - progress_percentage: metric goals (current − start) / (target − start) × 100, clamped to 0…100 and rounded
 *   to an integer (the same formula covers metric_decrease goals, whose target is below the start); a target
 *   equal to the start counts as 100 once reached. Milestone goals: completed milestones / all × 100 (0 if none).
 * - trend: from the two newest updates: a rise is 'up' and a fall 'down', inverted when metric_decrease is true
 *   (lower is better), equal or fewer than two updates → 'neutral'. So 'up' always means "improving".
 * - is_on_track: expected = the linear share of the days from started_at to target_date elapsed today (0…100);
 *   on track when progress ≥ expected − 10 (percentage points; being ahead is on track). Completed goals and
 *   goals without both dates are on track.
 */

/** The tolerance (percentage points) behind expected pace that still counts as on track. */
export const ON_TRACK_TOLERANCE = 10;

/** Progress of a goal, 0…100, from its metric values or its milestones. */
export function goalProgress(goal: Goal): number {
  if (goal.tracking_type === 'milestone') {
    const total = goal.milestones.length;
    if (total === 0) return 0;
    return Math.round((goal.milestones.filter((m) => m.completed).length / total) * 100);
  }
  const start = goal.metric_start_value ?? 0;
  const target = goal.metric_target_value;
  const current = goal.metric_current_value ?? start;
  if (target === null) return 0;
  if (target === start) {
    const reached = goal.metric_decrease ? current <= target : current >= target;
    return reached ? 100 : 0;
  }
  const share = ((current - start) / (target - start)) * 100;
  return Math.round(Math.min(100, Math.max(0, share)));
}

/** Updates newest first by update_date (then id): the order the API lists them in. */
export function newestFirst(updates: readonly GoalUpdate[]): GoalUpdate[] {
  return [...updates].sort((a, b) =>
    a.update_date === b.update_date ? b.id - a.id : a.update_date < b.update_date ? 1 : -1,
  );
}

/** 'up' (improving), 'down' or 'neutral' from the two newest updates. */
export function goalTrend(
  goal: Pick<Goal, 'metric_decrease'>,
  updates: readonly GoalUpdate[],
): Goal['trend'] {
  if (updates.length < 2) return 'neutral';
  const [latest, previous] = newestFirst(updates);
  const delta = latest!.metric_value - previous!.metric_value;
  if (delta === 0) return 'neutral';
  return delta > 0 !== goal.metric_decrease ? 'up' : 'down';
}

/** Whether `progress` keeps within the tolerance of the linear pace from started_at to target_date on `today`. */
export function goalOnTrack(goal: Goal, progress: number, today: number): boolean {
  if (goal.status === 'completed' || !goal.started_at || !goal.target_date) return true;
  const start = dayOf(goal.started_at);
  const total = dayOf(goal.target_date) - start;
  const elapsed = Math.min(Math.max(today - start, 0), Math.max(total, 0));
  const expected = total <= 0 ? 100 : (elapsed / total) * 100;
  return progress >= expected - ON_TRACK_TOLERANCE;
}

/**
 * A goal with its derived fields recomputed from its updates at `now` (local dates in `timeZone`): metric goals
 * take `metric_current_value`, `last_update_note` and `last_reviewed_at` from the newest update, then
 * `updates_count`, `progress_percentage`, `trend` and `is_on_track` follow the rules above. Pure: returns a copy.
 *
 * @example account.goals[i] = recomputeGoalStats(goal, account.goalUpdates.get(goal.id) ?? [], clock.now(), tz)
 */
export function recomputeGoalStats(
  goal: Goal,
  updates: readonly GoalUpdate[],
  now: Date | number,
  timeZone = 'UTC',
): Goal {
  const next: Goal = { ...goal, updates_count: updates.length };
  const latest = newestFirst(updates)[0];
  if (latest && goal.tracking_type === 'metric') {
    next.metric_current_value = latest.metric_value;
    next.last_update_note = latest.note;
    next.last_reviewed_at = latest.created_at;
  }
  const nowMs = typeof now === 'number' ? now : now.getTime();
  next.progress_percentage = goalProgress(next);
  next.trend = goalTrend(next, updates);
  next.is_on_track = goalOnTrack(next, next.progress_percentage, localDayOf(nowMs, timeZone));
  return next;
}
