import { bypass } from 'msw';
import type { MockClock } from './clock.js';
import type { MockEngine } from './engine.js';
import { createWebhookDispatcher, handleWebhookControl, type WebhookDispatcher } from './webhooks/index.js';

/** The mock's webhook side is the dispatcher itself (`mock.webhooks.waitFor('habit.completed')`). */
export type MockWebhooks = WebhookDispatcher;

/** Build the dispatcher on the mock's clock and seed (before the engine, which fires events into it). */
export function createWebhooks(clock: MockClock, seed: number): WebhookDispatcher {
  return createWebhookDispatcher({
    clock,
    seed,
    // Deliveries go to the user's real receiver: under msw's setupServer the global fetch is patched, and a
    // receiver on 127.0.0.1 would count as an unhandled request. `bypass` marks the request to skip msw; without
    // msw it is an ordinary fetch. Resolved per call, never cached.
    fetch: (input, init) => globalThis.fetch(bypass(new Request(input, init))),
    // On a clock that follows real time nobody advances it, so retries that fall due need a poll.
    pollMs: clock.frozen ? undefined : 1000,
  });
}

/** Serve `/__mock/webhooks/…`; the default user is the demo Pro account. */
export function webhookControl(engine: MockEngine, dispatcher: WebhookDispatcher) {
  return async (request: Request): Promise<Response | undefined> =>
    (await handleWebhookControl(request, dispatcher, engine.state.userForRole('pro'))) ?? undefined;
}
