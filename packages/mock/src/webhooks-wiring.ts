import type { MockEngine } from './engine.js';
import { createWebhookDispatcher, handleWebhookControl, type WebhookDispatcher } from './webhooks/index.js';

/** The mock's webhook side is the dispatcher itself (`mock.webhooks.waitFor('habit.completed')`). */
export type MockWebhooks = WebhookDispatcher;

/** Build the dispatcher on the engine's clock and seed. */
export function createWebhooks(engine: MockEngine): WebhookDispatcher {
  return createWebhookDispatcher({ clock: engine.clock, seed: engine.seed });
}

/** Serve `/__mock/webhooks/…`; the default user is the demo Pro account. */
export function webhookControl(engine: MockEngine, dispatcher: WebhookDispatcher) {
  return async (request: Request): Promise<Response | undefined> =>
    (await handleWebhookControl(request, dispatcher, engine.state.userForRole('pro'))) ?? undefined;
}
