import { RESOURCES, type Resource } from '../account/resources.js';
import { usageError } from '../errors.js';

// Flag parsers of export and sync: light (no SDK), so the command declarations can use them.

/** `--resources habits,tasks`: known names, comma-separated. */
export function parseResources(value: string): Resource[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.filter((n) => !(RESOURCES as readonly string[]).includes(n));
  if (names.length === 0 || bad.length > 0) {
    throw usageError(
      `invalid --resources '${value}': accepted are ${RESOURCES.join(', ')} (comma-separated)`,
    );
  }
  return [...new Set(names)] as Resource[];
}

/** `--concurrency`: 1–16 units fetched at once. */
export function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 16)
    throw usageError(`invalid --concurrency '${value}': accepted is an integer from 1 to 16`);
  return n;
}
