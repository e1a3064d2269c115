import type { DatabaseSync } from 'node:sqlite';
import { habitDays } from '../export/habit-days.js';

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
