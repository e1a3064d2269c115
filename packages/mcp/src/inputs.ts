import * as z from 'zod';

/** True for a real `YYYY-MM-DD` calendar date (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** True for an ISO week label of its year: `2026-W15`; W53 only in years that have one. */
export function isIsoWeek(label: string): boolean {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!m) return false;
  const [year, week] = [Number(m[1]), Number(m[2])];
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay(); // 4 = thursday
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCDate() === 29;
  const weeks = jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
  return week >= 1 && week <= weeks;
}

/** A calendar date argument; the message names the argument and the accepted form. */
export function date(name: string, description: string) {
  return z
    .string()
    .refine(isCalendarDate, { message: `${name} must be a calendar date YYYY-MM-DD, e.g. 2026-04-01` })
    .describe(`${description} (YYYY-MM-DD)`);
}

/** A positive integer id of a resource. */
export function id(what: string) {
  return z
    .number({ message: `id must be the ${what}'s numeric id, e.g. 42` })
    .int({ message: `id must be a whole number (the ${what}'s id)` })
    .positive({ message: `id must be a positive ${what} id` })
    .describe(`the ${what}'s numeric id`);
}

/** How many items a list tool returns at most: 1…cap, `dflt` when absent. */
export function limit(dflt: number, cap: number) {
  return z
    .number()
    .int({ message: `limit must be a whole number from 1 to ${cap}` })
    .min(1, { message: `limit must be from 1 to ${cap}` })
    .max(cap, { message: `limit must be at most ${cap}: narrow the filters (dates, status) for more` })
    .default(dflt)
    .describe(`most items to return, 1–${cap} (default ${dflt}); the result says when more exist`);
}

/** One of `values`, with a message listing them. */
export function choice<const T extends readonly [string, ...string[]]>(
  name: string,
  values: T,
  description: string,
) {
  return z
    .enum(values, { message: `${name} must be one of ${values.join(', ')}` })
    .describe(`${description}: ${values.join(', ')}`);
}

/** `from` ≤ `to` when both are given (dates compare as strings in YYYY-MM-DD). */
export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw new InputError(`from ${from} is after to ${to}: give from ≤ to`);
}

/** An argument combination the schema alone cannot reject: surfaces as a tool error with this message. */
export class InputError extends Error {
  override name = 'InputError';
  readonly code = 'invalid_arguments';
}
