// Ranges of calendar dates (`YYYY-MM-DD`, local to the profile's zone): plain date arithmetic, no time zone
// involved (an instant's local date is time/zone.ts's localDate).

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Every calendar date from `from` to `to` inclusive, with its lower-case english weekday. */
export function* days(from: string, to: string): Generator<{ date: string; weekday: string }> {
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const d = new Date(t);
    yield { date: d.toISOString().slice(0, 10), weekday: WEEKDAY_NAMES[d.getUTCDay()]! };
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
