import { offsetLabel } from '../../time/zone.js';
import { isoOf, WEEKDAYS } from '../compute/calendar.js';
import type { Period, ReportSettings } from '../compute/period.js';
import type { ReportHeader } from '../document.js';

/** `04:00` from minutes after midnight. */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The header every report prints: the resolved range, zone (with its offsets), week start and day start. */
export function reportHeader(title: string, p: Period, s: ReportSettings, label?: string): ReportHeader {
  return {
    title,
    from: isoOf(p.from),
    to: isoOf(p.to),
    ...(label ? { label } : {}),
    timezone: s.zone,
    offsets: [offsetLabel(p.from, s.zone), offsetLabel(p.to, s.zone)],
    week_start: WEEKDAYS[s.weekStart]!,
    day_starts_at: clock(s.dayStartsAt),
    as_of: isoOf(Math.min(p.to, s.today)),
  };
}

/** The header's fields for `--format json`. */
export function headerJson(h: ReportHeader): Record<string, unknown> {
  return {
    range: { from: h.from, to: h.to, ...(h.label ? { label: h.label } : {}) },
    timezone: h.timezone,
    utc_offsets: [...new Set(h.offsets)],
    week_start: h.week_start,
    day_starts_at: h.day_starts_at,
    as_of: h.as_of,
  };
}
