import type { Clock } from './clock.js';

/** The server's view of the quota, from the last response that carried `X-RateLimit-*` headers. */
export interface RateLimitState {
  /** `X-RateLimit-Limit`: requests allowed per window (300/min for the public API). */
  limit: number | null;
  /** `X-RateLimit-Remaining`: requests left in the current window. */
  remaining: number | null;
  /** Client clock time (`now()`) when the headers were read. */
  observedAt: number;
}

/** Emitted when the client waits for quota: its own bucket ran dry, or the server answered 429 with Retry-After. */
export interface RateLimitEvent {
  reason: 'throttled' | 'retry_after';
  waitMs: number;
  method: string;
  path: string;
  state: RateLimitState | null;
}

/** Client-side pacing; `false` turns it off. */
export interface RateLimitOptions {
  /** Requests per minute to stay under (default 300, the documented public API quota). */
  requestsPerMinute?: number;
  /** Requests that may go out at once before pacing starts (default a fifth of the limit). */
  burst?: number;
}

const WINDOW_MS = 60_000;

function headerInt(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** Reads `X-RateLimit-Limit`/`X-RateLimit-Remaining`; null when the response has neither. */
export function readRateLimit(headers: Headers, now: number): RateLimitState | null {
  const limit = headerInt(headers, 'x-ratelimit-limit');
  const remaining = headerInt(headers, 'x-ratelimit-remaining');
  if (limit === null && remaining === null) return null;
  return { limit, remaining, observedAt: now };
}

/**
 * A token bucket, one per client. Capacity (`burst`) plus refill over a minute equals the limit, so no sliding
 * 60-second window can hold more than `requestsPerMinute` requests, even from a cold start. Reservations are
 * taken synchronously, so concurrent callers queue in order without a lock.
 */
export class TokenBucket {
  private configuredLimit: number;
  private limit: number;
  private capacity = 0;
  private perMs = 0;
  private tokens: number;
  private updatedAt: number;
  private blockedUntil = 0;
  private readonly burstOption: number | undefined;

  constructor(
    options: RateLimitOptions,
    private readonly clock: Clock,
  ) {
    this.configuredLimit = Math.max(1, options.requestsPerMinute ?? 300);
    this.burstOption = options.burst;
    this.limit = this.configuredLimit;
    this.configure();
    this.tokens = this.capacity;
    this.updatedAt = clock.now();
  }

  private configure(): void {
    const burst = this.burstOption ?? Math.floor(this.limit / 5);
    this.capacity = Math.min(this.limit, Math.max(1, burst));
    // A limit equal to the burst would leave nothing to refill: pace the remainder over the window instead.
    this.perMs = Math.max(this.limit - this.capacity, 1) / WINDOW_MS;
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perMs);
    this.updatedAt = now;
  }

  /** Reserves one request slot; returns how long the caller must wait before sending (0 = now). */
  reserve(): number {
    this.refill();
    this.tokens -= 1;
    const debt = this.tokens >= 0 ? 0 : -this.tokens / this.perMs;
    return Math.max(0, debt, this.blockedUntil - this.updatedAt);
  }

  /** Gives back a reservation that was never used (the caller aborted while waiting). */
  refund(): void {
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }

  /** Aligns with the server: adopts a lower limit and never holds more tokens than the server says remain. */
  observe(state: RateLimitState): void {
    this.refill();
    if (state.limit !== null && state.limit > 0) {
      const next = Math.min(this.configuredLimit, state.limit);
      if (next !== this.limit) {
        this.limit = next;
        this.configure();
        this.tokens = Math.min(this.tokens, this.capacity);
      }
    }
    if (state.remaining !== null) this.tokens = Math.min(this.tokens, state.remaining);
  }

  /** After a 429 with Retry-After, hold every request of this client until the server's window reopens. */
  pauseFor(ms: number): void {
    this.refill();
    this.blockedUntil = Math.max(this.blockedUntil, this.updatedAt + ms);
    this.tokens = Math.min(this.tokens, 0);
  }
}
