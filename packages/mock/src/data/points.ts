/*
 * Gamification consistency: total_points is the sum of what the history earned, and the level follows from it.
 * Reaching level L takes 50·L·(L−1) points (level 2 at 100, 7 at 2100, 8 at 2800: the docs' example profile,
 * 2500 points, is level 7).
 */

/** Points a habit check earns. */
export const CHECK_POINTS = 5;
/** Points a completed top-level task earns. */
export const TASK_POINTS = 10;
/** Points a completed milestone earns. */
export const MILESTONE_POINTS = 50;

/** Points a completed focus session earns: one per started 6 minutes of focus (25 min → 4, as in the docs). */
export function focusPoints(actualSeconds: number): number {
  return Math.floor(actualSeconds / 360);
}

/** Minimum total points of a level (level 1 starts at 0). */
export function pointsForLevel(level: number): number {
  return 50 * level * (level - 1);
}

/** The level a point total reaches: the largest L with 50·L·(L−1) ≤ points (at least 1). */
export function levelForPoints(points: number): number {
  if (!(points > 0)) return 1;
  let level = Math.max(1, Math.floor((1 + Math.sqrt(1 + points / 12.5)) / 2));
  // Guard the float estimate at exact thresholds.
  while (pointsForLevel(level + 1) <= points) level++;
  while (level > 1 && pointsForLevel(level) > points) level--;
  return level;
}
