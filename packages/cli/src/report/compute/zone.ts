import { DateTime } from 'luxon';

// Instants → local days in an IANA zone (luxon): the only place a time zone enters the reports.

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
