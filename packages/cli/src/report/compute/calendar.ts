import { DateTime } from 'luxon';

/*
 * Local calendar days as integers (days since 1970-01-01 of the proleptic calendar, no time zone): day arithmetic
 * is integer arithmetic, so a 23- or 25-hour DST day is one day like any other. Only instants go through a zone.
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

/** Minutes after local midnight a "day" starts at (`--day-starts-at 04:00` → 240). */
export type DayStart = number;

/**
 * The local day an instant belongs to in `zone`, days starting `dayStartsAt` minutes after midnight: an instant
 * at 02:00 with days starting at 04:00 belongs to the previous day.
 */
export function localDayOfInstant(ms: number, zone: string, dayStartsAt: DayStart = 0): number {
  const local = DateTime.fromMillis(ms, { zone });
  // Wall-clock arithmetic on the local fields: subtracting minutes from the wall time, not from the instant,
  // keeps a 04:00 day start at 04:00 on DST days.
  const minutes = local.hour * 60 + local.minute;
  const day = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
  return minutes < dayStartsAt ? day - 1 : day;
}

/** The instant (ms) local day `day` starts at in `zone` (a start inside a DST gap moves to the gap's end). */
export function dayStartInstant(day: number, zone: string, dayStartsAt: DayStart = 0): number {
  const d = new Date(day * 86_400_000);
  return DateTime.fromObject(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: Math.floor(dayStartsAt / 60),
      minute: dayStartsAt % 60,
    },
    { zone },
  ).toMillis();
}

/** Milliseconds of an ISO datetime with an offset (`2026-04-08T14:30:00+03:00`). */
export function instantOf(iso: string): number {
  return Date.parse(iso);
}

/** The zone's UTC offset on a local day, as `+03:00`, for report headers. */
export function offsetLabel(day: number, zone: string): string {
  return DateTime.fromMillis(dayStartInstant(day, zone) + 12 * 3_600_000, { zone }).toFormat('ZZ');
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
