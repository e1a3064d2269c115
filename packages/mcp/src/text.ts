// Compact text for the assistant to read: one line per record with the fields people ask about. The full
// records are in `structuredContent`.

type Row = Record<string, unknown>;

function present(value: unknown): boolean {
  return (
    value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)
  );
}

function show(value: unknown): string {
  if (Array.isArray(value)) return value.map(show).join(',');
  if (value !== null && typeof value === 'object') {
    const o = value as Row;
    return String(o.name ?? o.title ?? o.id ?? JSON.stringify(o));
  }
  return String(value);
}

/** `#42 Morning Exercise · frequency=daily · current_streak=5`, skipping empty fields. */
export function line(row: Row, title: string, fields: readonly string[]): string {
  const head = `#${String(row.id ?? '?')} ${show(row[title] ?? '')}`.trim();
  const rest = fields.filter((f) => present(row[f])).map((f) => `${f}=${show(row[f])}`);
  return [head, ...rest].join(' · ');
}

/** The fields each resource's line shows. */
export const LINE_FIELDS = {
  habit: {
    title: 'name',
    fields: ['status', 'frequency', 'custom_days', 'weekly_target', 'current_streak', 'checked_today'],
  },
  task: {
    title: 'title',
    fields: ['status', 'priority', 'planned_day', 'completed_at', 'category', 'tags'],
  },
  goal: {
    title: 'title',
    fields: ['status', 'time_horizon', 'tracking_type', 'progress_percentage', 'target_date'],
  },
  focus: {
    title: 'title',
    fields: [
      'status',
      'started_at',
      'actual_duration_seconds',
      'total_paused_seconds',
      'task_id',
      'habit_id',
      'tags',
    ],
  },
} as const;

/** A list's text: a count line (with the truncation note), then one line per item. */
export function listText(
  noun: string,
  items: readonly Row[],
  truncated: boolean,
  limit: number,
  describe: (row: Row) => string,
): string {
  const head =
    items.length === 0
      ? `No ${noun}.`
      : truncated
        ? `${items.length} ${noun} (truncated at limit ${limit}: more exist; narrow the filters or raise limit)`
        : `${items.length} ${noun}`;
  return [head, ...items.map(describe)].join('\n');
}

/** A percentage with no decimals, or `n/a`. */
export function pct(rate: number | null | undefined): string {
  return typeof rate === 'number' ? `${Math.round(rate * 100)}%` : 'n/a';
}

/** Seconds as `3h 20m`. */
export function hours(seconds: number): string {
  const m = Math.round(seconds / 60);
  return m < 60 ? `${m}m` : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
