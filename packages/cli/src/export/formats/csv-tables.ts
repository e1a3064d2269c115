import { flatCell, flatHeader } from '../../output/flatten.js';
import {
  FOCUS_SESSION,
  GOAL,
  GOAL_UPDATE,
  HABIT,
  HABIT_CHECK,
  HABIT_SKIP,
  PROFILE,
  type ResourceSpec,
  TASK,
} from '../../resources/spec.js';
import { localDate } from '../../time/zone.js';

// Column layouts of the CSV export: fixed order, one file per resource and per child, children first carrying
// their parent's id. Datetimes stay as the API sends them (ISO with offset); the main ones get a `_local_date`
// companion in the profile's time zone so spreadsheets can group by day without time-zone formulas. A resource's
// columns are its fields as the CLI lists them (resources/spec.ts), laid out by a CsvLayout: a field the API adds
// reaches the export by being added there.

type Row = Record<string, unknown>;
export interface Column {
  name: string;
  get: (row: Row, zone: string) => string;
}

const f = (name: string): Column => ({ name, get: (row) => flatCell(row[name]) });
const local = (name: string): Column => ({
  name: `${name}_local_date`,
  get: (row, zone) => localDate(row[name] as string | null, zone),
});
const nested = (object: string, key: string): Column => ({
  name: flatHeader(`${object}.${key}`),
  get: (row) => flatCell((row[object] as Row | null | undefined)?.[key]),
});

/** How the export lays a resource's fields out as columns (the documented order of docs/export.md). */
export interface CsvLayout {
  /** The parent's id, right after `id` (a child's file carries it). */
  parent?: string;
  /** Fields left out: arrays exported as files of their own, and fields the export does not carry. */
  omit?: readonly string[];
  /** Fields placed right after another field instead of in the API's order. */
  after?: Readonly<Record<string, string>>;
  /** Datetimes followed by a `<name>_local_date` column. */
  local?: readonly string[];
  /** Object fields flattened into these sub-keys, in this order (`recurrence_type`, as list output names them). */
  expand?: Readonly<Record<string, readonly string[]>>;
}

/** The CSV columns of a resource: its spec's fields laid out by `layout`. */
export function columnsOf(spec: Pick<ResourceSpec, 'fields'>, layout: CsvLayout = {}): Column[] {
  const moved = layout.after ?? {};
  const order = spec.fields.filter((n) => !layout.omit?.includes(n) && !(n in moved));
  if (layout.parent) order.splice(order.indexOf('id') + 1, 0, layout.parent);
  for (const [field, anchor] of Object.entries(moved)) order.splice(order.indexOf(anchor) + 1, 0, field);
  return order.flatMap((name) => {
    const keys = layout.expand?.[name];
    if (keys) return keys.map((key) => nested(name, key));
    return layout.local?.includes(name) ? [f(name), local(name)] : [f(name)];
  });
}

export const PROFILE_COLUMNS = columnsOf(PROFILE, { omit: ['avatar_id', 'avatar_animated'] });

export const HABIT_COLUMNS = columnsOf(HABIT, { local: ['created_at'] });

export const CHECK_COLUMNS = columnsOf(HABIT_CHECK, {
  parent: 'habit_id',
  after: { checked_at: 'date' },
  local: ['checked_at'],
});

export const SKIP_COLUMNS = columnsOf(HABIT_SKIP, { parent: 'habit_id' });

export const TASK_COLUMNS = columnsOf(TASK, {
  omit: ['subtasks', 'tags'],
  expand: { recurrence: ['type', 'interval', 'days', 'is_template', 'parent_id'] },
  after: { created_at: 'recurrence' },
  local: ['created_at', 'completed_at'],
});

export const SUBTASK_COLUMNS: Column[] = [
  f('id'),
  f('task_id'),
  f('title'),
  f('status'),
  f('completed_at'),
  local('completed_at'),
];

export const TASK_TAG_COLUMNS: Column[] = [f('task_id'), f('tag_id'), f('name'), f('color')];

export const GOAL_COLUMNS = columnsOf(GOAL, { omit: ['milestones'] });

export const MILESTONE_COLUMNS: Column[] = [
  f('id'),
  f('goal_id'),
  f('title'),
  f('completed'),
  f('order'),
  f('target_date'),
  f('completed_at'),
];

export const GOAL_UPDATE_COLUMNS = columnsOf(GOAL_UPDATE, { parent: 'goal_id', local: ['update_date'] });

export const FOCUS_COLUMNS = columnsOf(FOCUS_SESSION, { omit: ['tags'], local: ['started_at'] });

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
