import type {
  FocusSession,
  Goal,
  GoalUpdate,
  FullHabit as Habit,
  HabitCheck,
  HabitSkip,
  Profile,
  Tag,
  Task,
} from '@loggd/sdk';

/**
 * The mock's in-memory dataset. Plain arrays plus Map indexes: a data-modelling library costs ~1 s and
 * ~235 MB per 100k records, and the benchmarks ask for a million checks.
 *
 * Records are stored in their wire shape (what the API sends), so responses are the records themselves.
 * Ids are unique across users, which is what lets the mock answer 404 (never 403) for another user's resource.
 */
export interface Account {
  userId: number;
  /** false = downgraded: every request answers 403 requires_pro. */
  pro: boolean;
  profile: Profile;
  /** Every habit of the user (active and archived), ascending id. */
  habits: Habit[];
  /** habit id → its checks, NEWEST FIRST (the order the API lists them in). */
  checks: Map<number, HabitCheck[]>;
  /** habit id → its skips, newest first. */
  skips: Map<number, HabitSkip[]>;
  /** Top-level tasks in their full single-task shape (subtasks, tags, recurrence), ascending id. */
  tasks: Task[];
  /** Every goal with milestones inline, ascending id. */
  goals: Goal[];
  /** goal id → metric updates, newest first. */
  goalUpdates: Map<number, GoalUpdate[]>;
  /** Every focus session, ascending id. */
  focusSessions: FocusSession[];
  /** The user's tags (the ones tasks and focus sessions embed), ascending id. */
  tags: Tag[];
}

/** Resource kinds that get ids; one counter per kind, shared by every account so ids are unique across users. */
export type IdKind =
  | 'habit'
  | 'check'
  | 'skip'
  | 'task'
  | 'tag'
  | 'goal'
  | 'milestone'
  | 'goalUpdate'
  | 'focusSession';

/** The last id handed out per kind (`nextId` increments it). Subtasks use the 'task' counter. */
export type IdCounters = Record<IdKind, number>;

/** The streak fields of a habit, as derived from its checks and skips (see data/streaks.ts for the rules). */
export interface HabitStats {
  current_streak: number;
  longest_streak: number;
  checked_today: boolean;
  last_checked_at: string | null;
}

export interface Dataset {
  /** The clock instant the history ends at (ISO string), and the seed and scale that produced it. */
  generatedAt: string;
  seed: number;
  scale: number;
  accounts: Account[];
  /** id → owning user id, one map per resource kind, for O(1) lookups and cross-user 404s. */
  owners: {
    habits: Map<number, number>;
    tasks: Map<number, number>;
    goals: Map<number, number>;
    focusSessions: Map<number, number>;
  };
  /** Id allocator state: see `nextId` in data/ids.ts. */
  counters: IdCounters;
}

export interface GenerateOptions {
  /** Same seed (and same `now`) → byte-identical data. Default 1. */
  seed?: number;
  /** The instant the demo history ends at. Default: the current time. */
  now?: Date;
  /** Size multiplier of the demo account: 1 = ~12 habits and ~2.6k checks a year. Habits, goals and one-off
   * tasks grow linearly (scale 433 with 1 year holds ~1M checks); recurring series and focus sessions grow
   * with √scale to keep big scales lean. Other accounts keep their size. */
  scale?: number;
  /** Years of history. Default 1. */
  years?: number;
}
