import { dayOf, isoOf } from './calendar.js';
import { bucketLabel, buckets, type Period, type ReportSettings } from './period.js';
import { instantOf, localDayOfInstant } from './zone.js';

/** What the task figures need of a task (the API's `Task` fits). */
export interface TaskInput {
  id: number;
  status: string;
  priority: string | null;
  category: string | null;
  planned_day: string | null;
  created_at: string;
  completed_at: string | null;
  cancelled_at: string | null;
}

export interface ThroughputRow {
  from: string;
  to: string;
  label: string;
  created: number;
  completed: number;
  cancelled: number;
  /** created − completed − cancelled: how much the open list grew. */
  net: number;
}

export interface RateRow {
  key: string;
  created: number;
  completed: number;
  /** completed ÷ (created − cancelled) among tasks created in the range, completed by its end. */
  rate: number | null;
}

export interface TaskFigures {
  by: 'week' | 'month';
  periods: ThroughputRow[];
  totals: Omit<ThroughputRow, 'from' | 'to' | 'label'>;
  /** Totals ÷ number of periods (Taskwarrior's Average row). */
  average: { created: number; completed: number; cancelled: number; net: number };
  by_priority: RateRow[];
  by_category: RateRow[];
  /** Tasks completed in the range that had a planned_day: completed on or before it. */
  on_time: { planned: number; on_time: number; rate: number | null };
}

/**
 * Created vs completed per period (created by `created_at`, completed by `completed_at`, cancelled by
 * `cancelled_at`, each instant placed on its local day), completion rates by priority and category, and the
 * on-time rate against `planned_day`.
 */
export function taskFigures(
  tasks: readonly TaskInput[],
  range: Period,
  settings: ReportSettings,
  by: 'week' | 'month',
): TaskFigures {
  const periods = buckets(range, by, settings.weekStart);
  const rows: ThroughputRow[] = periods.map((b) => ({
    from: isoOf(b.from),
    to: isoOf(b.to),
    label: bucketLabel(b, by),
    created: 0,
    completed: 0,
    cancelled: 0,
    net: 0,
  }));
  const indexOf = (day: number) => {
    if (day < range.from || day > range.to) return -1;
    for (let i = 0; i < periods.length; i++) if (day <= periods[i]!.to) return i;
    return -1;
  };
  const dayOfInstant = (iso: string) =>
    localDayOfInstant(instantOf(iso), settings.zone, settings.dayStartsAt);
  const priority = new Map<string, RateRow>();
  const category = new Map<string, RateRow>();
  const bump = (map: Map<string, RateRow>, key: string, completed: boolean) => {
    const row = map.get(key) ?? { key, created: 0, completed: 0, rate: null };
    row.created++;
    if (completed) row.completed++;
    map.set(key, row);
  };
  const cancelledOf = new Map<string, number>();
  let planned = 0;
  let onTime = 0;
  for (const t of tasks) {
    const created = dayOfInstant(t.created_at);
    const completed = t.completed_at ? dayOfInstant(t.completed_at) : undefined;
    const cancelled = t.cancelled_at ? dayOfInstant(t.cancelled_at) : undefined;
    const ci = indexOf(created);
    if (ci >= 0) {
      rows[ci]!.created++;
      const wasCancelled = cancelled !== undefined && cancelled <= range.to;
      if (wasCancelled) {
        for (const key of [`p:${t.priority ?? 'none'}`, `c:${t.category ?? 'none'}`])
          cancelledOf.set(key, (cancelledOf.get(key) ?? 0) + 1);
      }
      const done = completed !== undefined && completed <= range.to;
      bump(priority, t.priority ?? 'none', done);
      bump(category, t.category ?? 'none', done);
    }
    if (completed !== undefined) {
      const i = indexOf(completed);
      if (i >= 0) {
        rows[i]!.completed++;
        if (t.planned_day) {
          planned++;
          if (completed <= dayOf(t.planned_day)) onTime++;
        }
      }
    }
    if (cancelled !== undefined) {
      const i = indexOf(cancelled);
      if (i >= 0) rows[i]!.cancelled++;
    }
  }
  const totals = { created: 0, completed: 0, cancelled: 0, net: 0 };
  for (const r of rows) {
    r.net = r.created - r.completed - r.cancelled;
    totals.created += r.created;
    totals.completed += r.completed;
    totals.cancelled += r.cancelled;
    totals.net += r.net;
  }
  const n = Math.max(1, rows.length);
  const rates = (map: Map<string, RateRow>, prefix: string) =>
    [...map.values()]
      .map((r) => {
        const open = r.created - (cancelledOf.get(`${prefix}${r.key}`) ?? 0);
        return { ...r, rate: open <= 0 ? null : r.completed / open };
      })
      .sort((a, b) => b.created - a.created || a.key.localeCompare(b.key));
  return {
    by,
    periods: rows,
    totals,
    average: {
      created: totals.created / n,
      completed: totals.completed / n,
      cancelled: totals.cancelled / n,
      net: totals.net / n,
    },
    by_priority: rates(priority, 'p:'),
    by_category: rates(category, 'c:'),
    on_time: { planned, on_time: onTime, rate: planned === 0 ? null : onTime / planned },
  };
}
