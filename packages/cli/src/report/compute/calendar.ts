/*
 * Local calendar days as integers (days since 1970-01-01 of the proleptic calendar, no time zone): day arithmetic
 * is integer arithmetic, so a 23- or 25-hour DST day is one day like any other. Only instants go through a zone (zone.ts).
 */

import { WEEK_DAYS, type WeekDay } from '@loggd/sdk/constants';

/** The profile's week days in API order; index 0 is monday (ISO). */
export const WEEKDAYS = WEEK_DAYS;
export type Weekday = WeekDay;

const ZERO = 48;

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Day number of a `YYYY-MM-DD` calendar date (a datetime's date part is read as written, not converted).
 * Integer arithmetic (Hinnant's days_from_civil): reports parse millions of dates.
 */
export function dayOf(date: string): number {
  const y0 = digits(date, 0, 4);
  const m = digits(date, 5, 2);
  const d = digits(date, 8, 2);
  if (date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45 || !(m >= 1 && m <= 12 && d >= 1 && d <= 31))
    throw new RangeError(`not a calendar date: '${date}'`);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** `YYYY-MM-DD` of a day number. */
export function isoOf(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

// Reports print the same few thousand dates over and over.
const isoCache = new Map<number, string>();

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
