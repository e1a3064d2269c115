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
  /**
   * Smoothing: at most `burst` requests in any `60 s × burst ÷ requestsPerMinute` span. Default: the whole limit,
   * so a bulk job uses the full quota at once and then keeps pace with the sliding minute.
   */
  burst?: number;
  /** The server's window in ms (default 60 000, the public API's minute; a test mock may use a shorter one). */
  windowMs?: number;
}

const WINDOW_MS = 60_000;
/**
 * Sends are planned exactly, but requests reach the server a little later and not all equally late: keep a
 * second between a send and the one `limit` sends before it, so arrival jitter cannot put limit + 1 requests in
 * the server's window (measured: without it a 100k-check export met 3 429s; with it, none).
 */
const SAFETY_MS = 1_000;

function headerInt(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/**
 * Reads `X-RateLimit-Limit`/`X-RateLimit-Remaining`; null when the response has neither, or says the limit is 0.
 * No real quota is 0 requests: a 0 comes from a mock or proxy that fills headers it does not know (Prism's static
 * mock does), so the pair means "unknown", and the client keeps its own pacing instead of waiting a whole minute
 * on `Remaining: 0`.
 */
export function readRateLimit(headers: Headers, now: number): RateLimitState | null {
  const limit = headerInt(headers, 'x-ratelimit-limit');
  const remaining = headerInt(headers, 'x-ratelimit-remaining');
  if (limit === null && remaining === null) return null;
  if (limit === 0) return null;
  return { limit, remaining, observedAt: now };
}

/**
 * A sliding log of send times, one per client: no 60-second window ever holds more than the limit, yet a bulk job
 * may use the whole quota (a token bucket that is safe from a cold start has to hold a fifth of it back for good).
 * Reservations are taken synchronously and in order, so concurrent callers queue fairly without a lock. The class
 * keeps its historical name.
 */
export class TokenBucket {
  private readonly configuredLimit: number;
  private limit: number;
  private burst: number;
  private readonly burstOption: number | undefined;
  /** Send times (past and reserved future slots), ascending; only the last `limit` can matter. */
  private sends: number[] = [];
  private blockedUntil = 0;
  private readonly windowMs: number;

  constructor(
    options: RateLimitOptions,
    private readonly clock: Clock,
  ) {
    this.configuredLimit = Math.max(1, Math.floor(options.requestsPerMinute ?? 300));
    this.burstOption = options.burst;
    this.windowMs = options.windowMs && options.windowMs > 0 ? options.windowMs : WINDOW_MS;
    this.limit = this.configuredLimit;
    this.burst = this.limit;
    this.configure();
  }

  private configure(): void {
    const burst = Math.floor(this.burstOption ?? this.limit);
    this.burst = Math.min(this.limit, Math.max(1, burst));
  }

  /** Forget sends that no window starting now can contain. */
  private prune(now: number): void {
    let drop = 0;
    while (drop < this.sends.length && this.sends[drop]! <= now - this.windowMs - SAFETY_MS) drop++;
    if (this.sends.length - drop > this.limit) drop = this.sends.length - this.limit;
    if (drop > 0) this.sends.splice(0, drop);
  }

  /** Reserves one request slot; returns how long the caller must wait before sending (0 = now). */
  reserve(): number {
    const now = this.clock.now();
    this.prune(now);
    const n = this.sends.length;
    let slot = Math.max(now, this.blockedUntil, this.sends[n - 1] ?? now);
    // The `limit`-th previous send must have left the minute, and the `burst`-th previous one its shorter span.
    if (n >= this.limit) slot = Math.max(slot, this.sends[n - this.limit]! + this.windowMs + SAFETY_MS);
    if (this.burst < this.limit && n >= this.burst) {
      // Whole milliseconds, rounded up: a fractional span would let float error put burst + 1 sends in one span.
      slot = Math.max(
        slot,
        this.sends[n - this.burst]! + Math.ceil((this.windowMs * this.burst) / this.limit),
      );
    }
    this.sends.push(slot);
    return slot - now;
  }

  /** Gives back a reservation that was never used (the caller aborted while waiting): the latest one. */
  refund(): void {
    this.sends.pop();
  }

  /**
   * Aligns with the server: adopts a lower limit, and when the server counts more requests in its window than this
   * client sent (the docs' bucket is per user: other clients of the same account share it), records the
   * difference as sent during the past minute, so the client slows down before it meets a 429.
   */
  observe(state: RateLimitState): void {
    const now = this.clock.now();
    if (state.limit !== null && state.limit > 0) {
      const next = Math.min(this.configuredLimit, state.limit);
      if (next !== this.limit) {
        this.limit = next;
        this.configure();
      }
    }
    this.prune(now);
    if (state.remaining !== null) {
      const ours = this.sends.filter((t) => t > now - this.windowMs && t <= now).length;
      const others = this.limit - state.remaining - ours;
      if (others > 0) {
        // When those requests were sent is unknown: spread them over the past minute, so the window frees at
        // the pace it filled (all of them "now" would stall a whole minute on a single `remaining: 0`). If that
        // is too early, the server's 429 and its Retry-After pause the client.
        for (let j = 1; j <= others; j++) {
          this.sends.push(Math.floor(now - this.windowMs + (j * this.windowMs) / (others + 1)));
        }
        this.sends.sort((a, b) => a - b);
      }
    }
  }

  /** After a 429 with Retry-After, hold every request of this client until the server's window reopens. */
  pauseFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + ms);
  }
}
