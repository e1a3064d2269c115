import { InvalidRequestError } from './errors.js';

/** Query values as they go on the wire. */
export type QueryValue = string | number | boolean;
export type Query = Record<string, QueryValue>;

/** Checks one parameter and returns its wire value (undefined: send nothing). Throws InvalidRequestError. */
export type ParamRule = (param: string, value: unknown) => QueryValue | undefined;

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'object' && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}

function reject(param: string, value: unknown, accepted: string): never {
  throw new InvalidRequestError(param, `Invalid ${param}: ${show(value)}. Expected ${accepted}.`);
}

/** `limit`: an integer from 1 to 100. */
export const limitRule: ParamRule = (param, value) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
    reject(param, value, 'an integer from 1 to 100');
  }
  return value;
};

/** True for `YYYY-MM-DD` strings naming a real calendar date (no 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `from`/`to`: a real calendar date as YYYY-MM-DD. */
export const dateRule: ParamRule = (param, value) => {
  if (!isCalendarDate(value)) reject(param, value, 'a real calendar date as YYYY-MM-DD');
  return value;
};

/** A value from a documented set; `omit` is the API's default, which is sent as nothing. */
export function enumRule(values: readonly string[], omit?: string): ParamRule {
  return (param, value) => {
    if (typeof value !== 'string' || !values.includes(value))
      reject(param, value, `one of: ${values.join(', ')}`);
    return value === omit ? undefined : value;
  };
}

/** Ids (and the `after` cursor) are positive integers. */
export function checkId(value: unknown, param = 'id'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    reject(param, value, 'a positive integer');
  }
  return value;
}

/**
 * Validates a params object against its rules and builds the query. Unknown keys are rejected (a silently
 * ignored filter returns the wrong data), and `from` must not be after `to`.
 */
export function buildQuery(method: string, params: unknown, rules: Record<string, ParamRule>): Query {
  if (params === undefined || params === null) return {};
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw new InvalidRequestError(
      'params',
      `Invalid params for ${method}: ${show(params)}. Expected an object.`,
    );
  }
  const query: Query = {};
  for (const [key, value] of Object.entries(params)) {
    const rule = rules[key];
    if (!rule) {
      const accepted = Object.keys(rules).join(', ') || 'none';
      throw new InvalidRequestError(
        key,
        `Unknown parameter ${show(key)} for ${method}. Accepted: ${accepted}.`,
      );
    }
    if (value === undefined) continue;
    const wire = rule(key, value);
    if (wire !== undefined) query[key] = wire;
  }
  if (typeof query.from === 'string' && typeof query.to === 'string' && query.from > query.to) {
    throw new InvalidRequestError(
      'from',
      `Invalid date range: from ${query.from} is after to ${query.to}. Expected from ≤ to.`,
    );
  }
  return query;
}
