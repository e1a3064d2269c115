/** Every endpoint is a GET, so these are always safe to retry. Other 4xx never are. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Parses `Retry-After` (delay seconds or an HTTP date) into milliseconds from `wallNow`; null when absent or
 * malformed, so the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | null, wallNow: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Date.parse also accepts loose formats; only take strings that look like an HTTP date (they name a GMT time).
  if (!/GMT$/.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - wallNow);
}

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  random: () => number;
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^retry)). `retry` counts from 0. */
export function backoffDelay(retry: number, { baseMs, capMs, random }: BackoffOptions): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
