import { instantOf } from '../../time/instant.js';
import { localDayOfInstant } from '../../time/zone.js';
import { dayOf, isoOf } from './calendar.js';
import { bucketLabel, buckets, type Period, type ReportSettings } from './period.js';

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

/** No day: the task was not completed (or cancelled). Below every real day number. */
const NONE = -2_147_483_648;

interface PlacedTasks {
  key: string;
  created: Int32Array;
  completed: Int32Array;
  cancelled: Int32Array;
}

// A review counts the same tasks for two periods: place each task's instants once per zone and day start.
const placedCache = new WeakMap<readonly TaskInput[], PlacedTasks>();

function placeTasks(tasks: readonly TaskInput[], settings: Pick<ReportSettings, 'zone' | 'dayStartsAt'>) {
  const key = `${settings.zone}|${settings.dayStartsAt}|${tasks.length}`;
  const hit = placedCache.get(tasks);
  if (hit && hit.key === key) return hit;
  const dayOfInstant = (iso: string | null) =>
    iso ? localDayOfInstant(instantOf(iso), settings.zone, settings.dayStartsAt) : NONE;
  const placed: PlacedTasks = {
    key,
    created: new Int32Array(tasks.length),
    completed: new Int32Array(tasks.length),
    cancelled: new Int32Array(tasks.length),
  };
  tasks.forEach((t, i) => {
    placed.created[i] = dayOfInstant(t.created_at);
    placed.completed[i] = dayOfInstant(t.completed_at);
    placed.cancelled[i] = dayOfInstant(t.cancelled_at);
  });
  placedCache.set(tasks, placed);
  return placed;
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
  // Each day of the range → its period's row, so placing a task is one lookup.
  const rowOfDay = new Int32Array(range.to - range.from + 1);
  for (const [i, b] of periods.entries()) rowOfDay.fill(i, b.from - range.from, b.to - range.from + 1);
  const indexOf = (day: number) => (day < range.from || day > range.to ? -1 : rowOfDay[day - range.from]!);
  const placed = placeTasks(tasks, settings);
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
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k]!;
    const created = placed.created[k]!;
    const completed = placed.completed[k]!;
    const cancelled = placed.cancelled[k]!;
    const ci = indexOf(created);
    if (ci >= 0) {
      rows[ci]!.created++;
      const wasCancelled = cancelled !== NONE && cancelled <= range.to;
      if (wasCancelled) {
        for (const key of [`p:${t.priority ?? 'none'}`, `c:${t.category ?? 'none'}`])
          cancelledOf.set(key, (cancelledOf.get(key) ?? 0) + 1);
      }
      const done = completed !== NONE && completed <= range.to;
      bump(priority, t.priority ?? 'none', done);
      bump(category, t.category ?? 'none', done);
    }
    if (completed !== NONE) {
      const i = indexOf(completed);
      if (i >= 0) {
        rows[i]!.completed++;
        if (t.planned_day) {
          planned++;
          if (completed <= dayOf(t.planned_day)) onTime++;
        }
      }
    }
    if (cancelled !== NONE) {
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
