/**
 * The one place the CLI asks about time zones (IANA names, through Intl): an instant's offset in a zone, and what
 * follows from it — the local date, day, wall-clock time and the offset label. Everything else is calendar
 * arithmetic on dates or day numbers, with no zone involved.
 */

/** Minutes after local midnight a "day" starts at (`--day-starts-at 04:00` → 240). */
export type DayStart = number;

const DAY_MS = 86_400_000;
// Zone offsets only change on quarter-hour instants (every zone's offset is a multiple of 15 minutes and
// transitions happen on a local quarter hour), so within a day holding a transition one lookup per 15-minute
// bucket serves every instant in it.
const BUCKET_MS = 900_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset (ms) at instant `ms`, asked of Intl: the wall-clock time it shows, minus the instant. */
function intlOffset(ms: number, zone: string): number {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, fmt);
  }
  const p: Record<string, number> = {};
  for (const part of fmt.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  // The wall clock has whole seconds: compare it with the instant's whole second.
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** Offsets of one zone, asked once per UTC day edge (and per quarter hour on transition days). */
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

function edgeOffset(table: ZoneOffsets, day: number): number {
  let offset = table.edges.get(day);
  if (offset === undefined) {
    offset = intlOffset(day * DAY_MS, table.zone);
    table.edges.set(day, offset);
  }
  return offset;
}

/** The UTC offset (ms) of `zone` at instant `ms` (`Europe/Bucharest` in summer → 10 800 000). */
export function offsetMs(ms: number, zone: string): number {
  const table = tableOf(zone);
  const day = Math.floor(ms / DAY_MS);
  const start = edgeOffset(table, day);
  // Zones change offset at most once a day: equal offsets at both edges mean none changed in between.
  if (start === edgeOffset(table, day + 1)) return start;
  const bucket = Math.floor(ms / BUCKET_MS);
  let offset = table.buckets.get(bucket);
  if (offset === undefined) {
    offset = intlOffset(bucket * BUCKET_MS, zone);
    table.buckets.set(bucket, offset);
  }
  return offset;
}

/** Whether the zone is a valid IANA name (an invalid LOGGD_TZ is a usage error, not a crash). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The local day an instant belongs to in `zone` (days since 1970-01-01), days starting `dayStartsAt` minutes after
 * midnight: an instant at 02:00 with days starting at 04:00 belongs to the previous day.
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
 * earlier instant; a start inside a DST gap moves forward by the gap.
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

/** Wall-clock minutes after local midnight of an instant in `zone` (a check at 07:40 local → 460, DST or not). */
export function localMinuteOfInstant(ms: number, zone: string): number {
  const local = ms + offsetMs(ms, zone);
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / 60_000);
}

/** The zone's UTC offset on a local day, as `+03:00`, for report headers. */
export function offsetLabel(day: number, zone: string): string {
  const minutes = Math.round(offsetMs(dayStartInstant(day, zone) + 12 * 3_600_000, zone) / 60_000);
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The wall-clock time of an instant in `zone`, as a UTC `Date` whose fields read local (`getUTCHours()`…). */
function wallClock(instant: Date | number, zone: string): Date {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + offsetMs(ms, zone));
}

/** `YYYY-MM-DD` of a wall clock. */
function dateText(wall: Date): string {
  return wall.toISOString().slice(0, 10);
}

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The calendar date (`YYYY-MM-DD`) of an API datetime in `zone`; '' for null (and the text as is when unparsable). */
export function localDate(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return dateText(wallClock(ms, zone));
}

/** The calendar day of `instant` in `zone`, with its lower-case english weekday (as the API spells them). */
export function localDay(instant: Date, zone: string): { date: string; weekday: string } {
  const wall = wallClock(instant, zone);
  return { date: dateText(wall), weekday: WEEKDAY_NAMES[wall.getUTCDay()]! };
}

/** `HH:MM` of an API datetime in `zone` (the text as is when unparsable). */
export function localTime(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return wallClock(ms, zone).toISOString().slice(11, 16);
}

/** `2026-04-08 17:30` in `zone`: what tables show (JSON/CSV keep the API's text); the text as is when unparsable. */
export function formatDateTime(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const text = wallClock(ms, zone).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)}`;
}
