import { DEFAULT_BASE_URL } from '@loggd/sdk/constants';
import type { HttpHandler } from 'msw';
import { MockActions } from './actions/index.js';
import type { MockClock } from './clock.js';
import { createControlHandler } from './control-api.js';
import { generateDataset } from './data/generate.js';
import type { Dataset } from './data/types.js';
import { dataHelpers } from './data-helpers.js';
import { clockFor, DEFAULT_SEED, MockEngine, type MockOptions } from './engine.js';
import type { FaultStore } from './faults.js';
import { createMockFetch } from './fetch-door.js';
import { createHandlers } from './handlers.js';
import type { RequestJournal } from './journal.js';
import type { TokenStore } from './tokens.js';
import { createWebhooks, type MockWebhooks, webhookControl } from './webhooks-wiring.js';

/** The mock: one engine (state, clock, faults, journals, control API) behind three doors. */
export interface MockApi {
  /** msw door: `setupServer(...mock.handlers)`. */
  readonly handlers: HttpHandler[];
  /** In-process door: `new Loggd({ fetch: mock.fetch, token: 'mock_pro_all' })`. Any host works. */
  readonly fetch: typeof fetch;
  readonly clock: MockClock;
  readonly faults: FaultStore;
  readonly tokens: TokenStore;
  /** State changes that fire webhook events (`mock.control.completeHabit(id)`) plus `reset()`. */
  readonly control: MockActions;
  readonly journal: RequestJournal;
  /** The webhook dispatcher (`await mock.webhooks.waitFor('habit.completed')`). */
  readonly webhooks: MockWebhooks;
  /** Stop background work (the webhook retry poll, in-flight deliveries). */
  close(): void;
  /** The live dataset (generated on first use). */
  readonly dataset: Dataset;
  /** The SDK's default base URL; `mock.fetch` answers it (and any other host). */
  readonly baseUrl: string;
  readonly seed: number;
  /** The engine itself (doors and the standalone server share it). */
  readonly engine: MockEngine;
  /** Restore data, clock, faults, tokens, rate windows and journals. */
  reset(): void;
}

/**
 * Create a mock of the Loggd.life API. Cheap: the dataset is generated on the first request.
 * @example
 * const mock = createMockApi({ seed: 7, now: '2026-04-08T12:00:00Z', strict: true });
 * const client = new Loggd({ fetch: mock.fetch, token: 'mock_pro_all' });
 */
export function createMockApi(options: MockOptions = {}): MockApi {
  const clock = clockFor(options);
  const webhooks = createWebhooks(clock, options.seed ?? DEFAULT_SEED);
  const engine = new MockEngine(options, { generate: generateDataset, clock, webhooks });
  const actions = new MockActions(engine, dataHelpers);
  engine.control = createControlHandler(actions, webhookControl(engine, webhooks));
  // One reset for every door: `mock.reset()` and `POST /__mock/reset` both restore the dispatcher too.
  engine.onReset(() => webhooks.reset());
  const reset = () => engine.reset();
  return {
    engine,
    handlers: createHandlers(engine),
    fetch: createMockFetch(engine),
    clock: engine.clock,
    faults: engine.faults,
    tokens: engine.tokens,
    control: actions,
    journal: engine.journal,
    webhooks,
    get dataset() {
      return engine.dataset;
    },
    baseUrl: DEFAULT_BASE_URL,
    seed: engine.seed,
    reset,
    close: () => webhooks.close(),
  };
}
