import type * as z from 'zod';
import { ResponseValidationError } from './errors.js';
import { NORMALISERS } from './schemas/common.js';
import { type ShapeFindings, shapeCheckOf, type UnknownValue } from './shape-check.js';

/** `strict` throws on a shape mismatch; `warn` (default) reports it and returns the data as sent; `off` skips checks. */
export type ValidationMode = 'strict' | 'warn' | 'off';

/** Passed to `onWarning` when a response does not match its documented shape (in `warn` mode). */
export interface ValidationWarning {
  message: string;
  /** The endpoint, as a template (`/habits/{id}`), so a warning is not repeated for every id. */
  route: string;
  /** The request's method and path. */
  method: string;
  path: string;
  /** One line per failed check, `field.path: problem`. */
  issues: string[];
}

interface Where {
  route: string;
  method: string;
  path: string;
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`,
  );
}

function formatUnknown({ path, value, known }: UnknownValue): string {
  return `${path.join('.')}: value ${JSON.stringify(value)} is not one the SDK knows (${known.join(', ')}); passed through`;
}

/** An issue's field path with array indexes folded, so a field is named once per endpoint, not once per item. */
function fieldOf(issue: string): string {
  const field = issue.slice(0, issue.indexOf(':'));
  return field.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');
}

/**
 * Checks responses against their schemas according to the client's mode; warnings are deduplicated per client,
 * endpoint and field. A compiled structural pass ({@link shapeCheckOf}) runs first; zod parses only what that pass
 * flags, so clean responses cost no zod call and mismatches keep zod's messages.
 */
export class ResponseValidator {
  private readonly seen = new Set<string>();
  private readonly mode: ValidationMode;
  private readonly onWarning: (warning: ValidationWarning) => void;

  constructor(mode: ValidationMode, onWarning: (warning: ValidationWarning) => void) {
    this.mode = mode;
    this.onWarning = onWarning;
  }

  /** Checks a page of items; items are checked one by one so warnings name fields, not indexes. */
  checkList<T>(schema: z.ZodType<T>, items: unknown[], where: Where): T[] {
    if (this.mode === 'off') return items as T[];
    const out = new Array<T>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = this.check(schema, items[i], where);
    return out;
  }

  /** Returns the parsed value when it matches, otherwise (warn) the data as sent, with alternative names filled in. */
  check<T>(schema: z.ZodType<T>, data: unknown, where: Where): T {
    if (this.mode === 'off') return data as T;
    const fast = shapeCheckOf(schema);
    let unknown: UnknownValue[] = [];
    if (fast) {
      const findings: ShapeFindings = { failed: false, unknown };
      const checked = fast(data, [], findings);
      if (!findings.failed) {
        if (unknown.length > 0) this.warn(where, unknown.map(formatUnknown));
        return checked as T;
      }
      unknown = findings.unknown;
    }
    const result = schema.safeParse(data);
    const soft = unknown.map(formatUnknown);
    if (result.success) {
      if (soft.length > 0) this.warn(where, soft);
      return result.data;
    }
    const issues = formatIssues(result.error);
    if (this.mode === 'strict') {
      throw new ResponseValidationError(
        `Response from ${where.method} ${where.path} does not match the documented shape: ${issues.join('; ')}`,
        { method: where.method, path: where.path, data, issues },
      );
    }
    this.warn(where, [...issues, ...soft]);
    const normalise = NORMALISERS.get(schema);
    return (normalise ? normalise(data) : data) as T;
  }

  private warn(where: Where, issues: string[]): void {
    const fresh = issues.filter((issue) => {
      const key = `${where.route} ${fieldOf(issue)}`;
      if (this.seen.has(key)) return false;
      this.seen.add(key);
      return true;
    });
    if (fresh.length === 0) return;
    this.onWarning({
      message: `[loggd] ${where.route}: response differs from the documented shape (${fresh.join('; ')}); using the data as sent`,
      route: where.route,
      method: where.method,
      path: where.path,
      issues: fresh,
    });
  }
}
