import { readFile } from 'node:fs/promises';
import { habitDays } from '../../account/habit-days.js';
import { quoteCell } from '../../output/delimited.js';
import { localDate } from '../../time/zone.js';
import { exists, readNdjson } from '../files.js';
import { GroupReader } from '../groups.js';
import { STORE_FILES } from '../layout.js';
import { output, type RenderContext, storePath } from './context.js';
import * as T from './csv-tables.js';

type Row = Record<string, unknown>;
const EOL = '\r\n';

function line(cells: readonly string[]): string {
  return cells.map((c) => quoteCell(c, ',')).join(',');
}

/** A CSV file being written: header first (after a BOM with --bom), CRLF line ends. */
async function table(ctx: RenderContext, name: string, header: readonly string[]) {
  const { w, finish } = await output(ctx, name);
  if (ctx.bom) await w.write('\uFEFF');
  await w.write(line(header) + EOL);
  let count = 0;
  return {
    row: async (cells: readonly string[]) => {
      count++;
      await w.write(line(cells) + EOL);
    },
    done: () => finish(count),
  };
}

async function tableOf(ctx: RenderContext, name: string, columns: readonly T.Column[]) {
  const t = await table(
    ctx,
    name,
    columns.map((c) => c.name),
  );
  return { ...t, add: (row: Row) => t.row(columns.map((c) => c.get(row, ctx.timeZone))) };
}

/** Per-day totals for daily.csv, filled while the other files are written. */
interface DayTotals {
  habits_done: number;
  habits_due: number;
  habits_skipped: number;
  tasks_created: number;
  tasks_completed: number;
  focus_seconds: number;
  focus_sessions: number;
}

/**
 * The CSV export: one long-form file per resource and per child, `habit_days.csv` (one row per habit and day)
 * and `daily.csv` (one row per day). Streams the store; only per-day totals and one habit's history are in memory.
 */
export async function renderCsv(ctx: RenderContext): Promise<void> {
  const daily = new Map<string, DayTotals>();
  const day = (date: string): DayTotals => {
    let t = daily.get(date);
    if (!t) {
      t = {
        habits_done: 0,
        habits_due: 0,
        habits_skipped: 0,
        tasks_created: 0,
        tasks_completed: 0,
        focus_seconds: 0,
        focus_sessions: 0,
      };
      daily.set(date, t);
    }
    return t;
  };
  const inRange = (date: string) => (!ctx.from || date >= ctx.from) && (!ctx.to || date <= ctx.to);

  if (ctx.resources.has('profile') && (await exists(await storePath(ctx, STORE_FILES.profile)))) {
    const t = await tableOf(ctx, 'profile.csv', T.PROFILE_COLUMNS);
    await t.add(JSON.parse(await readFile(await storePath(ctx, STORE_FILES.profile), 'utf8')));
    await t.done();
  }

  if (ctx.resources.has('habits')) {
    const habits = await tableOf(ctx, 'habits.csv', T.HABIT_COLUMNS);
    const checks = await tableOf(ctx, 'habit_checks.csv', T.CHECK_COLUMNS);
    const skips = await tableOf(ctx, 'habit_skips.csv', T.SKIP_COLUMNS);
    const habitDayTable = await table(ctx, 'habit_days.csv', T.HABIT_DAY_COLUMNS);
    const checkGroups = new GroupReader(await storePath(ctx, STORE_FILES.checks), 'habit_id');
    const skipGroups = new GroupReader(await storePath(ctx, STORE_FILES.skips), 'habit_id');
    for await (const habit of readNdjson<Row & { id: number }>(await storePath(ctx, STORE_FILES.habits))) {
      await habits.add(habit);
      const habitChecks = (await checkGroups.take(habit.id)).map((l) => JSON.parse(l) as Row);
      const habitSkips = (await skipGroups.take(habit.id)).map((l) => JSON.parse(l) as Row);
      for (const c of habitChecks) await checks.add(c);
      for (const s of habitSkips) await skips.add(s);
      const rows = habitDays({
        habit: habit as never,
        checkDates: habitChecks.map((c) => c.date as string),
        skipDates: habitSkips.map((s) => s.date as string),
        today: ctx.today,
        timeZone: ctx.timeZone,
        weekStartDay: ctx.weekStartDay,
        from: ctx.from,
        to: ctx.to,
      });
      for (const r of rows) {
        await habitDayTable.row([
          String(habit.id),
          String(habit.name ?? ''),
          r.date,
          r.weekday,
          r.status,
          String(r.checks),
        ]);
        const t = day(r.date);
        if (r.status === 'done') t.habits_done++;
        if (r.status === 'done' || r.status === 'missed' || r.status === 'pending') t.habits_due++;
        if (r.status === 'skipped') t.habits_skipped++;
      }
    }
    await checkGroups.close();
    await skipGroups.close();
    for (const t of [habits, checks, skips, habitDayTable]) await t.done();
  }

  if (ctx.resources.has('tasks')) {
    const tasks = await tableOf(ctx, 'tasks.csv', T.TASK_COLUMNS);
    const subtasks = await tableOf(ctx, 'task_subtasks.csv', T.SUBTASK_COLUMNS);
    const tags = await tableOf(ctx, 'task_tags.csv', T.TASK_TAG_COLUMNS);
    for await (const task of readNdjson<Row & { id: number }>(await storePath(ctx, STORE_FILES.tasks))) {
      await tasks.add(task);
      for (const s of (task.subtasks as Row[] | undefined) ?? [])
        await subtasks.add({ ...s, task_id: task.id });
      for (const tag of (task.tags as Row[] | undefined) ?? [])
        await tags.add({ ...tag, task_id: task.id, tag_id: tag.id });
      const created = localDate(task.created_at as string, ctx.timeZone);
      if (inRange(created)) day(created).tasks_created++;
      const completed = localDate(task.completed_at as string | null, ctx.timeZone);
      if (completed && inRange(completed)) day(completed).tasks_completed++;
    }
    for (const t of [tasks, subtasks, tags]) await t.done();
  }

  if (ctx.resources.has('goals')) {
    const goals = await tableOf(ctx, 'goals.csv', T.GOAL_COLUMNS);
    const milestones = await tableOf(ctx, 'goal_milestones.csv', T.MILESTONE_COLUMNS);
    for await (const goal of readNdjson<Row & { id: number }>(await storePath(ctx, STORE_FILES.goals))) {
      await goals.add(goal);
      for (const m of (goal.milestones as Row[] | undefined) ?? [])
        await milestones.add({ ...m, goal_id: goal.id });
    }
    const updates = await tableOf(ctx, 'goal_updates.csv', T.GOAL_UPDATE_COLUMNS);
    for await (const u of readNdjson<Row>(await storePath(ctx, STORE_FILES.updates))) await updates.add(u);
    for (const t of [goals, milestones, updates]) await t.done();
  }

  if (ctx.resources.has('focus_sessions')) {
    const sessions = await tableOf(ctx, 'focus_sessions.csv', T.FOCUS_COLUMNS);
    const tags = await tableOf(ctx, 'focus_session_tags.csv', T.FOCUS_TAG_COLUMNS);
    for await (const s of readNdjson<Row & { id: number }>(await storePath(ctx, STORE_FILES.focus))) {
      await sessions.add(s);
      for (const tag of (s.tags as Row[] | undefined) ?? [])
        await tags.add({ ...tag, focus_session_id: s.id, tag_id: tag.id });
      const seconds = s.actual_duration_seconds;
      const started = localDate(s.started_at as string, ctx.timeZone);
      if (typeof seconds === 'number' && inRange(started)) {
        day(started).focus_seconds += seconds;
        day(started).focus_sessions++;
      }
    }
    for (const t of [sessions, tags]) await t.done();
  }

  await renderDaily(ctx, daily);
}

/** daily.csv: every day from the first with data (or --from) to today (or --to), gaps as zero rows. */
async function renderDaily(ctx: RenderContext, daily: Map<string, DayTotals>): Promise<void> {
  const t = await table(ctx, 'daily.csv', T.DAILY_COLUMNS);
  const dates = [...daily.keys()].sort();
  const first = ctx.from ?? dates[0];
  const last = ctx.to ?? ctx.today;
  if (first) {
    const { days } = await import('../../account/local-date.js');
    for (const { date } of days(first, last)) {
      const d = daily.get(date);
      await t.row([
        date,
        String(d?.habits_done ?? 0),
        String(d?.habits_due ?? 0),
        String(d?.habits_skipped ?? 0),
        String(d?.tasks_created ?? 0),
        String(d?.tasks_completed ?? 0),
        String(Math.round(((d?.focus_seconds ?? 0) / 60) * 100) / 100),
        String(d?.focus_sessions ?? 0),
      ]);
    }
  }
  await t.done();
}
