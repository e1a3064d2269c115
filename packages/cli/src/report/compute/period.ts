import { addMonths, isoOf, isoWeekLabel, monthStartOf, weekStartOf } from './calendar.js';

/** An inclusive range of local days (day numbers, see calendar.ts). */
export interface Period {
  from: number;
  to: number;
}

/** What every report needs to place days and instants: the profile's zone and week start, and "today". */
export interface ReportSettings {
  zone: string;
  /** Weekday index the profile's weeks start on: 0 = monday … 6 = sunday. */
  weekStart: number;
  /** Minutes after local midnight a day starts at for instants (`--day-starts-at`); checks keep their date. */
  dayStartsAt: number;
  /** Today's local day number in the zone (with the day start applied). */
  today: number;
}

/** The profile week holding `day`. */
export function weekPeriod(day: number, weekStart: number): Period {
  const from = weekStartOf(day, weekStart);
  return { from, to: from + 6 };
}

/** The calendar month holding `day`. */
export function monthPeriod(day: number): Period {
  const from = monthStartOf(day);
  return { from, to: addMonths(from, 1) - 1 };
}

/** The period of the same kind just before `p` (weeks by 7 days, months by calendar month). */
export function previousPeriod(p: Period, kind: 'week' | 'month'): Period {
  return kind === 'week' ? { from: p.from - 7, to: p.to - 7 } : monthPeriod(p.from - 1);
}

/** Consecutive buckets covering `p`: days, profile weeks or calendar months (edge buckets clipped to `p`). */
export function buckets(p: Period, by: 'day' | 'week' | 'month', weekStart: number): Period[] {
  const out: Period[] = [];
  let start = p.from;
  while (start <= p.to) {
    const end =
      by === 'day' ? start : by === 'week' ? weekStartOf(start, weekStart) + 6 : addMonths(start, 1) - 1;
    out.push({ from: start, to: Math.min(end, p.to) });
    start = end + 1;
  }
  return out;
}

/** A short label for a bucket: the date, `2026-W15 (from 2026-04-06)` style week start, or `2026-04`. */
export function bucketLabel(b: Period, by: 'day' | 'week' | 'month'): string {
  if (by === 'day') return isoOf(b.from);
  if (by === 'month') return isoOf(b.from).slice(0, 7);
  return `${isoOf(b.from)}`;
}

/** ISO dates of a period, for headers and JSON. */
export function periodJson(p: Period): { from: string; to: string; days: number; iso_week?: string } {
  return { from: isoOf(p.from), to: isoOf(p.to), days: p.to - p.from + 1 };
}

export { isoWeekLabel };
