import { DateTime } from 'luxon';

// Instants → local days in an IANA zone (luxon): the only place a time zone enters the reports.

/** Minutes after local midnight a "day" starts at (`--day-starts-at 04:00` → 240). */
export type DayStart = number;

const DAY_MS = 86_400_000;
// Zone offsets only change on quarter-hour instants (every zone's offset is a multiple of 15 minutes and
// transitions happen on a local quarter hour), so within a day holding a transition one luxon lookup per
// 15-minute bucket serves every instant in it.
const BUCKET_MS = 900_000;

/** Offsets of one zone, asked of luxon once per UTC day edge (and per quarter hour on transition days). */
interface ZoneOffsets {
  zone: string;
  /** UTC day number → offset (ms) at that day's 00:00Z. */
  edges: Map<number, number>;
  /** Quarter-hour bucket → offset (ms), on the few days whose two edges differ. */
  buckets: Map<number, number>;
}

const tables = new Map<string, ZoneOffsets>();
// Reports ask about one zone millions of times: skip the map lookup for the last one.
let recent: ZoneOffsets | undefined;

function tableOf(zone: string): ZoneOffsets {
  if (recent?.zone === zone) return recent;
  let table = tables.get(zone);
  if (!table) {
    table = { zone, edges: new Map(), buckets: new Map() };
    tables.set(zone, table);
  }
  recent = table;
  return table;
}

function luxonOffset(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).offset * 60_000;
}

function edgeOffset(table: ZoneOffsets, day: number): number {
  let offset = table.edges.get(day);
  if (offset === undefined) {
    offset = luxonOffset(day * DAY_MS, table.zone);
    table.edges.set(day, offset);
  }
  return offset;
}

function offsetMs(ms: number, zone: string): number {
  const table = tableOf(zone);
  const day = Math.floor(ms / DAY_MS);
  const start = edgeOffset(table, day);
  // Zones change offset at most once a day: equal offsets at both edges mean none changed in between.
  if (start === edgeOffset(table, day + 1)) return start;
  const bucket = Math.floor(ms / BUCKET_MS);
  let offset = table.buckets.get(bucket);
  if (offset === undefined) {
    offset = luxonOffset(bucket * BUCKET_MS, zone);
    table.buckets.set(bucket, offset);
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
  const day = Math.floor(local / DAY_MS);
  const minutes = Math.floor((local - day * DAY_MS) / 60_000);
  return minutes < dayStartsAt ? day - 1 : day;
}

/**
 * The instant (ms) local day `day` starts at in `zone`. An ambiguous local time (clocks going back) takes the
 * earlier instant; a start inside a DST gap moves forward by the gap, as luxon does.
 */
export function dayStartInstant(day: number, zone: string, dayStartsAt: DayStart = 0): number {
  const local = day * DAY_MS + dayStartsAt * 60_000;
  // At most one offset change within a day either side: the local time maps through one of these two offsets.
  const before = offsetMs(local - DAY_MS, zone);
  const after = offsetMs(local + DAY_MS, zone);
  const t1 = local - before;
  const t2 = local - after;
  const ok1 = offsetMs(t1, zone) === before;
  const ok2 = offsetMs(t2, zone) === after;
  if (ok1 && ok2) return Math.min(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  return Math.max(t1, t2);
}

function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Milliseconds of an ISO datetime with an offset (`2026-04-08T14:30:00+03:00`, `…Z`, optional fraction).
 * The API's own shape is read by hand (reports read hundreds of thousands of them; Date.parse is several times
 * slower); anything else goes to Date.parse.
 */
export function instantOf(iso: string): number {
  const n = iso.length;
  if (n < 20 || iso.charCodeAt(10) !== 84 /* T */ || iso.charCodeAt(13) !== 58 || iso.charCodeAt(16) !== 58)
    return Date.parse(iso);
  const y = digits(iso, 0, 4);
  const mo = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  const h = digits(iso, 11, 2);
  const mi = digits(iso, 14, 2);
  const s = digits(iso, 17, 2);
  let i = 19;
  let ms = 0;
  if (iso.charCodeAt(i) === 46 /* . */) {
    let scale = 100;
    for (i++; i < n; i++) {
      const c = iso.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      ms += c * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  let offset = 0;
  const sign = iso.charCodeAt(i);
  if (sign === 90 /* Z */ && i === n - 1) offset = 0;
  else if ((sign === 43 || sign === 45) && i === n - 6 && iso.charCodeAt(i + 3) === 58) {
    offset = (digits(iso, i + 1, 2) * 60 + digits(iso, i + 4, 2)) * (sign === 45 ? -60_000 : 60_000);
  } else return Date.parse(iso);
  if (
    iso.charCodeAt(4) !== 45 ||
    iso.charCodeAt(7) !== 45 ||
    !(mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59) ||
    Number.isNaN(offset)
  )
    return Date.parse(iso);
  return daysFromCivil(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + s * 1000 + ms - offset;
}

// Hinnant's days_from_civil, as calendar.ts's dayOf (which this module cannot import without a cycle of jobs).
function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The zone's UTC offset on a local day, as `+03:00`, for report headers. */
export function offsetLabel(day: number, zone: string): string {
  return DateTime.fromMillis(dayStartInstant(day, zone) + 12 * 3_600_000, { zone }).toFormat('ZZ');
}

/** Wall-clock minutes after local midnight of an instant in `zone` (a check at 07:40 local → 460, DST or not). */
export function localMinuteOfInstant(ms: number, zone: string): number {
  const local = ms + offsetMs(ms, zone);
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / 60_000);
}
