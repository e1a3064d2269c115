import { localDate } from '../../account/local-date.js';
import { flatCell } from '../../output/flatten.js';

// Column layouts of the CSV export: fixed order, one file per resource and per child, children first carrying
// their parent's id. Datetimes stay as the API sends them (ISO with offset); the main ones get a `_local_date`
// companion in the profile's time zone so spreadsheets can group by day without time-zone formulas.

type Row = Record<string, unknown>;
export interface Column {
  name: string;
  get: (row: Row, zone: string) => string;
}

const f = (name: string, from = name): Column => ({ name, get: (row) => flatCell(row[from]) });
const local = (name: string): Column => ({
  name: `${name}_local_date`,
  get: (row, zone) => localDate(row[name] as string | null, zone),
});
const nested = (name: string, object: string, key: string): Column => ({
  name,
  get: (row) => flatCell((row[object] as Row | null | undefined)?.[key]),
});

export const PROFILE_COLUMNS: Column[] = [
  'id',
  'username',
  'email',
  'bio',
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
].map((n) => f(n));

export const HABIT_COLUMNS: Column[] = [
  ...[
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
  ].map((n) => f(n)),
  local('created_at'),
  f('updated_at'),
];

export const CHECK_COLUMNS: Column[] = [
  f('id'),
  f('habit_id'),
  f('date'),
  f('checked_at'),
  local('checked_at'),
  f('source'),
  f('note'),
  f('contribution_count'),
];

export const SKIP_COLUMNS: Column[] = ['id', 'habit_id', 'date', 'reason', 'note'].map((n) => f(n));

export const TASK_COLUMNS: Column[] = [
  ...[
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
  ].map((n) => f(n)),
  nested('recurrence_type', 'recurrence', 'type'),
  nested('recurrence_interval', 'recurrence', 'interval'),
  nested('recurrence_days', 'recurrence', 'days'),
  nested('recurrence_is_template', 'recurrence', 'is_template'),
  nested('recurrence_parent_id', 'recurrence', 'parent_id'),
  f('created_at'),
  local('created_at'),
  f('completed_at'),
  local('completed_at'),
  f('cancelled_at'),
  f('updated_at'),
];

export const SUBTASK_COLUMNS: Column[] = [
  f('id'),
  f('task_id'),
  f('title'),
  f('status'),
  f('completed_at'),
  local('completed_at'),
];

export const TASK_TAG_COLUMNS: Column[] = [f('task_id'), f('tag_id'), f('name'), f('color')];

export const GOAL_COLUMNS: Column[] = [
  ...[
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
    'created_at',
    'updated_at',
  ].map((n) => f(n)),
];

export const MILESTONE_COLUMNS: Column[] = [
  f('id'),
  f('goal_id'),
  f('title'),
  f('completed'),
  f('order'),
  f('target_date'),
  f('completed_at'),
];

export const GOAL_UPDATE_COLUMNS: Column[] = [
  f('id'),
  f('goal_id'),
  f('metric_value'),
  f('note'),
  f('update_date'),
  local('update_date'),
  f('created_at'),
];

export const FOCUS_COLUMNS: Column[] = [
  f('id'),
  f('title'),
  f('status'),
  f('started_at'),
  local('started_at'),
  f('ended_at'),
  f('planned_duration_seconds'),
  f('actual_duration_seconds'),
  f('total_paused_seconds'),
  f('session_number'),
  f('points_earned'),
  f('task_id'),
  f('habit_id'),
  f('notes'),
  f('created_at'),
  f('updated_at'),
];

export const FOCUS_TAG_COLUMNS: Column[] = [f('focus_session_id'), f('tag_id'), f('name'), f('color')];

export const HABIT_DAY_COLUMNS = ['habit_id', 'habit_name', 'date', 'weekday', 'status', 'checks'] as const;

export const DAILY_COLUMNS = [
  'date',
  'habits_done',
  'habits_due',
  'habits_skipped',
  'tasks_created',
  'tasks_completed',
  'focus_minutes',
  'focus_sessions',
] as const;
