import type { Goal, Recurrence, Subtask, Tag, Task } from '@loggd/sdk';
import { DAY_MS, dateOf, WEEKDAY_NAMES, weekdayOf, weekStartOf, wireInstant } from './calendar.js';
import { instant, type UserContext } from './context.js';
import { nextId } from './ids.js';

const H = 3600;

const TAG_SPECS: readonly [string, string | null][] = [
  ['Work', '#3B82F6'],
  ['Personal', '#F59E0B'],
  ['Deep Work', '#8B5CF6'],
  ['Health', '#10B981'],
  ['Learning', '#EF4444'],
  ['Errands', null],
];

/** The user's tags (a fixed set: tasks and focus sessions embed them). */
export function generateTags(ctx: UserContext): Tag[] {
  return TAG_SPECS.map(([name, color]) => ({ id: nextId(ctx.ids, 'tag'), name, color }));
}

const TITLES: readonly [string, string][] = [
  ['Review pull request', 'work'],
  ['Write quarterly report', 'work'],
  ['Prepare slides for demo', 'work'],
  ['Reply to client email', 'work'],
  ['Fix flaky CI job', 'work'],
  ['Book dentist appointment', 'health'],
  ['Renew passport', 'personal'],
  ['Buy groceries', 'personal'],
  ['Clean the garage', 'personal'],
  ['Call the bank', 'personal'],
  ['Read chapter 4', 'learning'],
  ['Finish online course module', 'learning'],
  ['Plan weekend trip', 'personal'],
  ['Update CV', 'work'],
  ['Schedule annual checkup', 'health'],
  ['Fix bike tyre', 'personal'],
];
const SUBTASK_TITLES = [
  'Draft',
  'Review',
  'Send',
  'Collect notes',
  'Follow up',
  'Double-check numbers',
] as const;
const PRIORITIES = ['low', 'medium', 'medium', 'high', 'urgent'] as const;
const COMPLETION_NOTES = ['Done ahead of time', 'Took longer than planned', 'Delegated half of it'] as const;

/** A recurring series: its template task plus one task per past occurrence. */
interface SeriesSpec {
  title: string;
  category: string;
  type: 'weekly' | 'monthly';
  /** For weekly series: the weekday (0 = monday). For monthly: the day of the month. */
  at: number;
}
const SERIES: readonly SeriesSpec[] = [
  { title: 'Weekly planning', category: 'personal', type: 'weekly', at: 0 },
  { title: 'Team retrospective', category: 'work', type: 'weekly', at: 4 },
  { title: 'Pay bills', category: 'personal', type: 'monthly', at: 5 },
];

/** A task to build, ordered by creation so ids rise with time. */
interface TaskSpec {
  createdMs: number;
  build: (id: number) => Task;
}

/**
 * Top-level tasks for one user: one-off tasks over the history (most completed, some cancelled, some open,
 * a batch planned in the current week), recurring series (a template plus its past occurrences), subtasks,
 * tags, priorities and links to goals and milestones. Ids rise with created_at.
 */
export function generateTasks(
  ctx: UserContext,
  oneOffCount: number,
  tags: readonly Tag[],
  goals: readonly Goal[],
): Task[] {
  const { rng, today, firstDay } = ctx;
  const specs: TaskSpec[] = [];
  const thisWeek = weekStartOf(today, ctx.weekStart);

  for (let i = 0; i < oneOffCount; i++) {
    // Every fifth task is planned in the current week so reports always have something to show.
    const planned =
      i % 5 === 0 ? thisWeek + rng.int(0, 6) : rng.next() < 0.1 ? null : rng.int(firstDay + 3, today + 14);
    const createdDay = Math.max(firstDay, (planned ?? rng.int(firstDay, today)) - rng.int(0, 10));
    const createdMs =
      instant(ctx, Math.min(createdDay, today), 8 * H + rng.int(0, 2 * H)) - rng.int(60, 3600) * 1000;
    specs.push({ createdMs, build: oneOffBuilder(ctx, planned, createdMs, tags, goals) });
  }

  for (let round = 0; round < ctx.streams; round++) {
    for (const series of SERIES) addSeries(ctx, specs, series, round, tags);
  }

  specs.sort((a, b) => a.createdMs - b.createdMs);
  const tasks: Task[] = [];
  for (const spec of specs) {
    const task = spec.build(nextId(ctx.ids, 'task'));
    for (const subtask of task.subtasks ?? []) subtask.id = nextId(ctx.ids, 'task');
    tasks.push(task);
  }
  // Series occurrences point at their template, which was built first (created earliest); resolve the links.
  const templates = new Map<string, number>();
  for (const t of tasks) {
    if (t.recurrence?.is_template) templates.set(t.title, t.id);
    else if (t.recurrence) t.recurrence.parent_id = templates.get(t.title) ?? null;
  }
  return tasks;
}

function oneOffBuilder(
  ctx: UserContext,
  planned: number | null,
  createdMs: number,
  tags: readonly Tag[],
  goals: readonly Goal[],
): (id: number) => Task {
  const { rng, today, nowMs } = ctx;
  const [title, category] = rng.pick(TITLES);
  const roll = rng.next();
  let status = 'scheduled';
  if (planned !== null && planned < today - 2)
    status = roll < 0.8 ? 'completed' : roll < 0.9 ? 'cancelled' : 'scheduled';
  else if (planned !== null && planned <= today) status = roll < 0.4 ? 'completed' : 'scheduled';
  else if (planned === null) status = roll < 0.3 ? 'completed' : roll < 0.4 ? 'cancelled' : 'scheduled';
  const endDay = planned ?? Math.min(today, Math.floor(createdMs / DAY_MS) + rng.int(1, 20));
  const endMs = Math.min(
    nowMs,
    Math.max(createdMs + 60_000, instant(ctx, endDay, 10 * H + rng.int(0, 9 * H))),
  );
  const closed = status !== 'scheduled' && endMs > createdMs;
  if (!closed) status = 'scheduled';
  const priority = rng.next() < 0.15 ? null : rng.pick(PRIORITIES);
  const goal = goals.length > 0 && rng.next() < 0.15 ? rng.pick(goals) : null;
  const milestone = goal && goal.milestones.length > 0 ? rng.pick(goal.milestones) : null;
  const subtaskCount = rng.next() < 0.3 ? rng.int(1, 4) : 0;
  const taskTags = pickTags(ctx, tags);
  const dueTime =
    rng.next() < 0.3 ? `${String(rng.int(8, 18)).padStart(2, '0')}:${rng.next() < 0.5 ? '00' : '30'}` : null;
  const note = status === 'completed' && rng.next() < 0.2 ? rng.pick(COMPLETION_NOTES) : null;
  const subtaskDone = subtaskCount > 0 ? rng.int(0, subtaskCount) : 0;
  const created = wireInstant(createdMs);
  const ended = closed ? wireInstant(endMs) : null;
  return (id) => ({
    id,
    title,
    description: null,
    status,
    priority,
    category,
    source: null,
    planned_day: planned === null ? null : dateOf(planned),
    planned_week_start: planned === null ? null : dateOf(weekStartOf(planned, ctx.weekStart)),
    due_time: dueTime,
    goal_id: goal ? goal.id : null,
    goal_milestone_id: milestone ? milestone.id : null,
    parent_task_id: null,
    completion_note: note,
    recurrence: null,
    subtasks: buildSubtasks(
      subtaskCount,
      status === 'completed' ? subtaskCount : subtaskDone,
      created,
      ended,
    ),
    tags: taskTags,
    completed_at: status === 'completed' ? ended : null,
    cancelled_at: status === 'cancelled' ? ended : null,
    created_at: created,
    updated_at: ended ?? created,
  });
}

/** Subtasks get their ids (the task counter, right after their parent's) when the parent is built. */
function buildSubtasks(count: number, done: number, created: string, ended: string | null): Subtask[] {
  const subtasks: Subtask[] = [];
  for (let i = 0; i < count; i++) {
    const completed = i < done;
    subtasks.push({
      id: 0,
      title: SUBTASK_TITLES[i % SUBTASK_TITLES.length]!,
      status: completed ? 'completed' : 'scheduled',
      completed_at: completed ? (ended ?? created) : null,
    });
  }
  return subtasks;
}

function pickTags(ctx: UserContext, tags: readonly Tag[]): Tag[] {
  const n = ctx.rng.next() < 0.4 ? 0 : ctx.rng.int(1, 2);
  const picked: Tag[] = [];
  for (let i = 0; i < n; i++) {
    const tag = ctx.rng.pick(tags);
    if (!picked.includes(tag)) picked.push({ ...tag });
  }
  return picked.sort((a, b) => a.id - b.id);
}

function addSeries(
  ctx: UserContext,
  specs: TaskSpec[],
  series: SeriesSpec,
  round: number,
  tags: readonly Tag[],
): void {
  const { rng, today, firstDay } = ctx;
  const title = round === 0 ? series.title : `${series.title} ${round + 1}`;
  const occurrences: number[] = [];
  if (series.type === 'weekly') {
    for (let d = firstDay + ((series.at - weekdayOf(firstDay) + 7) % 7); d <= today + 14; d += 7)
      occurrences.push(d);
  } else {
    for (let d = firstDay; d <= today + 40; d++)
      if (dateOf(d).endsWith(`-${String(series.at).padStart(2, '0')}`)) occurrences.push(d);
  }
  const past = occurrences.filter((d) => d < today);
  const upcoming = occurrences.filter((d) => d >= today);
  const current = upcoming[0] ?? today;
  const next = upcoming[1] ?? null;
  const days = series.type === 'weekly' ? [WEEKDAY_NAMES[series.at]!] : null;
  const seriesTags = pickTags(ctx, tags);
  let completedCount = 0;
  const rule = (isTemplate: boolean, count: number, nextDate: number | null): Recurrence => ({
    is_template: isTemplate,
    parent_id: null,
    type: series.type,
    interval: 1,
    days,
    based_on: 'planned_day',
    ends_at: null,
    end_count: isTemplate ? 0 : null,
    completed_count: count,
    next_occurrence_date: nextDate === null ? null : dateOf(nextDate),
  });
  const base = (id: number, day: number, createdMs: number): Task => ({
    id,
    title,
    description: series.type === 'weekly' ? 'Review goals and plan the week' : null,
    status: 'scheduled',
    priority: 'medium',
    category: series.category,
    source: null,
    planned_day: dateOf(day),
    planned_week_start: dateOf(weekStartOf(day, ctx.weekStart)),
    due_time: '09:00',
    goal_id: null,
    goal_milestone_id: null,
    parent_task_id: null,
    completion_note: null,
    recurrence: null,
    subtasks: [],
    tags: seriesTags.map((t) => ({ ...t })),
    completed_at: null,
    cancelled_at: null,
    created_at: wireInstant(createdMs),
    updated_at: wireInstant(createdMs),
  });
  const templateCreated = instant(ctx, firstDay, 8 * H) - (round + 1) * 1000;
  for (const day of past) {
    const createdMs = Math.max(templateCreated + 1000, instant(ctx, day - 7, 9 * H));
    const roll = rng.next();
    const endMs = Math.min(ctx.nowMs, instant(ctx, day, 9 * H + rng.int(0, 8 * H)));
    const status = roll < 0.85 ? 'completed' : roll < 0.93 ? 'cancelled' : 'scheduled';
    if (status === 'completed') completedCount++;
    specs.push({
      createdMs,
      build: (id) => {
        const task = base(id, day, createdMs);
        task.status = status;
        task.recurrence = rule(false, 0, null);
        if (status !== 'scheduled') {
          const ended = wireInstant(Math.max(endMs, createdMs + 60_000));
          task.updated_at = ended;
          if (status === 'completed') task.completed_at = ended;
          else task.cancelled_at = ended;
        }
        return task;
      },
    });
  }
  specs.push({
    createdMs: templateCreated,
    build: (id) => {
      const task = base(id, current, templateCreated);
      task.recurrence = rule(true, completedCount, next);
      return task;
    },
  });
}
