/** Wait before each retry, per the docs: immediate, 1 min, 5 min, 15 min, 1 h (mock-clock milliseconds). */
export const RETRY_DELAYS_MS: readonly number[] = [0, 60_000, 300_000, 900_000, 3_600_000];

/** The first send plus the five retries. */
export const MAX_ATTEMPTS = 1 + RETRY_DELAYS_MS.length;

/** Failed attempts in a row (across deliveries) after which the endpoint is deactivated. */
export const DEACTIVATE_AFTER_FAILURES = 10;

/** Endpoints one account may register. */
export const MAX_ENDPOINTS_PER_ACCOUNT = 5;

/** The docs' per-request timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Milliseconds after a failed attempt `attempt` (1-based) until the next one, or undefined when none is left. */
export function retryDelayAfter(attempt: number): number | undefined {
  return RETRY_DELAYS_MS[attempt - 1];
}
