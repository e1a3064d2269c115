/**
 * Loggd's retry schedule for a failed delivery: the first attempt, then retries immediately and after 1 min,
 * 5 min, 15 min and 1 h (delays before each attempt, in real milliseconds). docs/webhooks.md, "Retries".
 */
export const RETRY_DELAYS_MS: readonly number[] = [0, 0, 60_000, 300_000, 900_000, 3_600_000];

/** `--time-scale` with `--retry` when none is given: 1 min → 60 ms, the whole schedule in ~4.9 s. */
export const DEFAULT_TIME_SCALE = 0.001;

/** "1 min", "1 h", "immediately": how the docs name a delay. */
export function describeDelay(ms: number): string {
  if (ms === 0) return 'immediately';
  if (ms < 3_600_000) return `${ms / 60_000} min`;
  return `${ms / 3_600_000} h`;
}

/** Resolves after `ms` (unref'd timers would let the process exit mid-schedule, so this one keeps it alive). */
export function wait(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
