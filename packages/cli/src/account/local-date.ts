import { DateTime } from 'luxon';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`YYYY-MM-DD`) of an API datetime in `timeZone`; '' for null. */
export function localDate(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    // en-CA formats as YYYY-MM-DD.
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, fmt);
  }
  return fmt.format(new Date(iso));
}

/** Every calendar date from `from` to `to` inclusive (calendar arithmetic, no time zone involved). */
export function* days(from: string, to: string): Generator<{ date: string; weekday: string }> {
  let d = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  while (d <= end) {
    yield { date: d.toISODate()!, weekday: d.setLocale('en').weekdayLong!.toLowerCase() };
    d = d.plus({ days: 1 });
  }
}

/** The later of two optional dates. */
export function maxDate(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

/** The earlier of two optional dates. */
export function minDate(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}
