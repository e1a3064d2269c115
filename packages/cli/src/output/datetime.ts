/** An API datetime: ISO 8601 with a time and an offset (`2026-04-08T14:30:00+00:00`). Dates alone stay as sent. */
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** True for strings shaped like an API datetime. */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATETIME.test(value);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `2026-04-08 17:30` in the given IANA zone: what tables show (JSON/CSV keep the API's UTC text). */
export function formatDateTime(value: string, timeZone: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(date).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
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
