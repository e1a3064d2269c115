import { DateTime } from 'luxon';

// Instants → local days in an IANA zone (luxon): the only place a time zone enters the reports.

/** Minutes after local midnight a "day" starts at (`--day-starts-at 04:00` → 240). */
export type DayStart = number;

// Zone offsets only change on quarter-hour instants (every zone's offset is a multiple of 15 minutes and
// transitions happen on a local quarter hour), so one luxon lookup per 15-minute bucket serves every instant in it.
const BUCKET_MS = 900_000;
const offsets = new Map<string, Map<number, number>>();

function offsetMs(ms: number, zone: string): number {
  let cache = offsets.get(zone);
  if (!cache) {
    cache = new Map();
    offsets.set(zone, cache);
  }
  const bucket = Math.floor(ms / BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = DateTime.fromMillis(bucket * BUCKET_MS, { zone }).offset * 60_000;
    cache.set(bucket, offset);
  }
  return offset;
}

/**
 * The local day an instant belongs to in `zone`, days starting `dayStartsAt` minutes after midnight: an instant
 * at 02:00 with days starting at 04:00 belongs to the previous day.
 */
export function localDayOfInstant(ms: number, zone: string, dayStartsAt: DayStart = 0): number {
  // Wall-clock arithmetic on the local time: a 04:00 day start stays at 04:00 on DST days.
  const local = ms + offsetMs(ms, zone);
  const day = Math.floor(local / 86_400_000);
  const minutes = Math.floor((local - day * 86_400_000) / 60_000);
  return minutes < dayStartsAt ? day - 1 : day;
}

/**
 * The instant (ms) local day `day` starts at in `zone`. An ambiguous local time (clocks going back) takes the
 * earlier instant; a start inside a DST gap moves forward by the gap, as luxon does.
 */
export function dayStartInstant(day: number, zone: string, dayStartsAt: DayStart = 0): number {
  const local = day * 86_400_000 + dayStartsAt * 60_000;
  // At most one offset change within a day either side: the local time maps through one of these two offsets.
  const before = offsetMs(local - 86_400_000, zone);
  const after = offsetMs(local + 86_400_000, zone);
  const t1 = local - before;
  const t2 = local - after;
  const ok1 = offsetMs(t1, zone) === before;
  const ok2 = offsetMs(t2, zone) === after;
  if (ok1 && ok2) return Math.min(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  return Math.max(t1, t2);
}

/** Milliseconds of an ISO datetime with an offset (`2026-04-08T14:30:00+03:00`). */
export function instantOf(iso: string): number {
  return Date.parse(iso);
}

/** The zone's UTC offset on a local day, as `+03:00`, for report headers. */
export function offsetLabel(day: number, zone: string): string {
  return DateTime.fromMillis(dayStartInstant(day, zone) + 12 * 3_600_000, { zone }).toFormat('ZZ');
}
