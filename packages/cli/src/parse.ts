import { usageError } from './errors.js';

// Flag parsers for commander: each names the input and what is accepted, and throws a usage error (exit 2)
// before any request is sent.

/** --limit: an integer 1–100 (the API's page size). */
export function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 100) {
    throw usageError(
      `invalid --limit '${value}': accepted is an integer from 1 to 100`,
      'use --all to fetch every page',
    );
  }
  return n;
}

/** --from/--to: a real calendar date YYYY-MM-DD. */
export function parseDate(flag: string): (value: string) => string {
  return (value) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
    if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
      throw usageError(
        `invalid ${flag} '${value}': accepted is a calendar date YYYY-MM-DD`,
        `e.g. ${flag} 2026-04-01`,
      );
    }
    return value;
  };
}

/** An id argument: a positive integer. */
export function parseId(noun: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
      throw usageError(
        `invalid ${noun} id '${value}': accepted is a positive integer`,
        `find ids with \`loggd ${noun === 'focus session' ? 'focus' : `${noun}s`} list\``,
      );
    }
    return n;
  };
}

/** A value from a fixed set (--status, --horizon). */
export function parseChoice(
  flag: string,
  choices: readonly string[],
): ((value: string) => string) & { choices: readonly string[] } {
  const parse = (value: string) => {
    if (!choices.includes(value))
      throw usageError(`invalid ${flag} '${value}': accepted values are ${choices.join(', ')}`);
    return value;
  };
  // Shell completion offers these values (completion/complete.ts reads them off the option's parser).
  return Object.assign(parse, { choices });
}

/** Checks from ≤ to once both are known. */
export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw usageError(`invalid date range: --from ${from} is after --to ${to}`);
}

/** `-q key=value` (repeatable) for `loggd api`. */
export function parseQuery(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0)
    throw usageError(`invalid -q '${value}': accepted is key=value`, 'e.g. -q status=all -q limit=100');
  return { ...previous, [value.slice(0, eq)]: value.slice(eq + 1) };
}
