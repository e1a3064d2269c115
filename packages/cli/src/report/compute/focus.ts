import { instantOf } from '../../time/instant.js';
import { dayStartInstant, localDayOfInstant } from '../../time/zone.js';
import { isoOf } from './calendar.js';
import { bucketLabel, buckets, type Period, type ReportSettings } from './period.js';

/** What the focus figures need of a session (the API's `FocusSession` fits). */
export interface FocusInput {
  id: number;
  title: string | null;
  status: string;
  started_at: string;
  ended_at: string | null;
  planned_duration_seconds: number | null;
  actual_duration_seconds: number | null;
  total_paused_seconds: number;
  points_earned?: number;
  task_id: number | null;
  habit_id: number | null;
  tags: readonly { id: number; name: string }[];
}

export interface FocusPiece {
  day: number;
  seconds: number;
}

/**
 * A session's focused seconds split over the local days it spans (days starting `dayStartsAt` minutes after
 * midnight in `zone`), in proportion to the wall-clock time in each day: pauses are spread evenly because the API
 * does not say when they happened.
 */
export function splitSession(session: FocusInput, zone: string, dayStartsAt: number): FocusPiece[] {
  return split(session, instantOf(session.started_at), zone, dayStartsAt);
}

function split(session: FocusInput, start: number, zone: string, dayStartsAt: number): FocusPiece[] {
  const end = session.ended_at ? instantOf(session.ended_at) : undefined;
  const net = netOf(session, start, end);
  const wallEnd = end ?? start + (net + session.total_paused_seconds) * 1000;
  const wall = wallEnd - start;
  const first = localDayOfInstant(start, zone, dayStartsAt);
  if (wall <= 0) return net > 0 ? [{ day: first, seconds: net }] : [];
  // Most sessions end on the day they start: one lookup of the next day's start settles it.
  const nextStart = dayStartInstant(first + 1, zone, dayStartsAt);
  if (wallEnd <= nextStart) return [{ day: first, seconds: (net * (wallEnd - start)) / wall }];
  const pieces: FocusPiece[] = [];
  let from = start;
  for (let day = first; from < wallEnd; day++) {
    const next = Math.min(day === first ? nextStart : dayStartInstant(day + 1, zone, dayStartsAt), wallEnd);
    if (next > from) pieces.push({ day, seconds: (net * (next - from)) / wall });
    from = next;
  }
  return pieces;
}

/** Focused seconds of a session: actual_duration_seconds, or wall time minus pauses when the API sent none. */
export function netSeconds(s: FocusInput): number {
  return netOf(s, instantOf(s.started_at), s.ended_at ? instantOf(s.ended_at) : undefined);
}

function netOf(s: FocusInput, start: number, end: number | undefined): number {
  if (s.actual_duration_seconds !== null) return Math.max(0, s.actual_duration_seconds);
  if (end === undefined) return 0;
  return Math.max(0, (end - start) / 1000 - s.total_paused_seconds);
}

interface Placed {
  pieces: FocusPiece[];
  startDay: number;
  net: number;
}

// A review places the same sessions for two periods, and a run may build several reports: split each session
// once per zone and day start. Keyed by the list (reports always pass the loaded one), not by each session: one
// WeakMap entry per session cost more than the splitting it saved (docs/performance.md).
const placedCache = new WeakMap<readonly FocusInput[], { key: string; placed: (Placed | undefined)[] }>();

/** Each completed session's pieces, start day and net seconds, by index (undefined for the others). */
function placeSessions(
  sessions: readonly FocusInput[],
  settings: Pick<ReportSettings, 'zone' | 'dayStartsAt'>,
): (Placed | undefined)[] {
  const key = `${settings.zone}|${settings.dayStartsAt}`;
  const hit = placedCache.get(sessions);
  if (hit && hit.key === key) return hit.placed;
  const placed = new Array<Placed | undefined>(sessions.length);
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i]!;
    if (s.status !== 'completed') continue;
    const start = instantOf(s.started_at);
    placed[i] = {
      pieces: split(s, start, settings.zone, settings.dayStartsAt),
      startDay: localDayOfInstant(start, settings.zone, settings.dayStartsAt),
      net: netOf(s, start, s.ended_at ? instantOf(s.ended_at) : undefined),
    };
  }
  placedCache.set(sessions, { key, placed });
  return placed;
}

export interface FocusFigures {
  by: 'day' | 'week' | 'month';
  total_seconds: number;
  sessions: number;
  average_session_seconds: number | null;
  /** paused ÷ (focused + paused) over the sessions started in the range. */
  pause_share: number | null;
  planned_seconds: number;
  actual_seconds_of_planned: number;
  /** actual ÷ planned over sessions that had a plan. */
  planned_ratio: number | null;
  points: number;
  buckets: { from: string; to: string; label: string; seconds: number }[];
  days: { date: string; seconds: number }[];
  by_task: { id: number; name: string; seconds: number }[];
  by_habit: { id: number; name: string; seconds: number }[];
  by_tag: { id: number; name: string; seconds: number }[];
}

/**
 * Focus figures over `range`: completed sessions only, each split at day boundaries so daily totals never exceed a
 * day; session counts, averages and pauses use the sessions that started in the range.
 */
export function focusFigures(
  sessions: readonly FocusInput[],
  range: Period,
  settings: ReportSettings,
  by: 'day' | 'week' | 'month',
  names: { tasks?: ReadonlyMap<number, string>; habits?: ReadonlyMap<number, string> } = {},
): FocusFigures {
  const perDay = new Float64Array(range.to - range.from + 1);
  const byTask = new Map<number, number>();
  const byHabit = new Map<number, number>();
  const byTag = new Map<number, { name: string; seconds: number }>();
  let count = 0;
  let net = 0;
  let paused = 0;
  let planned = 0;
  let actualOfPlanned = 0;
  let points = 0;
  const all = placeSessions(sessions, settings);
  for (let i = 0; i < sessions.length; i++) {
    const placed = all[i];
    if (placed === undefined) continue;
    const s = sessions[i]!;
    let inRange = 0;
    for (const p of placed.pieces) {
      if (p.day < range.from || p.day > range.to) continue;
      perDay[p.day - range.from]! += p.seconds;
      inRange += p.seconds;
    }
    if (inRange > 0) {
      if (s.task_id !== null) byTask.set(s.task_id, (byTask.get(s.task_id) ?? 0) + inRange);
      if (s.habit_id !== null) byHabit.set(s.habit_id, (byHabit.get(s.habit_id) ?? 0) + inRange);
      for (const t of s.tags) {
        const e = byTag.get(t.id) ?? { name: t.name, seconds: 0 };
        e.seconds += inRange;
        byTag.set(t.id, e);
      }
    }
    if (placed.startDay < range.from || placed.startDay > range.to) continue;
    const n = placed.net;
    count++;
    net += n;
    paused += s.total_paused_seconds;
    points += s.points_earned ?? 0;
    if (s.planned_duration_seconds !== null && s.planned_duration_seconds > 0) {
      planned += s.planned_duration_seconds;
      actualOfPlanned += n;
    }
  }
  let total = 0;
  for (const v of perDay) total += v;
  const sorted = <T extends { seconds: number }>(rows: T[]) => rows.sort((a, b) => b.seconds - a.seconds);
  return {
    by,
    total_seconds: total,
    sessions: count,
    average_session_seconds: count === 0 ? null : net / count,
    pause_share: net + paused === 0 ? null : paused / (net + paused),
    planned_seconds: planned,
    actual_seconds_of_planned: actualOfPlanned,
    planned_ratio: planned === 0 ? null : actualOfPlanned / planned,
    points,
    buckets: buckets(range, by, settings.weekStart).map((b) => {
      let seconds = 0;
      for (let d = b.from; d <= b.to; d++) seconds += perDay[d - range.from]!;
      return { from: isoOf(b.from), to: isoOf(b.to), label: bucketLabel(b, by), seconds };
    }),
    days: Array.from(perDay, (seconds, i) => ({ date: isoOf(range.from + i), seconds })),
    by_task: sorted(
      [...byTask].map(([id, seconds]) => ({ id, name: names.tasks?.get(id) ?? `task ${id}`, seconds })),
    ),
    by_habit: sorted(
      [...byHabit].map(([id, seconds]) => ({ id, name: names.habits?.get(id) ?? `habit ${id}`, seconds })),
    ),
    by_tag: sorted([...byTag].map(([id, e]) => ({ id, name: e.name, seconds: e.seconds }))),
  };
}
