import { type Duration, parseDuration } from './clock.js';

export interface RateLimitOptions {
  /** Requests per window (docs: 300). `false` on the whole option disables limiting. */
  limit?: number;
  /** Window length (docs: one minute); benchmarks use a short one. */
  windowMs?: Duration;
  /** The docs say per user, the announcement per token: default per user. */
  keyBy?: 'user' | 'token';
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window frees a slot (only when refused). */
  retryAfter?: number;
}

/**
 * A sliding-window log per key on the mock clock: a request is allowed while fewer than `limit` requests were
 * accepted in the last `windowMs`, and a 429's Retry-After is exactly when the oldest of them leaves the window.
 * Refused requests do not consume the window.
 */
export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly keyBy: 'user' | 'token';
  #logs = new Map<string, number[]>();

  constructor(options: RateLimitOptions = {}) {
    this.limit = options.limit ?? 300;
    this.windowMs = parseDuration(options.windowMs ?? 60_000);
    this.keyBy = options.keyBy ?? 'user';
    if (!Number.isInteger(this.limit) || this.limit < 1)
      throw new TypeError('rateLimit.limit must be an integer ≥ 1');
    if (this.windowMs <= 0) throw new TypeError('rateLimit.windowMs must be positive');
  }

  /** The bucket key for a request. */
  key(userId: number | undefined, token: string | undefined): string {
    if (this.keyBy === 'token') return `t:${token ?? ''}`;
    return userId === undefined ? `anon:${token ?? ''}` : `u:${userId}`;
  }

  /** Count a request at `now` (ms) in `key`'s bucket. */
  hit(key: string, now: number): RateDecision {
    let log = this.#logs.get(key);
    if (!log) {
      log = [];
      this.#logs.set(key, log);
    }
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < log.length && log[drop]! <= cutoff) drop++;
    if (drop > 0) log.splice(0, drop);
    if (log.length >= this.limit) {
      const freesAt = log[0]! + this.windowMs;
      return {
        allowed: false,
        limit: this.limit,
        remaining: 0,
        retryAfter: Math.max(1, Math.ceil((freesAt - now) / 1000)),
      };
    }
    log.push(now);
    return { allowed: true, limit: this.limit, remaining: this.limit - log.length };
  }

  reset(): void {
    this.#logs.clear();
  }
}
