import * as z from 'zod';
import type { WebhookEventName } from '../constants.js';
import { DateOnly, DateTime, Id, normalised } from '../schemas/common.js';

// The `data` of each documented event, from the docs' examples. Loose objects: new fields pass through. Enum-like
// fields (priority, frequency…) stay plain strings: a new value must not make a delivery fail verification.

const Count = z.number().int();

export const HabitCreatedDataSchema = z.looseObject({
  habit_id: Id,
  habit_name: z.string(),
  frequency: z.string(),
  tracking_mode: z.string(),
  created_at: DateTime,
});

export const HabitArchivedDataSchema = z.looseObject({
  habit_id: Id,
  habit_name: z.string(),
  longest_streak: Count,
});

const HabitCompletedShape = z.looseObject({
  habit_id: Id,
  habit_name: z.string(),
  check_date: DateOnly,
  streak: Count,
  /** Announcement-era names, kept when the delivery uses them. */
  name: z.string().optional(),
  checked_date: DateOnly.optional(),
  streak_current: Count.optional(),
  streak_longest: Count.optional(),
});

/**
 * The announcement's habit.completed data (`name`, `checked_date`, `streak_current`, `streak_longest`) gets the
 * docs' names copied onto it, so one typed shape covers both; the original fields stay as sent.
 */
function alignHabitCompleted(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const d = input as Record<string, unknown>;
  if ('habit_name' in d || !('name' in d)) return input;
  return { ...d, habit_name: d.name, check_date: d.checked_date, streak: d.streak_current };
}

export const HabitCompletedDataSchema = normalised(alignHabitCompleted, HabitCompletedShape);

export const TaskCreatedDataSchema = z.looseObject({
  task_id: Id,
  task_title: z.string(),
  priority: z.string().nullable(),
  planned_day: DateOnly.nullable(),
  goal_id: Id.nullable(),
  is_recurring: z.boolean(),
});

export const TaskCompletedDataSchema = z.looseObject({
  task_id: Id,
  task_title: z.string(),
  is_goal_task: z.boolean(),
  goal_id: Id.nullable(),
  completed_at: DateTime,
});

export const TaskCancelledDataSchema = z.looseObject({
  task_id: Id,
  task_title: z.string(),
  cancelled_at: DateTime,
});

export const GoalCreatedDataSchema = z.looseObject({
  goal_id: Id,
  goal_title: z.string(),
  life_area: z.string().nullable(),
  time_horizon: z.string(),
  tracking_type: z.string(),
  target_date: DateOnly.nullable(),
});

export const GoalProgressChangedDataSchema = z.looseObject({
  goal_id: Id,
  goal_title: z.string(),
  previous_progress: z.number(),
  new_progress: z.number(),
  milestone_crossed: z.number(),
});

export const GoalCompletedDataSchema = z.looseObject({
  goal_id: Id,
  goal_title: z.string(),
  time_horizon: z.string(),
  progress_percentage: z.number(),
  completed_at: DateTime,
});

export const GoalMilestoneReachedDataSchema = z.looseObject({
  goal_id: Id,
  goal_title: z.string(),
  milestone_id: Id,
  milestone_title: z.string(),
  progress_percentage: z.number(),
});

export const FocusSessionStartedDataSchema = z.looseObject({
  session_id: Id,
  title: z.string().nullable(),
  /** Seconds. */
  planned_duration: Count.nullable(),
  task_id: Id.nullable(),
  habit_id: Id.nullable(),
  started_at: DateTime,
});

export const FocusSessionCompletedDataSchema = z.looseObject({
  session_id: Id,
  title: z.string().nullable(),
  duration_seconds: Count,
  /** Seconds. */
  planned_duration: Count.nullable(),
});

export const BadgeUnlockedDataSchema = z.looseObject({
  badge_key: z.string(),
  badge_name: z.string(),
  badge_rarity: z.string(),
  points_earned: Count,
});

export const LevelUpDataSchema = z.looseObject({
  new_level: Count,
  previous_level: Count,
  tier_name: z.string(),
  total_points: Count,
});

export const CheckinCompletedDataSchema = z.looseObject({
  checkin_id: Id,
  date: DateOnly,
});

/** The data schema of every documented event, in the docs' order (the names are `WEBHOOK_EVENT_NAMES`). */
export const WEBHOOK_EVENT_DATA_SCHEMAS = {
  'habit.created': HabitCreatedDataSchema,
  'habit.archived': HabitArchivedDataSchema,
  'habit.completed': HabitCompletedDataSchema,
  'task.created': TaskCreatedDataSchema,
  'task.completed': TaskCompletedDataSchema,
  'task.cancelled': TaskCancelledDataSchema,
  'goal.created': GoalCreatedDataSchema,
  'goal.progress_changed': GoalProgressChangedDataSchema,
  'goal.completed': GoalCompletedDataSchema,
  'goal.milestone_reached': GoalMilestoneReachedDataSchema,
  'focus_session.started': FocusSessionStartedDataSchema,
  'focus_session.completed': FocusSessionCompletedDataSchema,
  'badge.unlocked': BadgeUnlockedDataSchema,
  'level.up': LevelUpDataSchema,
  'checkin.completed': CheckinCompletedDataSchema,
} as const satisfies { readonly [N in WebhookEventName]: z.ZodType };

/** The validated `data` of event `N`, e.g. `WebhookEventData<'level.up'>`. */
export type WebhookEventData<N extends WebhookEventName> = z.output<(typeof WEBHOOK_EVENT_DATA_SCHEMAS)[N]>;

export type HabitCreatedData = WebhookEventData<'habit.created'>;
export type HabitArchivedData = WebhookEventData<'habit.archived'>;
export type HabitCompletedData = WebhookEventData<'habit.completed'>;
export type TaskCreatedData = WebhookEventData<'task.created'>;
export type TaskCompletedData = WebhookEventData<'task.completed'>;
export type TaskCancelledData = WebhookEventData<'task.cancelled'>;
export type GoalCreatedData = WebhookEventData<'goal.created'>;
export type GoalProgressChangedData = WebhookEventData<'goal.progress_changed'>;
export type GoalCompletedData = WebhookEventData<'goal.completed'>;
export type GoalMilestoneReachedData = WebhookEventData<'goal.milestone_reached'>;
export type FocusSessionStartedData = WebhookEventData<'focus_session.started'>;
export type FocusSessionCompletedData = WebhookEventData<'focus_session.completed'>;
export type BadgeUnlockedData = WebhookEventData<'badge.unlocked'>;
export type LevelUpData = WebhookEventData<'level.up'>;
export type CheckinCompletedData = WebhookEventData<'checkin.completed'>;
