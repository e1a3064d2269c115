import { usageError } from '../errors.js';
import { addMonths, dayOf, isoWeekMonday, weekStartOf } from './compute/calendar.js';
import { monthPeriod, type Period, weekPeriod } from './compute/period.js';

export interface PeriodFlags {
  week?: string;
  month?: string;
  date?: string;
  from?: string;
  to?: string;
}

/**
 * The profile week holding the monday of `--week` (ISO weeks start on monday; the profile's week may start on
 * another day), or the one holding `--date`, or this week.
 */
export function reviewPeriod(
  kind: 'week' | 'month',
  flags: PeriodFlags,
  today: number,
  weekStart: number,
): Period {
  if (flags.week && flags.date) throw usageError('give either --week or --date, not both');
  if (flags.month && flags.date) throw usageError('give either --month or --date, not both');
  if (kind === 'week') {
    const day = flags.week ? isoWeekMonday(flags.week)! : flags.date ? dayOf(flags.date) : today;
    return weekPeriod(day, weekStart);
  }
  return monthPeriod(flags.month ? dayOf(`${flags.month}-01`) : flags.date ? dayOf(flags.date) : today);
}

/**
 * `--from/--to`, defaulting to the last `count` units before today: days, whole profile weeks or whole months.
 */
export function rangePeriod(
  flags: PeriodFlags,
  today: number,
  weekStart: number,
  unit: 'day' | 'week' | 'month',
  count: number,
): Period {
  const to = flags.to
    ? dayOf(flags.to)
    : unit === 'day'
      ? today
      : unit === 'week'
        ? weekStartOf(today, weekStart) + 6
        : addMonths(today, 1) - 1;
  const from = flags.from
    ? dayOf(flags.from)
    : unit === 'day'
      ? to - count + 1
      : unit === 'week'
        ? weekStartOf(to, weekStart) - (count - 1) * 7
        : addMonths(to, -(count - 1));
  if (from > to) throw usageError(`invalid date range: --from is after --to`);
  if (to - from > 3660) throw usageError('invalid date range: at most 10 years at a time');
  return { from, to };
}
