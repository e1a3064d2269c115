/*
 * Local calendar days as integers (days since 1970-01-01 of the proleptic calendar, no time zone): day arithmetic
 * is integer arithmetic, so a 23- or 25-hour DST day is one day like any other. Only instants go through a zone (zone.ts).
 */

/** The profile's week days in API order; index 0 is monday (ISO). */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Day number of a `YYYY-MM-DD` calendar date (a datetime's date part is read as written, not converted). */
export function dayOf(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a calendar date: '${date}'`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Weekday index of a day number: 0 = monday … 6 = sunday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a thursday (index 3)
}

/** Weekday index of a week-day name (case-insensitive), or -1. */
export function weekdayIndex(name: string): number {
  return WEEKDAYS.indexOf(name.toLowerCase() as Weekday);
}

/** The first day of the week holding `day`, weeks starting on weekday index `weekStart`. */
export function weekStartOf(day: number, weekStart: number): number {
  return day - ((weekdayOf(day) - weekStart + 7) % 7);
}

/** The first day of the month holding `day`. */
export function monthStartOf(day: number): number {
  const d = new Date(day * 86_400_000);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000);
}

/** The first day of the month `n` months after the month holding `day`. */
export function addMonths(day: number, n: number): number {
  const d = new Date(day * 86_400_000);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1) / 86_400_000);
}

/** ISO 8601 week label (`2026-W15`) of a day: ISO weeks start on monday whatever the profile says. */
export function isoWeekLabel(day: number): string {
  const thursday = day - weekdayOf(day) + 3;
  const year = new Date(thursday * 86_400_000).getUTCFullYear();
  const jan1 = Math.floor(Date.UTC(year, 0, 1) / 86_400_000);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The monday of ISO week `2026-W15`, or undefined when the label is not a week of that year. */
export function isoWeekMonday(label: string): number | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!m) return undefined;
  const year = Number(m[1]);
  const week = Number(m[2]);
  const jan4 = Math.floor(Date.UTC(year, 0, 4) / 86_400_000);
  const monday = jan4 - weekdayOf(jan4) + (week - 1) * 7;
  return week >= 1 && isoWeekLabel(monday) === label ? monday : undefined;
}
