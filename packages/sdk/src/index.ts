export { ApiPromise, type WithResponse } from './api-promise.js';
export { DEFAULT_BASE_URL, Loggd } from './client.js';
export { type Clock, systemClock } from './clock.js';
export type { RawQuery } from './core.js';
export * from './errors.js';
export type {
  ListOptions,
  LoggdHooks,
  LoggdOptions,
  RequestEvent,
  RequestOptions,
  ResponseEvent,
} from './options.js';
export { type Page, PagePromise } from './pagination.js';
export { isCalendarDate } from './params.js';
export {
  type RateLimitEvent,
  type RateLimitOptions,
  type RateLimitState,
  readRateLimit,
  TokenBucket,
} from './rate-limit.js';
export type { FocusSessionListParams, FocusSessions, FocusStatusFilter } from './resources/focus-sessions.js';
export type {
  GoalListParams,
  GoalStatusFilter,
  Goals,
  GoalUpdatesParams,
  TimeHorizon,
} from './resources/goals.js';
export type { HabitHistoryParams, HabitListParams, HabitStatusFilter, Habits } from './resources/habits.js';
export type { ProfileResource } from './resources/profile.js';
export type { TaskListParams, TaskStatusFilter, Tasks } from './resources/tasks.js';
export type { ValidationMode, ValidationWarning } from './response-validation.js';
export * from './schemas/index.js';
export { SDK_VERSION } from './version.js';
export * from './webhooks/index.js';
