import { BodyTooLarge, discard, readBodyText } from './body.js';
import type { Clock } from './clock.js';
import { errorFromResponse } from './error-mapping.js';
import {
  AbortError,
  ConnectionError,
  InvalidRequestError,
  type LoggdError,
  RedirectError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
} from './errors.js';
import type { LoggdHooks, RequestOptions } from './options.js';
import type { Query } from './params.js';
import { type RateLimitEvent, type RateLimitState, readRateLimit, type TokenBucket } from './rate-limit.js';
import { backoffDelay, isRetryableStatus, parseRetryAfter } from './retry.js';

/** A successful GET: the parsed JSON body and the response it came from. */
export interface RawResult {
  body: unknown;
  response: Response;
  rateLimit: RateLimitState | null;
  /** Path under the base URL with its query, as shown in errors and hooks. */
  path: string;
}

export interface TransportConfig {
  token: string | undefined;
  baseUrl: URL;
  timeoutMs: number;
  maxRetries: number;
  maxResponseBytes: number;
  deadlineMs: number | undefined;
  maxRetryAfterMs: number;
  /** Total Retry-After waiting per call that does not count against maxRetries (0: every 429 counts). */
  maxRateLimitWaitMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  userAgent: string;
  fetch: typeof globalThis.fetch | undefined;
  clock: Clock;
  random: () => number;
  bucket: TokenBucket | null;
  hooks: LoggdHooks;
  onRateLimit: ((event: RateLimitEvent) => void) | undefined;
}

/** setTimeout's range: a longer budget means no timer at all. */
const MAX_TIMER_MS = 2_147_483_647;
const METHOD = 'GET';

/** Counters for summaries ("N requests, M retries"). */
export interface TransportStats {
  requests: number;
  retries: number;
}

/**
 * Sends authenticated GETs over the configured fetch and owns everything around it: one timer per attempt
 * covering headers and body, abort, the size cap, redirects, retries, Retry-After, deadlines, pacing and error
 * mapping.
 */
export class Transport {
  readonly stats: TransportStats = { requests: 0, retries: 0 };
  private lastRateLimit: RateLimitState | null = null;
  private readonly basePath: string;

  constructor(private readonly config: TransportConfig) {
    this.basePath = config.baseUrl.pathname.replace(/\/+$/, '');
  }

  get rateLimit(): RateLimitState | null {
    return this.lastRateLimit;
  }

  /** Resolves `path` (and `query`) under the base URL, refusing anything that would leave it. */
  resolve(path: string, query: Query): { url: URL; display: string } {
    if (
      typeof path !== 'string' ||
      !path.startsWith('/') ||
      path.startsWith('//') ||
      /(^|\/)\.\.?(\/|$|\?)/.test(path)
    ) {
      throw new InvalidRequestError(
        'path',
        `Invalid path: ${JSON.stringify(path)}. Expected a path under the base URL starting with "/" (e.g. /habits).`,
      );
    }
    const base = this.config.baseUrl;
    const url = new URL(`${base.origin}${this.basePath}${path}`);
    if (url.origin !== base.origin || !url.pathname.startsWith(`${this.basePath}/`)) {
      throw new InvalidRequestError(
        'path',
        `Invalid path: ${JSON.stringify(path)}. It must stay under ${base.href}.`,
      );
    }
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    return { url, display: `${url.pathname.slice(this.basePath.length)}${url.search}` };
  }

  /** GETs `path` with retries and pacing; resolves with the parsed JSON of a 2xx response. */
  async get(path: string, query: Query, options: RequestOptions = {}): Promise<RawResult> {
    const { url, display } = this.resolve(path, query);
    const { clock, token } = this.config;
    if (!token) {
      throw new InvalidRequestError(
        'token',
        'No API token: pass { token } to new Loggd() or set LOGGD_TOKEN.',
      );
    }
    const info = { method: METHOD, path: display };
    const signal = options.signal;
    const maxRetries = options.maxRetries ?? this.config.maxRetries;
    // 0 means no per-attempt timeout, as for the client option.
    const timeoutMs = (options.timeoutMs ?? this.config.timeoutMs) || Number.POSITIVE_INFINITY;
    const deadlineMs = options.deadlineMs ?? this.config.deadlineMs;
    const maxResponseBytes = options.maxResponseBytes ?? this.config.maxResponseBytes;
    const deadlineAt = deadlineMs === undefined ? Number.POSITIVE_INFINITY : clock.now() + deadlineMs;
    const headers = {
      Authorization: `Bearer ${token}`,
      Accept: 'application/json',
      'User-Agent': this.config.userAgent,
    };

    // Retries that count against maxRetries; a 429 the server says how to wait out (within maxRateLimitWaitMs)
    // does not, so a batch job sharing its quota with another client waits instead of failing.
    let spent = 0;
    let rateWaited = 0;
    for (let attempt = 0; ; attempt++) {
      await this.waitForQuota(display, signal, deadlineAt);
      const budget = Math.min(timeoutMs, deadlineAt - clock.now());
      if (budget <= 0)
        throw new TimeoutError(`${METHOD} ${display} exceeded its ${deadlineMs} ms deadline`, info);
      const limitText =
        budget < timeoutMs ? `exceeded its ${deadlineMs} ms deadline` : `timed out after ${budget} ms`;

      this.stats.requests++;
      this.config.hooks.onRequest?.({
        ...info,
        url: url.href,
        attempt,
        headers: { ...headers, Authorization: 'Bearer [REDACTED]' },
      });
      const started = clock.now();
      const outcome = await this.attempt(url, headers, budget, signal, maxResponseBytes, info, {
        attempt,
        limitText,
        onHeaders: (response) => {
          const rateLimit = readRateLimit(response.headers, clock.now());
          if (rateLimit) {
            this.lastRateLimit = rateLimit;
            this.config.bucket?.observe(rateLimit);
          }
          this.config.hooks.onResponse?.({
            ...info,
            status: response.status,
            durationMs: clock.now() - started,
            attempt,
            headers: response.headers,
          });
        },
      });

      if (outcome.failure) {
        const failure = outcome.failure;
        if (!outcome.response) {
          this.config.hooks.onResponse?.({
            ...info,
            status: null,
            durationMs: clock.now() - started,
            attempt,
            headers: null,
            error: failure,
          });
        }
        if (!isRetryableFailure(failure) || spent >= maxRetries) throw failure;
        spent++;
        await this.pause(this.backoff(attempt), failure, signal, deadlineAt, info);
        continue;
      }

      const { response, text } = outcome;
      if (response.ok) {
        try {
          return { body: JSON.parse(text), response, rateLimit: this.lastRateLimit, path: display };
        } catch {
          const type = response.headers.get('content-type') ?? 'no content type';
          const error = new ResponseValidationError(
            `${METHOD} ${display} returned a body that is not JSON (${type}): ${JSON.stringify(text.slice(0, 80))}`,
            { ...info, data: text },
          );
          // A GET is idempotent and a garbled 2xx is usually a proxy or transfer fault: retry it like a 5xx.
          if (spent >= maxRetries) throw error;
          spent++;
          await this.pause(this.backoff(attempt), error, signal, deadlineAt, info);
          continue;
        }
      }

      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      const error = errorFromResponse({
        ...info,
        status: response.status,
        body: parseMaybeJson(text),
        headers: response.headers,
        rateLimit: this.lastRateLimit,
        retryAfterMs,
      });
      // Honour Retry-After in full or not at all: silently waiting less only earns another 429.
      if (retryAfterMs !== null && retryAfterMs > this.config.maxRetryAfterMs) throw error;
      const waitOut =
        response.status === 429 &&
        retryAfterMs !== null &&
        // A Retry-After of 0 says nothing to wait out (a server repeating it would loop): it counts as a retry.
        retryAfterMs > 0 &&
        rateWaited + retryAfterMs <= this.config.maxRateLimitWaitMs;
      if (!isRetryableStatus(response.status) || (!waitOut && spent >= maxRetries)) throw error;
      if (waitOut) rateWaited += retryAfterMs;
      else spent++;
      const delay = retryAfterMs ?? this.backoff(attempt);
      if (response.status === 429 && retryAfterMs !== null) {
        this.config.bucket?.pauseFor(retryAfterMs);
        this.config.onRateLimit?.({
          reason: 'retry_after',
          waitMs: retryAfterMs,
          ...info,
          state: this.lastRateLimit,
        });
      }
      await this.pause(delay, error, signal, deadlineAt, info);
    }
  }

  /**
   * One attempt: the request and the whole body under one timer and the caller's signal. Never rejects: a
   * failure comes back classified (`response` is set when it happened after the headers).
   */
  private async attempt(
    url: URL,
    headers: Record<string, string>,
    budget: number,
    signal: AbortSignal | undefined,
    maxBytes: number,
    info: { method: string; path: string },
    context: { attempt: number; limitText: string; onHeaders: (response: Response) => void },
  ): Promise<
    | { failure?: undefined; response: Response; text: string }
    | { failure: LoggdError; response: Response | null; text?: undefined }
  > {
    // This attempt's own controller, held strongly by this frame, the timer and the caller's listener: no
    // part of stopping depends on a signal the fetch implementation may hold only weakly.
    const controller = new AbortController();
    let timedOut = false;
    const timer =
      budget >= MAX_TIMER_MS
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort(new Error('timeout'));
          }, budget);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    const stopped = new Promise<never>((_, reject) => {
      const settle = () => reject(controller.signal.reason);
      if (controller.signal.aborted) settle();
      else controller.signal.addEventListener('abort', settle, { once: true });
    });
    stopped.catch(() => undefined);

    let response: Response | null = null;
    try {
      const fetchImpl = this.config.fetch ?? globalThis.fetch;
      // Resolved per attempt, never cached: msw and fetches swapped after construction keep working.
      response = await Promise.race([
        fetchImpl(url.href, { method: METHOD, headers, signal: controller.signal, redirect: 'follow' }),
        stopped,
      ]);
      const landed = response.url ? new URL(response.url) : null;
      if (landed && landed.origin !== this.config.baseUrl.origin) {
        discard(response);
        // No response of the API's to report: hooks see a failed attempt (status null) with this error.
        return {
          response: null,
          failure: new RedirectError(
            `${METHOD} ${info.path} was redirected to another origin (${landed.origin}); refusing its answer, which did not come from ${this.config.baseUrl.origin}. Point baseUrl at the final API address.`,
            { ...info, location: landed.href },
          ),
        };
      }
      context.onHeaders(response);
      const text = await readBodyText(response, maxBytes, stopped);
      return { response, text };
    } catch (cause) {
      if (response) discard(response);
      if (signal?.aborted) return { response, failure: abortError(signal, info) };
      if (timedOut) {
        const stage = response ? ' (reading the body)' : '';
        return {
          response,
          failure: new TimeoutError(
            `${METHOD} ${info.path} ${context.limitText}${stage} (attempt ${context.attempt + 1})`,
            info,
            { cause },
          ),
        };
      }
      if (cause instanceof BodyTooLarge) {
        const size = cause.declared === null ? '' : ` (Content-Length ${cause.declared})`;
        return {
          response,
          failure: new ResponseTooLargeError(
            `${METHOD} ${info.path} returned a body over maxResponseBytes (${cause.limit} bytes)${size}; raise maxResponseBytes if this is expected`,
            { ...info, limit: cause.limit },
          ),
        };
      }
      const what = response ? 'the response body was cut off' : 'failed';
      return {
        response,
        failure: new ConnectionError(`${METHOD} ${info.path} ${what}: ${describeCause(cause)}`, info, {
          cause,
        }),
      };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private backoff(attempt: number): number {
    return backoffDelay(attempt, {
      baseMs: this.config.backoffBaseMs,
      capMs: this.config.backoffCapMs,
      random: this.config.random,
    });
  }

  /** Sleeps before a retry, unless that would pass the deadline (then the last error is thrown). */
  private async pause(
    ms: number,
    lastError: LoggdError,
    signal: AbortSignal | undefined,
    deadlineAt: number,
    info: { method: string; path: string },
  ): Promise<void> {
    if (this.config.clock.now() + ms >= deadlineAt) throw lastError;
    await this.sleep(ms, signal, info);
    this.stats.retries++;
  }

  private async sleep(ms: number, signal: AbortSignal | undefined, info: { method: string; path: string }) {
    if (signal?.aborted) throw abortError(signal, info);
    if (ms <= 0) return;
    try {
      await this.config.clock.sleep(ms, signal);
    } catch (cause) {
      if (signal?.aborted) throw abortError(signal, info);
      throw cause;
    }
  }

  /** Waits for the client's token bucket; tells `onRateLimit` when that means a pause. */
  private async waitForQuota(path: string, signal: AbortSignal | undefined, deadlineAt: number) {
    const info = { method: METHOD, path };
    if (signal?.aborted) throw abortError(signal, info);
    const bucket = this.config.bucket;
    if (!bucket) return;
    const wait = bucket.reserve();
    if (wait <= 0) return;
    if (this.config.clock.now() + wait >= deadlineAt) {
      bucket.refund();
      throw new TimeoutError(
        `${METHOD} ${path} would wait ${Math.ceil(wait)} ms for rate-limit quota, past its deadline`,
        info,
      );
    }
    this.config.onRateLimit?.({ reason: 'throttled', waitMs: wait, ...info, state: this.lastRateLimit });
    try {
      await this.sleep(wait, signal, info);
    } catch (error) {
      bucket.refund();
      throw error;
    }
  }
}

function abortError(signal: AbortSignal, info: { method: string; path: string }): AbortError {
  return new AbortError(`${info.method} ${info.path} was aborted`, info, { cause: signal.reason });
}

/** Timeouts, dropped connections and cut bodies are worth another try; abort, size and redirects are not. */
function isRetryableFailure(failure: LoggdError): boolean {
  return failure instanceof TimeoutError || failure instanceof ConnectionError;
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? describeCause(cause.cause) : '';
  const code = (cause as { code?: unknown }).code;
  const own = typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
  return inner && !own.includes(inner) ? `${own}: ${inner}` : own;
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
