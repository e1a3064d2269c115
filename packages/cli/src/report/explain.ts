import { ON_TRACK_TOLERANCE, PROJECTION_WINDOW_DAYS } from './compute/goals.js';

/** The formulas behind each report (`--explain`, docs/reports.md). One sentence each, in plain words. */
export const EXPLAIN = {
  days: 'Days are calendar dates in the profile’s time zone; a check keeps its recorded date. Instants (task and focus times) are placed on the local day they fall in, with --day-starts-at moving the day boundary; a week starts on the profile’s week_start_day.',
  due: 'Due: a daily habit every day, a custom-days habit on its days, a weekly habit weekly_target times per week (its weeks are counted in the period their first day falls in). Today is not due until it is checked (it is "at risk", not missed); future days are never due.',
  completion:
    'Completion rate = done ÷ due. Skipped days are excluded from due; a weekly-target week short of its target is due only for target − skipped days.',
  streaks:
    'Streaks: a checked due day (or a week reaching its target) extends the run; a skipped day neither breaks nor extends it; a past due day left unchecked breaks it; checks on days that are not due are ignored. Current streak = the run ending at the range end; longest = the longest run in the whole history up to it.',
  strength:
    'Habit strength (Loop Habit Tracker’s score): f = 1 for daily habits, k/7 for k custom days, target/7 for weekly ones (numerator and denominator doubled when f < 1); m = 0.5^(√f/13); each day score = score·m + p·(1−m) with p = min(1, checks in the last denominator days ÷ numerator); a skipped day leaves the score unchanged. A perfect daily record reaches 80 % after 30 days.',
  focus:
    'Focus hours: completed sessions; actual_duration_seconds (wall time minus pauses when absent) split over the local days the session spans in proportion to its wall-clock time, so a session crossing midnight counts on both days. Average length, pause share (paused ÷ (focused + paused)) and planned vs actual (Σ actual ÷ Σ planned) use the sessions that started in the range.',
  tasks:
    'Tasks: created counts created_at, completed counts completed_at, cancelled counts cancelled_at, each in its local day; net = created − completed − cancelled; Average = totals ÷ periods. Completion rate by priority/category = completed ÷ (created − cancelled) among tasks created in the range. On time = completed on or before planned_day, among tasks completed in the range that had one.',
  goals: `Goals: progress = (current − start) ÷ (target − start) (milestone goals: completed ÷ all); expected = start + (target − start) · elapsed ÷ total days from started_at to target_date; on track when progress ≥ expected − ${ON_TRACK_TOLERANCE} points (the docs’ 10 % rule). Projection: the rate of the metric over the updates of the last ${PROJECTION_WINDOW_DAYS} days (or the last two updates), extended to the target; a rate not moving toward it is "no convergence".`,
  points:
    'Points: points_earned of the completed focus sessions that started in the period (the API exposes no per-day points for habits and tasks).',
} as const;
