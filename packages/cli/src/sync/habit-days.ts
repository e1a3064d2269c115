import type { DatabaseSync } from 'node:sqlite';
import { habitDays } from '../account/habit-days.js';
import { schemaSql } from './schema.js';

export interface CalendarOptions {
  timeZone: string;
  weekStartDay: string;
  /** Today in the profile's zone. */
  today: string;
}

/**
 * Rebuilds `habit_days` from the mirrored habits, checks and skips (inside the caller's transaction), with the
 * same rules as the export's habit_days.csv. Derived data: recomputed whole, since a new check can turn a past
 * week's days from missed to done. One habit's dates are in memory at a time.
 */
export function rebuildHabitDays(db: DatabaseSync, cal: CalendarOptions): number {
  // A mirror made before today's days became 'pending' has a CHECK without it: the table is derived, so it is
  // recreated (inside the caller's transaction) rather than migrated.
  const table = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'habit_days'")
    .get() as { sql: string } | undefined;
  if (table && !table.sql.includes("'pending'")) {
    db.exec('DROP TABLE habit_days');
    for (const sql of schemaSql()) if (/habit_days/.test(sql) && !/VIEW/.test(sql)) db.exec(sql);
  }
  db.exec('DELETE FROM habit_days');
  const insert = db.prepare(
    'INSERT INTO habit_days (habit_id, date, weekday, status, checks) VALUES (?, ?, ?, ?, ?)',
  );
  const checkDates = db.prepare('SELECT date FROM habit_checks WHERE habit_id = ?');
  const skipDates = db.prepare('SELECT date FROM habit_skips WHERE habit_id = ?');
  let rows = 0;
  for (const raw of db.prepare('SELECT raw FROM habits ORDER BY id').iterate()) {
    const habit = JSON.parse((raw as { raw: string }).raw);
    const dates = (stmt: typeof checkDates) =>
      (stmt.all(habit.id) as Array<{ date: string }>).map((r) => r.date);
    for (const d of habitDays({
      habit,
      checkDates: dates(checkDates),
      skipDates: dates(skipDates),
      today: cal.today,
      timeZone: cal.timeZone,
      weekStartDay: cal.weekStartDay,
    })) {
      insert.run(habit.id, d.date, d.weekday, d.status, d.checks);
      rows++;
    }
  }
  return rows;
}
