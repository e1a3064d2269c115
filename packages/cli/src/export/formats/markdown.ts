import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { habitDays } from '../../account/habit-days.js';
import { makeDir } from '../../make-dir.js';
import { localDate, localTime } from '../../time/zone.js';
import { exists, readNdjson, writeFileAtomic } from '../files.js';
import { GroupReader } from '../groups.js';
import { STORE_FILES } from '../layout.js';
import { type DayEntry, dayBlock, dayProperties, habitKeys } from '../notes/day-note.js';
import { mergeNote } from '../notes/merge-note.js';
import { notePath } from '../notes/note-path.js';
import { type RenderContext, storePath } from './context.js';

type Row = Record<string, unknown>;

/** Where the notes go: a folder of the vault and a name pattern (see notes/note-path.ts). */
export interface NoteOptions {
  folder: string;
  pattern: string;
}

/** Notes written (new or changed) and left alone (already up to date). */
export interface NotesResult {
  written: number;
  unchanged: number;
}

/**
 * Obsidian daily notes: one note per day with activity, merged into the vault in place (the tool owns only its
 * `loggd_` properties and its marked block). Each note is replaced atomically and only when its bytes change,
 * so a re-run leaves the vault untouched. Per-day summaries are held in memory (small: a line per item).
 */
export async function renderMarkdown(ctx: RenderContext, notes: NoteOptions): Promise<NotesResult> {
  const days = new Map<string, DayEntry>();
  const day = (date: string): DayEntry => {
    let d = days.get(date);
    if (!d) {
      d = { date, habits: [], focus: [], tasks: [], goalUpdates: [] };
      days.set(date, d);
    }
    return d;
  };
  const inRange = (date: string) =>
    date !== '' && (!ctx.from || date >= ctx.from) && (!ctx.to || date <= ctx.to);
  const store = (file: string) => storePath(ctx, file);

  const allHabits: Array<{ id: number; name: string }> = [];
  if (ctx.resources.has('habits')) {
    const checkGroups = new GroupReader(await store(STORE_FILES.checks), 'habit_id');
    const skipGroups = new GroupReader(await store(STORE_FILES.skips), 'habit_id');
    for await (const habit of readNdjson<Row & { id: number; name: string }>(
      await store(STORE_FILES.habits),
    )) {
      allHabits.push({ id: habit.id, name: habit.name });
      const checks = (await checkGroups.take(habit.id)).map((l) => JSON.parse(l) as { date: string });
      const skips = (await skipGroups.take(habit.id)).map(
        (l) => JSON.parse(l) as { date: string; reason?: string | null },
      );
      const reasons = new Map(skips.map((s) => [s.date, s.reason ?? null]));
      for (const r of habitDays({
        habit: habit as never,
        checkDates: checks.map((c) => c.date),
        skipDates: skips.map((s) => s.date),
        today: ctx.today,
        timeZone: ctx.timeZone,
        weekStartDay: ctx.weekStartDay,
        from: ctx.from,
        to: ctx.to,
      })) {
        if (r.status === 'not-due') continue;
        day(r.date).habits.push({
          id: habit.id,
          name: habit.name,
          emoji: (habit.emoji as string | null | undefined) ?? null,
          // A note is a to-do list: today's pending habit is an unchecked box, as a missed one is.
          status: r.status === 'pending' ? 'missed' : r.status,
          checks: r.checks,
          ...(r.status === 'skipped' ? { skipReason: reasons.get(r.date) ?? null } : {}),
        });
      }
    }
    await checkGroups.close();
    await skipGroups.close();
  }

  if (ctx.resources.has('focus_sessions')) {
    for await (const s of readNdjson<Row & { id: number; started_at: string }>(
      await store(STORE_FILES.focus),
    )) {
      const date = localDate(s.started_at, ctx.timeZone);
      if (!inRange(date)) continue;
      day(date).focus.push({
        id: s.id,
        title: (s.title as string | null | undefined) ?? null,
        started_at: s.started_at,
        time: localTime(s.started_at, ctx.timeZone),
        seconds: typeof s.actual_duration_seconds === 'number' ? s.actual_duration_seconds : null,
        status: String(s.status ?? ''),
      });
    }
    for (const d of days.values())
      d.focus.sort((a, b) => a.started_at.localeCompare(b.started_at) || a.id - b.id);
  }

  if (ctx.resources.has('tasks')) {
    for await (const t of readNdjson<Row & { id: number }>(await store(STORE_FILES.tasks))) {
      const date = localDate(t.completed_at as string | null, ctx.timeZone);
      if (inRange(date)) day(date).tasks.push({ id: t.id, title: String(t.title ?? '') });
    }
  }

  if (ctx.resources.has('goals')) {
    const goals = new Map<number, { title: string; unit: string | null }>();
    for await (const g of readNdjson<Row & { id: number }>(await store(STORE_FILES.goals))) {
      goals.set(g.id, { title: String(g.title ?? ''), unit: (g.metric_unit as string | null) ?? null });
    }
    for await (const u of readNdjson<Row & { id: number; goal_id: number }>(
      await store(STORE_FILES.updates),
    )) {
      const date = localDate(u.update_date as string, ctx.timeZone);
      const goal = goals.get(u.goal_id);
      if (!inRange(date) || !goal) continue;
      day(date).goalUpdates.push({
        id: u.id,
        goal: goal.title,
        unit: goal.unit,
        value: Number(u.metric_value),
        note: (u.note as string | null) ?? null,
      });
    }
    // The API lists updates newest first; a day reads oldest first.
    for (const d of days.values()) d.goalUpdates.sort((a, b) => a.id - b.id);
  }

  const keys = habitKeys(allHabits);
  const result: NotesResult = { written: 0, unchanged: 0 };
  for (const date of [...days.keys()].sort()) {
    const entry = days.get(date)!;
    const rel = notePath(notes.folder, notes.pattern, date);
    const path = join(ctx.layout.out, rel);
    const existing = (await exists(path)) ? await readFile(path, 'utf8') : undefined;
    const text = mergeNote(existing, dayProperties(entry, keys), dayBlock(entry));
    if (text === existing) {
      result.unchanged++;
      const bytes = Buffer.from(text, 'utf8');
      ctx.files.set(rel, {
        bytes: bytes.length,
        lines: text.split('\n').length - 1,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        count: 1,
      });
      continue;
    }
    await makeDir(dirname(path));
    ctx.files.set(rel, { ...(await writeFileAtomic(path, text)), count: 1 });
    result.written++;
  }
  return result;
}
