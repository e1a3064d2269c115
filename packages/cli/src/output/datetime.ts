/** An API datetime: ISO 8601 with a time and an offset (`2026-04-08T14:30:00+00:00`). Dates alone stay as sent. */
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** True for strings shaped like an API datetime. */
export function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATETIME.test(value);
}
