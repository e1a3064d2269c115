import type { ApiPromise } from './api-promise.js';
import { systemClock } from './clock.js';
import { DEFAULT_BASE_URL } from './constants.js';
import { Core, type RawQuery } from './core.js';
import { InvalidRequestError } from './errors.js';
import type { ListOptions, LoggdOptions, RequestOptions } from './options.js';
import type { Page, PagePromise } from './pagination.js';
import { type RateLimitState, TokenBucket } from './rate-limit.js';
import { FocusSessions } from './resources/focus-sessions.js';
import { Goals } from './resources/goals.js';
import { Habits } from './resources/habits.js';
import { ProfileResource } from './resources/profile.js';
import { Tasks } from './resources/tasks.js';
import { ResponseValidator, type ValidationWarning } from './response-validation.js';
import { Transport, type TransportStats } from './transport.js';
import { SDK_VERSION } from './version.js';

/** Browsers and edge runtimes have no `process`: read it guardedly. */
function env(name: string): string | undefined {
  const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
    name
  ];
  return value === '' ? undefined : value;
}

function parseBaseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidRequestError(
      'baseUrl',
      `Invalid baseUrl: ${JSON.stringify(raw)}. Expected an http(s) URL.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InvalidRequestError(
      'baseUrl',
      `Invalid baseUrl: ${JSON.stringify(raw)}. Expected an http(s) URL.`,
    );
  }
  url.search = '';
  url.hash = '';
  return url;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new InvalidRequestError(name, `Invalid ${name}: ${String(value)}. Expected a number ≥ 0.`);
  }
  return value;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0)) {
    throw new InvalidRequestError(name, `Invalid ${name}: ${String(value)}. Expected a number > 0.`);
  }
  return value;
}

/** Default `maxResponseBytes`: a full 100-item page is tens of KB, so 16 MiB only stops runaway bodies. */
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** Warn once per endpoint and issue; `console` may be absent in some embedded runtimes. */
function defaultWarning(warning: ValidationWarning): void {
  globalThis.console?.warn(warning.message);
}

/**
 * Client for the Loggd.life Public API.
 *
 * @example
 * const loggd = new Loggd({ token: process.env.LOGGD_TOKEN });
 * for await (const habit of loggd.habits.list()) console.log(habit.name, habit.current_streak);
 */
export class Loggd {
  readonly habits: Habits;
  readonly tasks: Tasks;
  readonly goals: Goals;
  readonly focusSessions: FocusSessions;
  readonly profile: ProfileResource;
  /** The base URL requests go to (no trailing slash). */
  readonly baseUrl: string;
  readonly #core: Core;

  constructor(options: LoggdOptions = {}) {
    const baseUrl = parseBaseUrl(options.baseUrl ?? env('LOGGD_BASE_URL') ?? DEFAULT_BASE_URL);
    this.baseUrl = baseUrl.href.replace(/\/+$/, '');
    const clock = {
      now: options.now ?? systemClock.now,
      sleep: options.sleep ?? systemClock.sleep,
    };
    const transport = new Transport({
      token: options.token ?? env('LOGGD_TOKEN'),
      baseUrl,
      timeoutMs: nonNegative('timeoutMs', options.timeoutMs, 30_000) || Number.POSITIVE_INFINITY,
      maxRetries: nonNegative('maxRetries', options.maxRetries, 2),
      maxResponseBytes: positive('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE_BYTES),
      deadlineMs:
        options.deadlineMs === undefined ? undefined : nonNegative('deadlineMs', options.deadlineMs, 0),
      maxRetryAfterMs: nonNegative('maxRetryAfterMs', options.maxRetryAfterMs, 60_000),
      maxRateLimitWaitMs: nonNegative('maxRateLimitWaitMs', options.maxRateLimitWaitMs, 0),
      backoffBaseMs: nonNegative('backoff.baseMs', options.backoff?.baseMs, 500),
      backoffCapMs: nonNegative('backoff.capMs', options.backoff?.capMs, 8_000),
      userAgent: options.userAgent ?? `loggd-sdk-js/${SDK_VERSION}`,
      fetch: options.fetch,
      clock,
      random: options.random ?? Math.random,
      bucket: options.rateLimit === false ? null : new TokenBucket(options.rateLimit ?? {}, clock),
      hooks: options.hooks ?? {},
      onRateLimit: options.onRateLimit,
    });
    const validator = new ResponseValidator(
      options.validation ?? 'warn',
      options.onWarning ?? defaultWarning,
    );
    this.#core = new Core(transport, validator);
    this.habits = new Habits(this.#core);
    this.tasks = new Tasks(this.#core);
    this.goals = new Goals(this.#core);
    this.focusSessions = new FocusSessions(this.#core);
    this.profile = new ProfileResource(this.#core);
  }

  /** The last `X-RateLimit-Limit`/`-Remaining` seen by this client, or null before any. */
  get rateLimit(): RateLimitState | null {
    return this.#core.transport.rateLimit;
  }

  /** Requests sent and retries made by this client so far (live counters). */
  get stats(): Readonly<TransportStats> {
    return this.#core.transport.stats;
  }

  /** Retries made by this client so far. */
  get retries(): number {
    return this.#core.transport.stats.retries;
  }

  /**
   * A raw authenticated GET of any path under the base URL, returning the whole parsed JSON body, with the same
   * retries, errors and pacing as the typed methods.
   *
   * @example
   * const body = await loggd.request('/habits/42/checks', { limit: 5 });
   */
  request<T = unknown>(path: string, query?: RawQuery, options?: RequestOptions): ApiPromise<T> {
    return this.#core.raw<T>(path, query, options);
  }

  /** One page of any list endpoint, unvalidated: `{ data, has_more, nextCursor }`. */
  getPage<T = unknown>(path: string, query?: RawQuery, options?: ListOptions): ApiPromise<Page<T>> {
    return this.#core.rawList<T>(path, query, options);
  }

  /** Every item of any list endpoint, unvalidated, as a PagePromise (`for await`, `.toArray()`…). */
  paginate<T = unknown>(path: string, query?: RawQuery, options?: ListOptions): PagePromise<T> {
    return this.#core.rawList<T>(path, query, options);
  }
}
