import type { Goal, Habit } from '@loggd/sdk';
import { recomputeGoalStats } from './data/goal-stats.js';
import { nextId } from './data/ids.js';
import { levelForPoints } from './data/points.js';
import { recomputeHabitStats } from './data/streaks.js';
import type { Account, Dataset, IdKind } from './data/types.js';

/** The data generator's derivations, adapted to how the control actions mutate records in place. */
export interface DataHelpers {
  recomputeHabitStats(account: Account, habit: Habit, nowMs: number): void;
  recomputeGoalStats(account: Account, goal: Goal, nowMs: number): void;
  levelForPoints(points: number): { level: number; tier: string };
  nextId(dataset: Dataset, kind: IdKind): number;
}

/** Tier names by level; the docs' example pairs level 5 with "Adventurer". */
const TIERS: [number, string][] = [
  [20, 'Legend'],
  [15, 'Champion'],
  [10, 'Hero'],
  [5, 'Adventurer'],
  [3, 'Apprentice'],
  [1, 'Novice'],
];

export const dataHelpers: DataHelpers = {
  nextId,
  recomputeHabitStats(account, habit, nowMs) {
    Object.assign(habit, recomputeHabitStats(account, habit.id, nowMs));
  },
  recomputeGoalStats(account, goal, nowMs) {
    Object.assign(
      goal,
      recomputeGoalStats(goal, account.goalUpdates.get(goal.id) ?? [], nowMs, account.profile.timezone),
    );
  },
  levelForPoints(points) {
    const level = levelForPoints(points);
    return { level, tier: TIERS.find(([min]) => level >= min)![1] };
  },
};
