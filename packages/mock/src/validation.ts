/** Laravel-style query validation: collects `field → messages` for the 422 `errors` object. */
export class QueryErrors {
  readonly errors: Record<string, string[]> = {};

  add(field: string, message: string): void {
    const list = this.errors[field] ?? [];
    list.push(message);
    this.errors[field] = list;
  }

  get any(): boolean {
    return Object.keys(this.errors).length > 0;
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD (rejects 2026-02-30). */
export function isDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Read an enum query parameter with its default; unknown values are a 422 ("The selected status is invalid."). */
export function enumParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T | undefined,
  errors: QueryErrors,
): T | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  errors.add(name, `The selected ${name.replaceAll('_', ' ')} is invalid.`);
  return fallback;
}

/** `from`/`to` (inclusive, YYYY-MM-DD), with Laravel's messages. */
export function dateRange(query: URLSearchParams, errors: QueryErrors): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  for (const name of ['from', 'to'] as const) {
    const raw = query.get(name);
    if (raw === null || raw === '') continue;
    if (isDate(raw)) range[name] = raw;
    else errors.add(name, `The ${name} field must be a valid date in the format Y-m-d.`);
  }
  if (range.from && range.to && range.to < range.from) {
    errors.add('to', 'The to field must be a date after or equal to from.');
  }
  return range;
}
