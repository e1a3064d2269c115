import {
  WEBHOOK_EVENT_NAMES as SDK_WEBHOOK_EVENT_NAMES,
  isWebhookEventName as sdkIsWebhookEventName,
  WEBHOOK_EVENTS,
  type WebhookEventName,
} from '@loggd/sdk';

export type { WebhookEventName };

/** The 15 documented events, from the SDK's catalog (one source of truth for names and example data). */
export const WEBHOOK_EVENT_NAMES: readonly WebhookEventName[] = SDK_WEBHOOK_EVENT_NAMES;

/** `true` when `name` is one of the 15 documented events. */
export const isWebhookEventName: (name: unknown) => name is WebhookEventName = sdkIsWebhookEventName;

/** The docs' example `data` of an event: what "Send test event" delivers (a fresh copy each time). */
export function exampleData(event: WebhookEventName): Record<string, unknown> {
  return structuredClone(WEBHOOK_EVENTS[event].example) as Record<string, unknown>;
}
