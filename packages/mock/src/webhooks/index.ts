export { handleWebhookControl } from './control.js';
export { createWebhookDispatcher, WebhookDispatcher } from './dispatcher.js';
export type { EndpointPatch } from './endpoints.js';
export { exampleData, isWebhookEventName, WEBHOOK_EVENT_NAMES, type WebhookEventName } from './events.js';
export {
  DEACTIVATE_AFTER_FAILURES,
  DEFAULT_TIMEOUT_MS,
  MAX_ATTEMPTS,
  MAX_ENDPOINTS_PER_ACCOUNT,
  RETRY_DELAYS_MS,
} from './schedule.js';
export { signBody } from './signature.js';
export type * from './types.js';
