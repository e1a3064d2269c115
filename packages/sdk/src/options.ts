import type { RateLimitEvent, RateLimitOptions } from './rate-limit.js';
import type { ValidationMode, ValidationWarning } from './response-validation.js';

/** Per-call options, accepted as the last argument of every method. */
export interface RequestOptions {
  /** Cancels the in-flight request and any pending retry or rate-limit wait (rejects with AbortError). */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms, headers and body (overrides the client's). */
  timeoutMs?: number;
  /** Retries after the first attempt (overrides the client's). */
  maxRetries?: number;
  /** Overall budget for the call in ms, retries and waits included (overrides the client's). */
  deadlineMs?: number;
  /** Largest response body accepted, in bytes (overrides the client's). */
  maxResponseBytes?: number;
}

/** Per-call options of list methods: also a cursor to resume from. */
export interface ListOptions extends RequestOptions {
  /** Resume after this id (a page's `nextCursor`). Omit to start from the first page. */
  after?: number;
}

/** What `onRequest` sees. The Authorization header is redacted. */
export interface RequestEvent {
  method: string;
  /** Path under the base URL, with its query string. */
  path: string;
  url: string;
  /** 0 for the first try, then 1, 2… for retries. */
  attempt: number;
  headers: Record<string, string>;
}

/** What `onResponse` sees: `status` is null when the attempt failed without a response (`error` says why). */
export interface ResponseEvent {
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  attempt: number;
  headers: Headers | null;
  error?: Error;
}

export interface LoggdHooks {
  onRequest?: (event: RequestEvent) => void;
  onResponse?: (event: ResponseEvent) => void;
}

/** Options of `new Loggd(…)`. Every one is optional. */
export interface LoggdOptions {
  /** API token; defaults to the LOGGD_TOKEN environment variable. */
  token?: string;
  /** Defaults to LOGGD_BASE_URL, else https://loggd.life/api/v1/public. */
  baseUrl?: string;
  /** Per-attempt timeout in ms, covering the response headers and the whole body (default 30 000; 0: none). */
  timeoutMs?: number;
  /** Retries after the first attempt on network errors, 408, 429 and 5xx (default 2). */
  maxRetries?: number;
  /** Overall budget per call in ms, retries, waits and body reads included (default: none). */
  deadlineMs?: number;
  /**
   * Largest response body accepted, in bytes (default 16 MiB, far above any real page). A bigger body stops
   * being read at the limit and the call throws ResponseTooLargeError.
   */
  maxResponseBytes?: number;
  /** Longest Retry-After honoured (default 60 000 ms); a longer one throws RateLimitError at once. */
  maxRetryAfterMs?: number;
  /**
   * Batch jobs: how long in total (per call) the client may wait out 429s that carry a Retry-After without
   * spending its `maxRetries` on them (default 0: each such 429 is one retry). Each wait is reported to
   * `onRateLimit` first.
   */
  maxRateLimitWaitMs?: number;
  /** Backoff when the server gives no Retry-After: full jitter over base·2^retry, capped (defaults 500 / 8 000 ms). */
  backoff?: { baseMs?: number; capMs?: number };
  /** A fetch implementation; resolved on every request (falls back to globalThis.fetch at call time). */
  fetch?: typeof globalThis.fetch;
  userAgent?: string;
  /** Response checks (default 'warn'). */
  validation?: ValidationMode;
  /** Receives response-shape warnings in 'warn' mode (default: console.warn, once per endpoint and issue). */
  onWarning?: (warning: ValidationWarning) => void;
  /** Client-side pacing under the quota (default 300/min); `false` disables it. */
  rateLimit?: false | RateLimitOptions;
  /** Called whenever the client waits for quota. */
  onRateLimit?: (event: RateLimitEvent) => void;
  /** Logging hooks. */
  hooks?: LoggdHooks;
  /** Clock for retries and pacing (tests inject these to avoid real waiting). */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter in [0, 1) (default Math.random). */
  random?: () => number;
}
