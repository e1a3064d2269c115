import type { FocusSession, FullHabit as Habit, Tag, Task } from '@loggd/sdk';
import { dateOf, wireInstant } from './calendar.js';
import type { UserContext } from './context.js';
import { plantedFocusDays } from './habits-gen.js';
import { nextId } from './ids.js';
import { focusPoints } from './points.js';

const H = 3600;
const PLANNED = [1500, 1500, 1500, 2700, 3000, null] as const;
const TITLES = ['Deep work', 'Writing', 'Study session', 'Inbox zero', 'Code review'] as const;
const NOTES = ['Good flow', 'Interrupted twice', 'Phone in another room helped'] as const;

interface SessionDraft {
  startMs: number;
  planned: number | null;
  actual: number | null;
  paused: number;
  status: FocusSession['status'];
  endMs: number | null;
  number: number;
}

/**
 * Focus sessions day by day (ids rise with started_at): mostly completed, some cancelled, some late-evening
 * ones that cross local midnight; linked to tasks or habits, with tags. With `live`, the history ends with a
 * paused and an active session, so every status exists.
 */
export function generateFocusSessions(
  ctx: UserContext,
  tasks: readonly Task[],
  habits: readonly Habit[],
  tags: readonly Tag[],
  live: boolean,
): FocusSession[] {
  const { rng, zone, today, firstDay, nowMs } = ctx;
  const sessions: FocusSession[] = [];
  const linkable = tasks.filter((t) => t.status !== 'cancelled');
  // Regular sessions of today end before the live ones begin.
  const regularUntil = live ? nowMs - 45 * 60_000 : nowMs;
  const starts: number[] = [];
  let todayCount = 0;
  // Planted correlation (habits-gen.ts focusLift): days a lifted habit was checked get more sessions, the others
  // fewer, with the same draws (only the threshold moves), so the rest of the data keeps its shape.
  const planted = habits.flatMap((h) => plantedFocusDays.get(h) ?? []);
  for (let day = firstDay; day <= today; day++) {
    starts.length = 0;
    let chance = 0.65;
    for (const p of planted) chance += p.days.has(day) ? p.lift : -p.lift;
    chance = Math.min(0.95, Math.max(0.05, chance));
    for (let u = 0; u < ctx.streams; u++) {
      if (rng.next() < chance) {
        const n = rng.int(1, 3);
        for (let k = 0; k < n; k++) starts.push(rng.int(8 * H, 21 * H));
      }
    }
    starts.sort((a, b) => a - b);
    // About one evening in ten has a session that runs past local midnight.
    if (rng.next() < 0.1) starts.push(rng.int(23 * H + 1200, 23 * H + 3000));
    let number = 0;
    for (const second of starts) {
      const draft = drawSession(ctx, zone.toUtc(day, second), number + 1);
      if (draft.endMs! > regularUntil) continue;
      number++;
      sessions.push(buildSession(ctx, draft, linkable, habits, tags, dateOf(day)));
    }
    if (day === today) todayCount = number;
  }
  if (live) {
    const number = todayCount;
    const pausedStart = nowMs - 40 * 60_000;
    sessions.push(
      buildSession(
        ctx,
        {
          startMs: pausedStart,
          planned: 1500,
          actual: null,
          paused: 25 * 60,
          status: 'paused',
          endMs: null,
          number: number + 1,
        },
        linkable,
        habits,
        tags,
        dateOf(zone.dayOf(pausedStart)),
      ),
      buildSession(
        ctx,
        {
          startMs: nowMs - 12 * 60_000,
          planned: 1500,
          actual: null,
          paused: 0,
          status: 'active',
          endMs: null,
          number: number + 2,
        },
        linkable,
        habits,
        tags,
        dateOf(today),
      ),
    );
  }
  return sessions;
}

function drawSession(ctx: UserContext, startMs: number, number: number): SessionDraft {
  const { rng } = ctx;
  const planned = rng.pick(PLANNED);
  const paused = rng.next() < 0.2 ? rng.int(60, 600) : 0;
  const cancelled = rng.next() < 0.08;
  const actual = cancelled
    ? rng.int(120, Math.floor((planned ?? 1500) * 0.6))
    : planned === null
      ? rng.int(600, 5400)
      : planned + rng.int(-60, 120);
  return {
    startMs,
    planned,
    actual,
    paused,
    status: cancelled ? 'cancelled' : 'completed',
    endMs: startMs + (actual + paused) * 1000,
    number,
  };
}

function buildSession(
  ctx: UserContext,
  d: SessionDraft,
  tasks: readonly Task[],
  habits: readonly Habit[],
  tags: readonly Tag[],
  localDate: string,
): FocusSession {
  const { rng } = ctx;
  const started = wireInstant(d.startMs);
  let task: Task | null = null;
  let habit: Habit | null = null;
  const link = rng.next();
  if (link < 0.35 && tasks.length > 0) {
    const candidate = rng.pick(tasks);
    if (candidate.created_at <= started) task = candidate;
  } else if (link < 0.5 && habits.length > 0) {
    const candidate = rng.pick(habits);
    if (candidate.start_date !== null && candidate.start_date <= localDate) habit = candidate;
  }
  const sessionTags: Tag[] = [];
  const tagCount = rng.next() < 0.5 ? 0 : rng.int(1, 2);
  for (let i = 0; i < tagCount; i++) {
    const tag = rng.pick(tags);
    if (!sessionTags.some((t) => t.id === tag.id)) sessionTags.push({ ...tag });
  }
  sessionTags.sort((a, b) => a.id - b.id);
  const pausedAt = d.status === 'paused' ? wireInstant(d.startMs + 15 * 60_000) : null;
  const ended = d.endMs === null ? null : wireInstant(d.endMs);
  return {
    id: nextId(ctx.ids, 'focusSession'),
    title: task ? task.title : habit ? habit.name : rng.next() < 0.1 ? null : rng.pick(TITLES),
    status: d.status,
    started_at: started,
    ended_at: ended,
    planned_duration_seconds: d.planned,
    actual_duration_seconds: d.actual,
    total_paused_seconds: d.paused,
    session_number: d.number,
    points_earned: d.status === 'completed' && d.actual !== null ? focusPoints(d.actual) : 0,
    task_id: task ? task.id : null,
    habit_id: habit ? habit.id : null,
    notes: rng.next() < 0.05 ? rng.pick(NOTES) : null,
    tags: sessionTags,
    created_at: started,
    updated_at: ended ?? pausedAt ?? started,
  };
}
