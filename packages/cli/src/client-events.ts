import type { RateLimitEvent, ResponseEvent } from '@loggd/sdk';
import type { IO } from './types.js';

/**
 * "waiting N s for the rate limit" on stderr whenever the client pauses a second or more for quota (its own pacing
 * or the server's Retry-After): a long wait is never silent. Concurrent requests waiting for the same window are
 * announced once, and steady pacing at most once per announced wait.
 */
export function announceWaits(io: IO, now: () => number = Date.now): (event: RateLimitEvent) => void {
  let announcedUntil = 0;
  return (event) => {
    if (event.waitMs < 1000) return;
    const until = now() + event.waitMs;
    if (now() < announcedUntil) return;
    announcedUntil = until;
    const why = event.reason === 'retry_after' ? ' (the server asked for it: 429 Retry-After)' : '';
    io.stderr.write(`waiting ${Math.ceil(event.waitMs / 1000)} s for the rate limit${why}\n`);
  };
}

/** The SDK's default retries after a first attempt (the CLI keeps it). */
const MAX_RETRIES = 2;

/** "no answer from URL, retrying" when an attempt times out, so a hung server is never a silent wait. */
export function announceTimeouts(io: IO, baseUrl: string): (event: ResponseEvent) => void {
  const base = baseUrl.replace(/\/+$/, '');
  return (event) => {
    if (event.status !== null || event.error?.name !== 'TimeoutError' || event.attempt >= MAX_RETRIES) return;
    io.stderr.write(
      `no answer from ${base}${event.path.split('?')[0]} after ${Math.round(event.durationMs / 1000)} s, retrying\n`,
    );
  };
}
