import { BLOCK_END } from './merge-note.js';

// What the tool writes into a day's note: front-matter properties for Dataview/Tracker and a readable block.
// Obsidian fixes a property's type vault-wide, so every property always has the same type: lists stay lists
// (empty ones too), numbers stay numbers (0 on a quiet day), checkboxes are true/false or absent.

/** One habit on one day (absent from the day when it was not due). */
export interface HabitOfDay {
  id: number;
  name: string;
  emoji: string | null;
  status: 'done' | 'skipped' | 'missed';
  checks: number;
  skipReason?: string | null;
}

export interface FocusOfDay {
  id: number;
  title: string | null;
  started_at: string;
  /** `HH:mm` in the profile's zone. */
  time: string;
  seconds: number | null;
  status: string;
}

export interface TaskOfDay {
  id: number;
  title: string;
}

export interface GoalUpdateOfDay {
  id: number;
  goal: string;
  unit: string | null;
  value: number;
  note: string | null;
}

/** Everything a day's note shows. */
export interface DayEntry {
  date: string;
  habits: HabitOfDay[];
  focus: FocusOfDay[];
  tasks: TaskOfDay[];
  goalUpdates: GoalUpdateOfDay[];
}

/** A habit's checkbox property name, fixed per habit for the whole vault. */
export type HabitKeys = ReadonlyMap<number, string>;

/** ASCII slug of a habit name for a property key (`Morning run` → `morning_run`). */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * `loggd_habit_<slug>` per habit; habits whose names slug the same (or to nothing) get their id appended, so
 * two habits never share a checkbox.
 */
export function habitKeys(habits: ReadonlyArray<{ id: number; name: string }>): Map<number, string> {
  const bySlug = new Map<string, number[]>();
  for (const h of habits) {
    const s = slug(h.name);
    bySlug.set(s, [...(bySlug.get(s) ?? []), h.id]);
  }
  const keys = new Map<number, string>();
  for (const h of habits) {
    const s = slug(h.name);
    const unique = s !== '' && bySlug.get(s)!.length === 1;
    keys.set(h.id, unique ? `loggd_habit_${s}` : `loggd_habit_${s ? `${s}_` : ''}${h.id}`);
  }
  return keys;
}

/** A YAML double-quoted scalar: JSON's string escapes are all valid YAML escapes. */
function str(value: string): string {
  return JSON.stringify(value);
}

/** Minutes with at most two decimals (a number property). */
export function focusMinutes(day: DayEntry): number {
  const seconds = day.focus.reduce((n, f) => n + (f.seconds ?? 0), 0);
  return Math.round((seconds / 60) * 100) / 100;
}

/** The `loggd_…` front-matter lines of a day, in a fixed order. */
export function dayProperties(day: DayEntry, keys: HabitKeys): string {
  const done = day.habits.filter((h) => h.status === 'done');
  const due = day.habits.filter((h) => h.status !== 'skipped');
  const lines = [
    `loggd_date: ${day.date}`,
    done.length
      ? `loggd_habits_done:\n${done.map((h) => `  - ${str(h.name)}`).join('\n')}`
      : 'loggd_habits_done: []',
    `loggd_habits_done_count: ${done.length}`,
    `loggd_habits_due_count: ${due.length}`,
    `loggd_focus_minutes: ${focusMinutes(day)}`,
    `loggd_focus_sessions: ${day.focus.length}`,
    `loggd_tasks_completed: ${day.tasks.length}`,
    `loggd_goal_updates: ${day.goalUpdates.length}`,
  ];
  const checkboxes = day.habits
    .filter((h) => h.status !== 'skipped')
    .map((h) => [keys.get(h.id)!, h.status === 'done'] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, value] of checkboxes) lines.push(`${key}: ${value}`);
  return `${lines.join('\n')}\n`;
}

function minutes(seconds: number | null): string {
  return seconds === null ? '' : ` — ${Math.round(seconds / 60)} min`;
}

/** The readable section (between the markers): habits, focus sessions, tasks completed, goal updates. */
export function dayBlock(day: DayEntry): string {
  const out: string[] = ['## Loggd', ''];
  const label = (h: HabitOfDay) => inline(h.emoji ? `${h.emoji} ${h.name}` : h.name);
  if (day.habits.length) {
    out.push('### Habits');
    for (const h of day.habits) {
      if (h.status === 'done') out.push(`- [x] ${label(h)}${h.checks > 1 ? ` (×${h.checks})` : ''}`);
      else if (h.status === 'missed') out.push(`- [ ] ${label(h)}`);
      else out.push(`- ${label(h)} — skipped${h.skipReason ? ` (${inline(h.skipReason)})` : ''}`);
    }
    out.push('');
  }
  if (day.focus.length) {
    out.push(`### Focus (${focusMinutes(day)} min)`);
    for (const f of day.focus) {
      const title = f.title ? ` ${inline(f.title)}` : '';
      const state = f.status === 'completed' ? '' : ` (${f.status})`;
      out.push(`- ${f.time}${title}${minutes(f.seconds)}${state}`);
    }
    out.push('');
  }
  if (day.tasks.length) {
    out.push('### Tasks completed');
    for (const t of day.tasks) out.push(`- ${inline(t.title)}`);
    out.push('');
  }
  if (day.goalUpdates.length) {
    out.push('### Goal updates');
    for (const u of day.goalUpdates) {
      const unit = u.unit ? ` ${u.unit}` : '';
      out.push(`- ${inline(u.goal)}: ${u.value}${inline(unit)}${u.note ? ` — ${inline(u.note)}` : ''}`);
    }
    out.push('');
  }
  // User text (titles, notes) must not close the block early or break a list item over lines.
  return `${out.join('\n').trimEnd()}\n`;
}

/** One line of user text inside the block: no line breaks, no end marker. */
export function inline(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').replaceAll(BLOCK_END, '<!-- loggd-end -->');
}
