import { usageError } from '../errors.js';
import { isoWeekMonday } from './compute/calendar.js';

// Flag parsers for the report commands: light (no SDK, no report code) so the declarations can use them at parse time.

/** `--day-starts-at HH:MM` → minutes after midnight (00:00–23:59). */
export function parseDayStart(value: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  const h = m ? Number(m[1]) : Number.NaN;
  const min = m ? Number(m[2]) : Number.NaN;
  if (!m || h > 23 || min > 59)
    throw usageError(
      `invalid --day-starts-at '${value}': accepted is a time HH:MM from 00:00 to 23:59`,
      'e.g. --day-starts-at 04:00',
    );
  return h * 60 + min;
}

/** `--week 2026-W15` (an ISO week). */
export function parseWeek(value: string): string {
  if (isoWeekMonday(value) === undefined)
    throw usageError(`invalid --week '${value}': accepted is an ISO week YYYY-Www`, 'e.g. --week 2026-W15');
  return value;
}

/** `--month 2026-04`. */
export function parseMonth(value: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
    throw usageError(`invalid --month '${value}': accepted is a month YYYY-MM`, 'e.g. --month 2026-04');
  return value;
}

/** `--period 90d|12w|6m|1y|all`: how far back insights look (a count and a unit, or all history). */
export function parsePeriod(value: string): string {
  const m = /^(\d{1,4})([dwmy])$/.exec(value);
  if (value !== 'all' && (!m || Number(m[1]) < 1))
    throw usageError(
      `invalid --period '${value}': accepted are a count of days, weeks, months or years (90d, 12w, 6m, 1y) or all`,
      'e.g. --period 6m',
    );
  return value;
}

/** `--seed N` of the permutation tests: a non-negative integer below 2³¹ (the generator's state is 32-bit). */
export function parseInsightsSeed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 2_147_483_647)
    throw usageError(
      `invalid --seed '${value}': accepted is an integer from 0 to 2147483647`,
      'e.g. --seed 7',
    );
  return n;
}
