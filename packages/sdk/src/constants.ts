/**
 * The API's vocabularies, in the docs' spelling and order: the one source the schemas, the CLI, the MCP server and
 * the mock build on. Published as `@loggd/sdk/constants` (and re-exported by `@loggd/sdk`).
 *
 * This module imports nothing, so a program that only needs these lists (a CLI's `--help`, an MCP server's
 * `tools/list`) loads neither zod nor the client. Every array is frozen: the objects are shared by all importers.
 */

/** The API version in the base URL; additive changes land within it, breaking ones bump it. */
export const API_VERSION = 'v1';

/** Where requests go unless `baseUrl` or `LOGGD_BASE_URL` says otherwise. */
export const DEFAULT_BASE_URL = 'https://loggd.life/api/v1/public';

/** Weekday names as the API spells `week_start_day`, `custom_days` and recurrence `days`; index 0 is monday (ISO). */
export const WEEK_DAYS = /* @__PURE__ */ Object.freeze([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const);
export type WeekDay = (typeof WEEK_DAYS)[number];

/** The values of the profile's `week_start_day`: any weekday (the docs show monday). */
export const WEEK_START_DAYS: typeof WEEK_DAYS = WEEK_DAYS;

/** Token scopes, one per resource; all tokens are read-only today. */
export const SCOPES = /* @__PURE__ */ Object.freeze([
  'read:habits',
  'read:tasks',
  'read:goals',
  'read:focus',
  'read:profile',
] as const);
export type Scope = (typeof SCOPES)[number];

/** A habit's `status`. */
export const HABIT_STATUSES = /* @__PURE__ */ Object.freeze(['active', 'archived'] as const);
/** Values accepted by the `status` query parameter of GET /habits ('active' is the default). */
export const HABIT_STATUS_FILTERS = /* @__PURE__ */ Object.freeze([...HABIT_STATUSES, 'all'] as const);
/** A habit's `frequency`: the known values (the docs list no closed set). */
export const HABIT_FREQUENCIES = /* @__PURE__ */ Object.freeze(['daily', 'weekly', 'custom'] as const);
/** A habit skip's `reason`. */
export const SKIP_REASONS = /* @__PURE__ */ Object.freeze(['vacation', 'sick', 'rest', 'other'] as const);

/** Values accepted by the `status` query parameter of GET /tasks ('active' is the documented default). */
export const TASK_STATUS_FILTERS = /* @__PURE__ */ Object.freeze([
  'active',
  'completed',
  'cancelled',
  'all',
] as const);
/** A task's `priority`: the known values (the schema keeps it a plain string). */
export const TASK_PRIORITIES = /* @__PURE__ */ Object.freeze(['low', 'medium', 'high', 'urgent'] as const);

/** Values accepted by the `status` query parameter of GET /goals ('active' is the default). */
export const GOAL_STATUS_FILTERS = /* @__PURE__ */ Object.freeze([
  'active',
  'completed',
  'paused',
  'abandoned',
  'all',
] as const);
/** A goal's `status`. */
export const GOAL_STATUSES = /* @__PURE__ */ Object.freeze([
  'active',
  'completed',
  'paused',
  'abandoned',
] as const);
/** A goal's `time_horizon`, also the `time_horizon` filter of GET /goals. */
export const TIME_HORIZONS = /* @__PURE__ */ Object.freeze([
  'monthly',
  'quarterly',
  'yearly',
  '3_year',
] as const);
/** A goal's `trend`, from its last two metric updates. */
export const GOAL_TRENDS = /* @__PURE__ */ Object.freeze(['up', 'down', 'neutral'] as const);
/** A goal's `tracking_type`: the known values (the docs list no closed set). */
export const GOAL_TRACKING_TYPES = /* @__PURE__ */ Object.freeze(['metric', 'milestone'] as const);

/** Values accepted by the `status` query parameter of GET /focus-sessions ('completed' is the default). */
export const FOCUS_STATUS_FILTERS = /* @__PURE__ */ Object.freeze([
  'completed',
  'active',
  'cancelled',
  'paused',
  'all',
] as const);
/** A focus session's `status`. */
export const FOCUS_STATUSES = /* @__PURE__ */ Object.freeze([
  'completed',
  'active',
  'cancelled',
  'paused',
] as const);

/** The 15 documented webhook events, in the docs' order. */
export const WEBHOOK_EVENT_NAMES = /* @__PURE__ */ Object.freeze([
  'habit.created',
  'habit.archived',
  'habit.completed',
  'task.created',
  'task.completed',
  'task.cancelled',
  'goal.created',
  'goal.progress_changed',
  'goal.completed',
  'goal.milestone_reached',
  'focus_session.started',
  'focus_session.completed',
  'badge.unlocked',
  'level.up',
  'checkin.completed',
] as const);
/** The 15 documented event names. */
export type WebhookEventName = (typeof WEBHOOK_EVENT_NAMES)[number];
