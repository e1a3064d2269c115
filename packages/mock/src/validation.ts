import { isCalendarDate } from '@loggd/sdk';

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

/**
 * A real calendar date in YYYY-MM-DD (rejects 2026-02-30, accepts 0042-01-09): the SDK's own check, so the mock
 * and the client can never disagree on which dates exist.
 */
export const isDate: (value: string) => boolean = isCalendarDate;

/** PHP's trim() set: Laravel's TrimStrings middleware trims exactly these from every input string. */
const PHP_SPACE = new Set([' ', '\t', '\n', '\r', '\0', '\v']);

/** PHP's trim(): only its six characters, not every Unicode space like String#trim. */
export function phpTrim(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && PHP_SPACE.has(value[start]!)) start++;
  while (end > start && PHP_SPACE.has(value[end - 1]!)) end--;
  return value.slice(start, end);
}

/**
 * The query as a Laravel app reads it: PHP keeps the LAST value of a repeated parameter (`?limit=2&limit=500`
 * reads 500; URLSearchParams.get keeps the first), the TrimStrings middleware trims every value, and
 * ConvertEmptyStringsToNull turns what is left empty into null, which the API's optional rules treat as absent.
 */
export function laravelQuery(query: URLSearchParams): URLSearchParams {
  const last = new Map<string, string>();
  for (const [name, value] of query) last.set(name, phpTrim(value));
  const out = new URLSearchParams();
  for (const [name, value] of last) if (value !== '') out.set(name, value);
  return out;
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
