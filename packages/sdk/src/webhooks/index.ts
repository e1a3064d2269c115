export { WEBHOOK_EVENT_NAMES, type WebhookEventName } from '../constants.js';
export type { ExpressMiddleware, ExpressRequestLike } from './adapters/express.js';
export type { FetchHandler } from './adapters/fetch.js';
export type { NodeListener, NodeRequestLike, NodeResponseLike } from './adapters/node.js';
export {
  type ConstructEventOptions,
  constructEvent,
} from './construct-event.js';
export { createDeliveryDeduper, type DeliveryDeduper, type DeliveryDeduperOptions } from './deduper.js';
export { WebhookVerificationError, type WebhookVerificationReason } from './errors.js';
export {
  isWebhookEventName,
  WEBHOOK_EVENTS,
  type WebhookEventInfo,
} from './event-catalog.js';
export {
  type BadgeUnlockedData,
  BadgeUnlockedDataSchema,
  type CheckinCompletedData,
  CheckinCompletedDataSchema,
  type FocusSessionCompletedData,
  FocusSessionCompletedDataSchema,
  type FocusSessionStartedData,
  FocusSessionStartedDataSchema,
  type GoalCompletedData,
  GoalCompletedDataSchema,
  type GoalCreatedData,
  GoalCreatedDataSchema,
  type GoalMilestoneReachedData,
  GoalMilestoneReachedDataSchema,
  type GoalProgressChangedData,
  GoalProgressChangedDataSchema,
  type HabitArchivedData,
  HabitArchivedDataSchema,
  type HabitCompletedData,
  HabitCompletedDataSchema,
  type HabitCreatedData,
  HabitCreatedDataSchema,
  type LevelUpData,
  LevelUpDataSchema,
  type TaskCancelledData,
  TaskCancelledDataSchema,
  type TaskCompletedData,
  TaskCompletedDataSchema,
  type TaskCreatedData,
  TaskCreatedDataSchema,
  WEBHOOK_EVENT_DATA_SCHEMAS,
  type WebhookEventData,
} from './event-schemas.js';
export {
  isWebhookEvent,
  type KnownWebhookEvent,
  type UnknownWebhookEvent,
  type WebhookEvent,
  type WebhookEventOf,
} from './event-types.js';
export {
  createWebhookHandler,
  type WebhookContext,
  type WebhookErrorInfo,
  type WebhookEventHandler,
  type WebhookEventHandlers,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from './handler.js';
export type { WebhookDedupeOption } from './handler-dedupe.js';
export type { WebhookHandlerResponse } from './handler-response.js';
export type { WebhookHeaders } from './headers.js';
export {
  createMemoryDeliveryStore,
  type MemoryDeliveryStoreOptions,
  type WebhookDeliveryStore,
} from './memory-delivery-store.js';
export type { WebhookRawBody } from './raw-body.js';
export type { WebhookReceiver, WebhookRequest } from './receiver.js';
export type { WebhookSecretOptions } from './secrets.js';
export { signPayload, type VerifySignatureOptions, verifySignature } from './signature.js';
export { createTestDelivery, type TestDelivery, type TestDeliveryOptions } from './test-delivery.js';
