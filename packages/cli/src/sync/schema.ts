/**
 * The SQLite mirror's schema (version 1). Primary keys are the API ids; every row keeps the API object in `raw`
 * (JSON, unknown fields included) next to typed columns. Datetimes stay ISO text with offset; `*_date` columns
 * hold the calendar day in the profile's time zone, computed at sync time, since SQLite has no time zones.
 */
export const SCHEMA_VERSION = 2;

/** A mirrored table: its name, its columns (first is the key unless `key` says otherwise) and their SQL types. */
export interface TableSpec {
  name: string;
  columns: Record<string, string>;
  key: string[];
}

const t = (name: string, columns: Record<string, string>, key = ['id']): TableSpec => ({
  name,
  columns,
  key,
});

export const TABLES = {
  profile: t('profile', {
    id: 'INTEGER',
    username: 'TEXT',
    email: 'TEXT',
    timezone: 'TEXT',
    week_start_day: 'TEXT',
    level: 'INTEGER',
    total_points: 'INTEGER',
    current_streak: 'INTEGER',
    longest_streak: 'INTEGER',
    created_at: 'TEXT',
    raw: 'TEXT',
  }),
  habits: t('habits', {
    id: 'INTEGER',
    name: 'TEXT',
    description: 'TEXT',
    emoji: 'TEXT',
    color: 'TEXT',
    frequency: 'TEXT',
    custom_days: 'TEXT',
    tracking_mode: 'TEXT',
    weekly_target: 'INTEGER',
    daily_time_goal: 'REAL',
    allow_multiple_checks: 'INTEGER',
    display_order: 'INTEGER',
    current_streak: 'INTEGER',
    longest_streak: 'INTEGER',
    status: 'TEXT',
    start_date: 'TEXT',
    last_checked_at: 'TEXT',
    created_at: 'TEXT',
    updated_at: 'TEXT',
    raw: 'TEXT',
  }),
  habit_checks: t('habit_checks', {
    id: 'INTEGER',
    habit_id: 'INTEGER NOT NULL REFERENCES habits(id) ON DELETE CASCADE',
    date: 'TEXT',
    checked_at: 'TEXT',
    source: 'TEXT',
    note: 'TEXT',
    contribution_count: 'INTEGER',
    raw: 'TEXT',
  }),
  habit_skips: t('habit_skips', {
    id: 'INTEGER',
    habit_id: 'INTEGER NOT NULL REFERENCES habits(id) ON DELETE CASCADE',
    date: 'TEXT',
    reason: 'TEXT',
    note: 'TEXT',
    raw: 'TEXT',
  }),
  tasks: t('tasks', {
    id: 'INTEGER',
    title: 'TEXT',
    description: 'TEXT',
    status: 'TEXT',
    priority: 'TEXT',
    category: 'TEXT',
    source: 'TEXT',
    planned_day: 'TEXT',
    planned_week_start: 'TEXT',
    due_time: 'TEXT',
    goal_id: 'INTEGER',
    goal_milestone_id: 'INTEGER',
    parent_task_id: 'INTEGER',
    completion_note: 'TEXT',
    recurrence: 'TEXT',
    completed_at: 'TEXT',
    cancelled_at: 'TEXT',
    created_at: 'TEXT',
    updated_at: 'TEXT',
    created_date: 'TEXT',
    completed_date: 'TEXT',
    raw: 'TEXT',
  }),
  subtasks: t('subtasks', {
    id: 'INTEGER',
    task_id: 'INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE',
    title: 'TEXT',
    status: 'TEXT',
    completed_at: 'TEXT',
    raw: 'TEXT',
  }),
  tags: t('tags', { id: 'INTEGER', name: 'TEXT', color: 'TEXT' }),
  task_tags: t(
    'task_tags',
    {
      task_id: 'INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE',
      tag_id: 'INTEGER NOT NULL REFERENCES tags(id)',
    },
    ['task_id', 'tag_id'],
  ),
  goals: t('goals', {
    id: 'INTEGER',
    title: 'TEXT',
    life_area: 'TEXT',
    time_horizon: 'TEXT',
    tracking_type: 'TEXT',
    status: 'TEXT',
    progress_percentage: 'REAL',
    is_on_track: 'INTEGER',
    trend: 'TEXT',
    metric_unit: 'TEXT',
    metric_start_value: 'REAL',
    metric_target_value: 'REAL',
    metric_current_value: 'REAL',
    metric_decrease: 'INTEGER',
    started_at: 'TEXT',
    target_date: 'TEXT',
    completed_at: 'TEXT',
    created_at: 'TEXT',
    updated_at: 'TEXT',
    raw: 'TEXT',
  }),
  milestones: t('milestones', {
    id: 'INTEGER',
    goal_id: 'INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE',
    title: 'TEXT',
    completed: 'INTEGER',
    order: 'INTEGER',
    target_date: 'TEXT',
    completed_at: 'TEXT',
    raw: 'TEXT',
  }),
  goal_updates: t('goal_updates', {
    id: 'INTEGER',
    goal_id: 'INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE',
    metric_value: 'REAL',
    note: 'TEXT',
    update_date: 'TEXT',
    update_local_date: 'TEXT',
    created_at: 'TEXT',
    raw: 'TEXT',
  }),
  focus_sessions: t('focus_sessions', {
    id: 'INTEGER',
    title: 'TEXT',
    status: 'TEXT',
    started_at: 'TEXT',
    started_date: 'TEXT',
    ended_at: 'TEXT',
    planned_duration_seconds: 'INTEGER',
    actual_duration_seconds: 'INTEGER',
    total_paused_seconds: 'INTEGER',
    session_number: 'INTEGER',
    points_earned: 'INTEGER',
    task_id: 'INTEGER',
    habit_id: 'INTEGER',
    notes: 'TEXT',
    created_at: 'TEXT',
    updated_at: 'TEXT',
    raw: 'TEXT',
  }),
  // Derived at sync time from habits, checks and skips with the export's habit_days rules (frequency, custom
  // days, weekly targets): one row per habit and day from its start to today.
  habit_days: t(
    'habit_days',
    {
      habit_id: 'INTEGER NOT NULL REFERENCES habits(id) ON DELETE CASCADE',
      date: 'TEXT NOT NULL',
      weekday: 'TEXT NOT NULL',
      status: "TEXT NOT NULL CHECK (status IN ('done', 'skipped', 'missed', 'pending', 'not-due'))",
      checks: 'INTEGER NOT NULL',
    },
    ['habit_id', 'date'],
  ),
  focus_session_tags: t(
    'focus_session_tags',
    {
      focus_session_id: 'INTEGER NOT NULL REFERENCES focus_sessions(id) ON DELETE CASCADE',
      tag_id: 'INTEGER NOT NULL REFERENCES tags(id)',
    },
    ['focus_session_id', 'tag_id'],
  ),
} as const satisfies Record<string, TableSpec>;

export type TableName = keyof typeof TABLES;

function createTable(spec: TableSpec): string {
  const cols = Object.entries(spec.columns).map(([name, type]) => `  "${name}" ${type}`);
  return `CREATE TABLE IF NOT EXISTS ${spec.name} (\n${cols.join(',\n')},\n  PRIMARY KEY (${spec.key.join(', ')})\n);`;
}

const INDEXES = [
  'CREATE INDEX IF NOT EXISTS habit_checks_date ON habit_checks(date)',
  'CREATE INDEX IF NOT EXISTS habit_checks_habit ON habit_checks(habit_id, date)',
  'CREATE INDEX IF NOT EXISTS habit_skips_habit ON habit_skips(habit_id, date)',
  'CREATE INDEX IF NOT EXISTS tasks_created_date ON tasks(created_date)',
  'CREATE INDEX IF NOT EXISTS tasks_completed_date ON tasks(completed_date)',
  'CREATE INDEX IF NOT EXISTS tasks_planned_day ON tasks(planned_day)',
  'CREATE INDEX IF NOT EXISTS subtasks_task ON subtasks(task_id)',
  'CREATE INDEX IF NOT EXISTS milestones_goal ON milestones(goal_id)',
  'CREATE INDEX IF NOT EXISTS goal_updates_goal ON goal_updates(goal_id, update_local_date)',
  'CREATE INDEX IF NOT EXISTS focus_sessions_started_date ON focus_sessions(started_date)',
  'CREATE INDEX IF NOT EXISTS habit_days_date ON habit_days(date, status)',
];

/**
 * The first day of the week holding the date expression `d`, for the profile's week_start_day (kept in `meta`
 * as `week_start_dow`, 0 = Sunday like strftime('%w'); Monday when unknown).
 */
function weekOf(d: string): string {
  const start = "COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'week_start_dow'), 1)";
  return `date(${d}, '-' || ((CAST(strftime('%w', ${d}) AS INTEGER) - ${start} + 7) % 7) || ' days')`;
}

/** strftime('%w') numbers of the API's week_start_day values. */
export const WEEKDAY_NUMBERS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const VIEW_NAMES = [
  'daily_habit_completion',
  'focus_by_day',
  'focus_by_week',
  'focus_by_month',
  'tasks_by_week',
  'goal_progress',
];

// Views are dropped and created on every open, so a database made by an older version gets the current ones.
const VIEWS = [
  `CREATE VIEW daily_habit_completion AS
   SELECT date,
          SUM(status = 'done') AS habits_done,
          SUM(status IN ('done', 'missed', 'pending')) AS habits_due,
          SUM(status = 'missed') AS habits_missed,
          SUM(status = 'skipped') AS habits_skipped,
          SUM(checks) AS checks,
          CASE WHEN SUM(status IN ('done', 'missed', 'pending')) = 0 THEN NULL
               ELSE ROUND(1.0 * SUM(status = 'done') / SUM(status IN ('done', 'missed', 'pending')), 4) END AS completion_rate,
          SUM(status = 'pending') AS habits_pending
     FROM habit_days GROUP BY date`,
  `CREATE VIEW focus_by_day AS
   SELECT started_date AS day, COUNT(*) AS sessions,
          ROUND(SUM(actual_duration_seconds) / 3600.0, 4) AS hours
     FROM focus_sessions WHERE actual_duration_seconds IS NOT NULL GROUP BY started_date`,
  `CREATE VIEW focus_by_week AS
   SELECT ${weekOf('started_date')} AS week, COUNT(*) AS sessions,
          ROUND(SUM(actual_duration_seconds) / 3600.0, 4) AS hours
     FROM focus_sessions WHERE actual_duration_seconds IS NOT NULL GROUP BY week`,
  `CREATE VIEW focus_by_month AS
   SELECT substr(started_date, 1, 7) AS month, COUNT(*) AS sessions,
          ROUND(SUM(actual_duration_seconds) / 3600.0, 4) AS hours
     FROM focus_sessions WHERE actual_duration_seconds IS NOT NULL GROUP BY month`,
  `CREATE VIEW tasks_by_week AS
   SELECT week, SUM(created) AS created, SUM(completed) AS completed FROM (
     SELECT ${weekOf('created_date')} AS week, 1 AS created, 0 AS completed FROM tasks
     UNION ALL
     SELECT ${weekOf('completed_date')}, 0, 1 FROM tasks WHERE completed_date IS NOT NULL
   ) GROUP BY week`,
  `CREATE VIEW goal_progress AS
   SELECT g.id AS goal_id, g.title, u.update_local_date AS date, u.metric_value,
          g.metric_start_value, g.metric_target_value,
          CASE WHEN g.metric_target_value IS NULL OR g.metric_target_value = g.metric_start_value THEN NULL
               ELSE MAX(0, MIN(100, ROUND(100.0 * (u.metric_value - COALESCE(g.metric_start_value, 0))
                    / (g.metric_target_value - COALESCE(g.metric_start_value, 0)), 2))) END AS progress_percentage
     FROM goal_updates u JOIN goals g ON g.id = u.goal_id`,
];

/** Every statement creating the schema (idempotent). */
export function schemaSql(): string[] {
  return [
    ...Object.values(TABLES).map(createTable),
    `CREATE TABLE IF NOT EXISTS sync_log (
       id INTEGER PRIMARY KEY AUTOINCREMENT,
       run_id TEXT NOT NULL,
       started_at TEXT NOT NULL,
       finished_at TEXT NOT NULL,
       resource TEXT NOT NULL,
       inserted INTEGER NOT NULL,
       updated INTEGER NOT NULL,
       deleted INTEGER NOT NULL,
       note TEXT
     )`,
    'CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)',
    ...INDEXES,
    ...VIEW_NAMES.map((v) => `DROP VIEW IF EXISTS ${v}`),
    ...VIEWS,
  ];
}
