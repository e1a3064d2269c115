/**
 * Static description of every resource the CLI prints: its fields (for --fields validation and help), the
 * columns a table shows by default, and the query-parameter vocabularies. Imports only `@loggd/sdk/constants`
 * (no zod) so `--help` stays light; test/spec.test.ts checks the field lists against the SDK's schemas.
 */

export {
  FOCUS_STATUS_FILTERS,
  GOAL_STATUS_FILTERS,
  HABIT_STATUS_FILTERS,
  TASK_STATUS_FILTERS,
  TIME_HORIZONS,
} from '@loggd/sdk/constants';

export interface ResourceSpec {
  /** Singular noun for messages ("habit"). */
  noun: string;
  /** Every documented top-level field, in the API's order. */
  fields: readonly string[];
  /** Columns a table shows when --fields is not given. */
  tableColumns: readonly string[];
  /** Known sub-keys of object-valued fields, so CSV headers do not depend on the data (see flatten.ts). */
  nested?: Readonly<Record<string, readonly string[]>>;
}

export const HABIT: ResourceSpec = {
  noun: 'habit',
  fields: [
    'id',
    'name',
    'description',
    'emoji',
    'color',
    'url',
    'frequency',
    'custom_days',
    'tracking_mode',
    'weekly_target',
    'daily_time_goal',
    'data_source',
    'allow_multiple_checks',
    'display_order',
    'current_streak',
    'longest_streak',
    'status',
    'start_date',
    'checked_today',
    'last_checked_at',
    'created_at',
    'updated_at',
  ],
  tableColumns: [
    'id',
    'name',
    'frequency',
    'current_streak',
    'longest_streak',
    'checked_today',
    'last_checked_at',
  ],
};

export const HABIT_CHECK: ResourceSpec = {
  noun: 'check',
  fields: ['id', 'date', 'source', 'note', 'contribution_count', 'checked_at'],
  tableColumns: ['id', 'date', 'checked_at', 'source', 'contribution_count', 'note'],
};

export const HABIT_SKIP: ResourceSpec = {
  noun: 'skip',
  fields: ['id', 'date', 'reason', 'note'],
  tableColumns: ['id', 'date', 'reason', 'note'],
};

export const RECURRENCE_FIELDS = [
  'is_template',
  'parent_id',
  'type',
  'interval',
  'days',
  'based_on',
  'ends_at',
  'end_count',
  'completed_count',
  'next_occurrence_date',
] as const;

export const TASK: ResourceSpec = {
  noun: 'task',
  fields: [
    'id',
    'title',
    'description',
    'status',
    'priority',
    'category',
    'source',
    'planned_day',
    'planned_week_start',
    'due_time',
    'goal_id',
    'goal_milestone_id',
    'parent_task_id',
    'completion_note',
    'recurrence',
    'subtasks',
    'tags',
    'completed_at',
    'cancelled_at',
    'created_at',
    'updated_at',
  ],
  tableColumns: ['id', 'title', 'status', 'priority', 'planned_day', 'due_time', 'tags'],
  nested: { recurrence: RECURRENCE_FIELDS },
};

export const GOAL: ResourceSpec = {
  noun: 'goal',
  fields: [
    'id',
    'title',
    'description',
    'notes',
    'life_area',
    'time_horizon',
    'tracking_type',
    'status',
    'progress_percentage',
    'is_on_track',
    'trend',
    'metric_unit',
    'metric_start_value',
    'metric_target_value',
    'metric_current_value',
    'metric_decrease',
    'metric_value_type',
    'last_update_note',
    'started_at',
    'target_date',
    'completed_at',
    'last_reviewed_at',
    'updates_count',
    'milestones',
    'created_at',
    'updated_at',
  ],
  tableColumns: [
    'id',
    'title',
    'time_horizon',
    'status',
    'progress_percentage',
    'trend',
    'is_on_track',
    'target_date',
  ],
};

export const GOAL_UPDATE: ResourceSpec = {
  noun: 'goal update',
  fields: ['id', 'metric_value', 'note', 'update_date', 'created_at'],
  tableColumns: ['id', 'update_date', 'metric_value', 'note'],
};

export const FOCUS_SESSION: ResourceSpec = {
  noun: 'focus session',
  fields: [
    'id',
    'title',
    'status',
    'started_at',
    'ended_at',
    'planned_duration_seconds',
    'actual_duration_seconds',
    'total_paused_seconds',
    'session_number',
    'points_earned',
    'task_id',
    'habit_id',
    'notes',
    'tags',
    'created_at',
    'updated_at',
  ],
  tableColumns: ['id', 'title', 'status', 'started_at', 'actual_duration_seconds', 'points_earned', 'tags'],
};

export const PROFILE: ResourceSpec = {
  noun: 'profile',
  fields: [
    'id',
    'username',
    'email',
    'bio',
    'avatar_id',
    'avatar_animated',
    'timezone',
    'week_start_day',
    'level',
    'total_points',
    'monthly_points',
    'current_streak',
    'longest_streak',
    'subscription_tier',
    'subscription_expires_at',
    'created_at',
  ],
  tableColumns: [
    'username',
    'email',
    'timezone',
    'week_start_day',
    'level',
    'total_points',
    'monthly_points',
    'current_streak',
    'longest_streak',
    'subscription_tier',
    'subscription_expires_at',
  ],
};
