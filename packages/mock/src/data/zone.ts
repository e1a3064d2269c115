import { DAY_MS } from './calendar.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** UTC offset of an IANA zone at an instant, in minutes (Bucharest in summer: 180). Uses Intl: slow, call sparingly. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    const v = Number(part.value);
    if (part.type === 'year') y = v;
    else if (part.type === 'month') mo = v;
    else if (part.type === 'day') d = v;
    else if (part.type === 'hour') h = v;
    else if (part.type === 'minute') mi = v;
    else if (part.type === 'second') s = v;
  }
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The local calendar day (day number) of an instant in a zone. */
export function localDayOf(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffsetMinutes(ms, timeZone) * 60_000) / DAY_MS);
}

/** The local date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDateOf(ms: number, timeZone: string): string {
  const f = formatterFor(timeZone).formatToParts(ms);
  const get = (type: string) => f.find((p) => p.type === type)!.value.padStart(2, '0');
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** Offsets of one local day: at its start and end, and the UTC instant they switch at (DST days only). */
interface DayOffsets {
  start: number;
  end: number;
  switchAt: number;
}

/**
 * Local wall time → UTC for one zone. Asks Intl for the offset about twice per local day, plus a short search
 * for the switch instant on DST days, so a million instants cost a few Intl calls per day of history.
 */
export class ZoneClock {
  readonly timeZone: string;
  readonly #days = new Map<number, DayOffsets>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  #offsets(day: number): DayOffsets {
    const tz = this.timeZone;
    const guess = zoneOffsetMinutes(day * DAY_MS, tz);
    const start = zoneOffsetMinutes(day * DAY_MS - guess * 60_000, tz);
    const end = zoneOffsetMinutes(day * DAY_MS + (DAY_MS - 1000) - start * 60_000, tz);
    let switchAt = Number.POSITIVE_INFINITY;
    if (start !== end) {
      // Binary search (to the second) for the first instant with the new offset.
      let lo = day * DAY_MS - start * 60_000;
      let hi = day * DAY_MS + (DAY_MS - 1000) - start * 60_000;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (zoneOffsetMinutes(mid, tz) === start) lo = mid;
        else hi = mid;
      }
      switchAt = hi;
    }
    const offsets = { start, end, switchAt };
    this.#days.set(day, offsets);
    return offsets;
  }

  /** The UTC instant (ms) of local `second` (0…86399) on local `day`; always on that local date. */
  toUtc(day: number, second: number): number {
    const o = this.#days.get(day) ?? this.#offsets(day);
    const early = day * DAY_MS + second * 1000 - o.start * 60_000;
    // Before the switch the old offset holds; wall times in a spring-forward gap map to the earlier instant.
    return early < o.switchAt ? early : early + (o.start - o.end) * 60_000;
  }
  /** Local day number of an instant. */
  dayOf(ms: number): number {
    return localDayOf(ms, this.timeZone);
  }

  /** Seconds since local midnight of an instant on its local day. */
  secondOfDay(ms: number): number {
    const day = this.dayOf(ms);
    return Math.floor((ms - this.toUtc(day, 0)) / 1000);
  }
}
