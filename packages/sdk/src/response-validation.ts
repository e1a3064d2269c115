import * as z from 'zod';
import { ResponseValidationError } from './errors.js';

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

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`,
  );
}

/** Checks responses against their schemas according to the client's mode; warnings are deduplicated per client. */
export class ResponseValidator {
  private readonly seen = new Set<string>();
  /** One array schema per item schema: parsing a page in one call costs about half of item-by-item calls. */
  private readonly arrays = new WeakMap<z.ZodType, z.ZodType>();

  constructor(
    private readonly mode: ValidationMode,
    private readonly onWarning: (warning: ValidationWarning) => void,
  ) {}

  /** Checks a page of items; on a mismatch, re-checks item by item so warnings name fields, not indexes. */
  checkList<T>(
    schema: z.ZodType<T>,
    items: unknown[],
    where: { route: string; method: string; path: string },
  ): T[] {
    if (this.mode === 'off') return items as T[];
    let arraySchema = this.arrays.get(schema);
    if (!arraySchema) {
      arraySchema = z.array(schema);
      this.arrays.set(schema, arraySchema);
    }
    const result = arraySchema.safeParse(items);
    if (result.success) return result.data as T[];
    return items.map((item) => this.check(schema, item, where));
  }

  /** Returns the parsed value when it matches, otherwise (warn/off) the raw data untouched. */
  check<T>(schema: z.ZodType<T>, data: unknown, where: { route: string; method: string; path: string }): T {
    if (this.mode === 'off') return data as T;
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    const issues = formatIssues(result.error);
    if (this.mode === 'strict') {
      throw new ResponseValidationError(
        `Response from ${where.method} ${where.path} does not match the documented shape: ${issues.join('; ')}`,
        { method: where.method, path: where.path, data, issues },
      );
    }
    const fresh = issues.filter((issue) => {
      const key = `${where.route} ${issue}`;
      if (this.seen.has(key)) return false;
      this.seen.add(key);
      return true;
    });
    if (fresh.length > 0) {
      this.onWarning({
        message: `[loggd] ${where.route}: response differs from the documented shape (${fresh.join('; ')}); using the data as sent`,
        route: where.route,
        method: where.method,
        path: where.path,
        issues: fresh,
      });
    }
    return data as T;
  }
}
