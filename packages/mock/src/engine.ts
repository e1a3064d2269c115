import { API_PREFIX, routeApi } from './api.js';
import { createClock, type MockClock, toWireDateTime } from './clock.js';
import { ContractViolationError, type ResponseKind, serializeChecked } from './contract.js';
import type { Dataset, GenerateOptions } from './data/types.js';
import { SERVER_ERROR, TOO_MANY_ATTEMPTS } from './errors.js';
import { type FaultOutcome, type FaultSpec, FaultStore, parseFaultHeader } from './faults.js';
import { RequestJournal } from './journal.js';
import { seededUnit } from './random.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { errorReply, MockHttpError, type MockReply, type MockRequest } from './reply.js';
import { MockState } from './state.js';
import { maskToken, TokenStore } from './tokens.js';

/** Options of `createMockApi()` / `startMockServer()`. */
export interface MockOptions {
  /** Same seed (and same `now`) → byte-identical data and the same random faults. Default 1. */
  seed?: number;
  /** Freeze the clock at this instant (data history ends there). Default: follow real time. */
  now?: Date | string | number;
  /** Dataset size multiplier (1 = the demo account). */
  scale?: number;
  /** Years of generated history. */
  years?: number;
  /** Throw on any response that breaks the SDK's schemas (tests); otherwise report it in X-Mock-Violations. */
  strict?: boolean;
  /** 300 per minute per user by default; `false` disables limiting. */
  rateLimit?: RateLimitOptions | false;
  /** Latency added to every API response: fixed ms or a [min, max] range drawn from (seed, request index). */
  latency?: number | [number, number];
  /** Skip the per-response contract check (benchmarks of raw throughput only). Default true. */
  contract?: boolean;
}

/** What the engine needs from the webhook dispatcher: an event sink (the dispatcher signs and delivers). */
export interface WebhookSink {
  emit(userId: number, event: string, data: Record<string, unknown>): unknown;
}

/** The seed when `MockOptions.seed` is not given. */
export const DEFAULT_SEED = 1;

/** The mock clock for these options: frozen at `now` when given, else following real time. */
export function clockFor(options: MockOptions): MockClock {
  return createClock(options.now === undefined ? {} : { now: options.now });
}

/**
 * What the engine is built from, each made before it: the data generator, the clock (the webhook dispatcher runs
 * on it too) and the sink its state changes fire events into.
 */
export interface EngineParts {
  generate: (options: GenerateOptions) => Dataset;
  clock: MockClock;
  webhooks: WebhookSink;
}

/** Handles `/__mock/…` requests; installed by the control API module. */
export type ControlHandler = (req: MockRequest, engine: MockEngine) => Promise<MockReply> | MockReply;

/**
 * The one engine behind the three doors: state, clock, tokens, faults, rate limits, journal and contract checks.
 * Doors adapt their request into a `MockRequest` and turn the `MockReply` into bytes (or a transport fault).
 */
export class MockEngine {
  readonly seed: number;
  readonly strict: boolean;
  readonly clock: MockClock;
  readonly state: MockState;
  readonly tokens: TokenStore;
  readonly faults = new FaultStore();
  readonly journal = new RequestJournal();
  readonly limiter: RateLimiter | undefined;
  readonly options: MockOptions;
  readonly webhooks: WebhookSink;
  control: ControlHandler | undefined;
  #requestIndex = 0;

  constructor(options: MockOptions, { generate, clock, webhooks }: EngineParts) {
    this.options = options;
    this.seed = options.seed ?? DEFAULT_SEED;
    this.strict = options.strict ?? false;
    this.clock = clock;
    this.webhooks = webhooks;
    this.state = new MockState(generate, {
      seed: this.seed,
      now: this.clock.now(),
      ...(options.scale === undefined ? {} : { scale: options.scale }),
      ...(options.years === undefined ? {} : { years: options.years }),
    });
    this.tokens = new TokenStore(
      (role) => this.state.userForRole(role),
      (userId) => this.state.account(userId) !== undefined,
    );
    this.limiter = options.rateLimit === false ? undefined : new RateLimiter(options.rateLimit ?? {});
  }

  get dataset(): Dataset {
    return this.state.dataset;
  }

  readonly #resetListeners: Array<() => void> = [];

  /** Run `listener` on every reset (the webhook dispatcher and the control actions keep state of their own). */
  onReset(listener: () => void): void {
    this.#resetListeners.push(listener);
  }

  /** How many API requests were served since the last reset (the index random faults are drawn from). */
  get requestCount(): number {
    return this.#requestIndex;
  }

  /** Restore data, clock, faults, tokens, rate windows and the journal. */
  reset(): void {
    for (const listener of this.#resetListeners) listener();
    this.clock.reset();
    this.state.reset();
    this.tokens.reset();
    this.faults.clear();
    this.journal.clear();
    this.limiter?.reset();
    this.#requestIndex = 0;
  }

  /** Answer one request. Never throws, except a contract violation in strict mode. */
  async handle(req: MockRequest): Promise<MockReply> {
    const path = req.url.pathname;
    try {
      const controlAt = path.indexOf('/__mock');
      if (controlAt >= 0 && this.control) return await this.control(req, this);
      const apiAt = path.indexOf(API_PREFIX);
      if (apiAt < 0) return errorReply(404, `No mock route for ${path}: the API lives under ${API_PREFIX}.`);
      return this.#handleApi(req, path.slice(apiAt + API_PREFIX.length) || '/');
    } catch (e) {
      if (e instanceof ContractViolationError) throw e;
      if (e instanceof MockHttpError) return errorReply(e.status, e.message, e.extra);
      return errorReply(500, `Mock error: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  #handleApi(req: MockRequest, route: string): MockReply {
    const index = ++this.#requestIndex;
    const nowMs = this.clock.nowMs();
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.get('authorization') ?? '')?.[1]?.trim();
    const token = bearer ? this.tokens.get(bearer) : undefined;
    const method = req.method.toUpperCase();

    const headerFault = req.headers.get('x-mock-fault');
    let faultSpecs: FaultSpec[] = [];
    if (headerFault) faultSpecs = parseFaultHeader(headerFault);
    const fault: FaultOutcome =
      faultSpecs.length > 0 || this.faults.size > 0
        ? this.faults.decide({ method, route, token: bearer }, this.seed, index, faultSpecs)
        : { latencyMs: 0 };

    const rateHeaders: Record<string, string> = {};
    let status: number;
    let payload: unknown;
    let kind: ResponseKind = 'error';
    let userId: number | undefined;
    const limiter = this.limiter;
    if (fault.rateLimit) {
      status = 429;
      payload = TOO_MANY_ATTEMPTS;
      rateHeaders['x-ratelimit-limit'] = String(limiter?.limit ?? 300);
      rateHeaders['x-ratelimit-remaining'] = '0';
      rateHeaders['retry-after'] = String(fault.rateLimit.retryAfter);
    } else {
      const decision = limiter?.hit(limiter.key(token?.userId, bearer), nowMs);
      if (decision) {
        rateHeaders['x-ratelimit-limit'] = String(decision.limit);
        rateHeaders['x-ratelimit-remaining'] = String(decision.remaining);
      }
      if (decision && !decision.allowed) {
        status = 429;
        payload = TOO_MANY_ATTEMPTS;
        rateHeaders['retry-after'] = String(decision.retryAfter);
      } else if (fault.status) {
        status = fault.status.status;
        payload =
          fault.status.status >= 500 ? statusMessage(fault.status.status) : { message: 'Mock fault.' };
      } else {
        const result = routeApi(method, route, req.url.searchParams, token, this.state, nowMs);
        ({ status, payload, kind } = result);
        userId = result.userId;
        if (result.headers) Object.assign(rateHeaders, result.headers);
      }
    }

    const headers: Record<string, string> = { 'content-type': 'application/json', ...rateHeaders };
    let body: string;
    if (this.options.contract === false) body = JSON.stringify(payload);
    else {
      const checked = serializeChecked(kind, payload);
      body = checked.body;
      if (checked.violations.length > 0) {
        if (this.strict) throw new ContractViolationError(kind, checked.violations);
        headers['x-mock-violations'] = checked.violations
          .join('; ')
          .replace(/[^\x20-\x7e]/g, '?')
          .slice(0, 2000);
      }
    }
    if (method === 'HEAD') body = '';
    if (fault.malformed) body = body.slice(0, Math.ceil(body.length / 2));

    const latencyMs = fault.latencyMs + this.#baseLatency(index);
    const applied = [
      ...(fault.rateLimit ? ['rate-limit'] : []),
      ...(fault.status ? ['status'] : []),
      ...(fault.malformed ? ['malformed-json'] : []),
      ...(fault.transport ? [fault.transport.kind] : []),
      ...(fault.latencyMs > 0 ? ['latency'] : []),
    ];
    this.journal.record({
      index,
      method,
      path: API_PREFIX + route,
      query: Object.fromEntries(req.url.searchParams),
      token: maskToken(bearer),
      userId: userId ?? token?.userId ?? null,
      status,
      time: toWireDateTime(nowMs),
      ...(applied.length > 0 ? { faults: applied } : {}),
    });
    const reply: MockReply = { status, headers, body };
    if (fault.transport) reply.transport = fault.transport;
    if (latencyMs > 0) reply.latencyMs = latencyMs;
    return reply;
  }

  #baseLatency(index: number): number {
    const l = this.options.latency;
    if (l === undefined) return 0;
    if (typeof l === 'number') return l;
    return Math.round(l[0] + (l[1] - l[0]) * seededUnit(this.seed, index, 7919));
  }
}

function statusMessage(status: number): { message: string } {
  if (status === 503) return { message: 'Service Unavailable' };
  if (status === 502) return { message: 'Bad Gateway' };
  if (status === 504) return { message: 'Gateway Timeout' };
  return SERVER_ERROR;
}
