/**
 * Calendar arithmetic on day numbers (days since 1970-01-01) with no `Date` objects: the generator formats
 * millions of dates, so strings come from caches filled by integer arithmetic.
 */

import { WEEK_DAYS } from '@loggd/sdk';

export const DAY_MS = 86_400_000;

/** Weekday names in the SDK's order; index 0 is monday. */
export const WEEKDAY_NAMES = WEEK_DAYS;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** 0 = monday … 6 = sunday (1970-01-01, day 0, was a thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** Index (0 = monday) of a weekday name, or -1 for anything else. */
export function weekdayIndex(name: string): number {
  return (WEEKDAY_NAMES as readonly string[]).indexOf(name);
}

/** The first day of the week holding `day`, for weeks starting on weekday index `weekStart`. */
export function weekStartOf(day: number, weekStart: number): number {
  return day - ((weekdayOf(day) - weekStart + 7) % 7);
}

const dateCache = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (Hinnant's civil-from-days), cached: each day is formatted once per process. */
export function dateOf(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    const z = day + 719_468;
    const era = Math.floor(z / 146_097);
    const doe = z - era * 146_097;
    const yoe = Math.floor(
      (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
    );
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    s = `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    dateCache.set(day, s);
  }
  return s;
}

const dayCache = new Map<string, number>();

/** Day number of a `YYYY-MM-DD` string (only the first 10 characters are read). */
export function dayOf(date: string): number {
  const cached = dayCache.get(date);
  if (cached !== undefined) return cached;
  const day = parseDay(date);
  // Dates repeat (one string per day), so a bounded cache turns most parses into one lookup.
  if (dayCache.size < 100_000) dayCache.set(date, day);
  return day;
}

function parseDay(date: string): number {
  const y =
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const d = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

const timeSuffixes: (string | undefined)[] = new Array(86_400);

/** `THH:MM:SS+00:00` for a second of the day; cached so every instant string is one concatenation. */
function timeSuffix(second: number): string {
  let s = timeSuffixes[second];
  if (s === undefined) {
    const h = Math.floor(second / 3600);
    const m = Math.floor((second % 3600) / 60);
    const sec = second % 60;
    s = `T${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${sec < 10 ? '0' : ''}${sec}+00:00`;
    timeSuffixes[second] = s;
  }
  return s;
}

/** An instant as the API writes it: `2026-04-08T07:15:00+00:00` (UTC, whole seconds). */
export function wireInstant(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  return dateOf(day) + timeSuffix(Math.floor((ms - day * DAY_MS) / 1000));
}
