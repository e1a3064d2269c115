import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The runtime exports of the built package, pinned: `src/index.ts` lists its exports by name, so removing one is a
// deliberate edit, and this list makes it fail here first (add new exports here when you add them on purpose).
// Sorted as `Object.keys(module).sort()` gives them. Run `pnpm --filter @loggd/sdk run build` first.
const dist = new URL('../dist/', import.meta.url);
const built = ['index.js', 'index.cjs', 'constants.js', 'constants.cjs', 'webhooks.js'].every((f) =>
  existsSync(new URL(f, dist)),
);
const require = createRequire(import.meta.url);

const CONSTANTS = [
  'API_VERSION',
  'DEFAULT_BASE_URL',
  'FOCUS_STATUSES',
  'FOCUS_STATUS_FILTERS',
  'GOAL_STATUSES',
  'GOAL_STATUS_FILTERS',
  'GOAL_TRACKING_TYPES',
  'GOAL_TRENDS',
  'HABIT_FREQUENCIES',
  'HABIT_STATUSES',
  'HABIT_STATUS_FILTERS',
  'SCOPES',
  'SKIP_REASONS',
  'TASK_PRIORITIES',
  'TASK_STATUS_FILTERS',
  'TIME_HORIZONS',
  'WEBHOOK_EVENT_NAMES',
  'WEEK_DAYS',
  'WEEK_START_DAYS',
];

const WEBHOOKS = [
  'BadgeUnlockedDataSchema',
  'CheckinCompletedDataSchema',
  'FocusSessionCompletedDataSchema',
  'FocusSessionStartedDataSchema',
  'GoalCompletedDataSchema',
  'GoalCreatedDataSchema',
  'GoalMilestoneReachedDataSchema',
  'GoalProgressChangedDataSchema',
  'HabitArchivedDataSchema',
  'HabitCompletedDataSchema',
  'HabitCreatedDataSchema',
  'LevelUpDataSchema',
  'TaskCancelledDataSchema',
  'TaskCompletedDataSchema',
  'TaskCreatedDataSchema',
  'WEBHOOK_EVENTS',
  'WEBHOOK_EVENT_DATA_SCHEMAS',
  'WEBHOOK_EVENT_NAMES',
  'WebhookVerificationError',
  'constructEvent',
  'createDeliveryDeduper',
  'createMemoryDeliveryStore',
  'createTestDelivery',
  'createWebhookHandler',
  'isWebhookEvent',
  'isWebhookEventName',
  'signPayload',
  'verifySignature',
];

const ROOT = [
  'API_VERSION',
  'AbortError',
  'ApiPromise',
  'AuthenticationError',
  'BadgeUnlockedDataSchema',
  'CheckinCompletedDataSchema',
  'ConnectionError',
  'DEFAULT_BASE_URL',
  'DateOnly',
  'DateTime',
  'ErrorBodySchema',
  'FOCUS_STATUSES',
  'FOCUS_STATUS_FILTERS',
  'FocusSessionCompletedDataSchema',
  'FocusSessionSchema',
  'FocusSessionStartedDataSchema',
  'GOAL_STATUSES',
  'GOAL_STATUS_FILTERS',
  'GOAL_TRACKING_TYPES',
  'GOAL_TRENDS',
  'GoalCompletedDataSchema',
  'GoalCreatedDataSchema',
  'GoalMilestoneReachedDataSchema',
  'GoalProgressChangedDataSchema',
  'GoalSchema',
  'GoalUpdateSchema',
  'HABIT_FIELD_ALIASES',
  'HABIT_FREQUENCIES',
  'HABIT_STATUSES',
  'HABIT_STATUS_FILTERS',
  'HabitArchivedDataSchema',
  'HabitCheckSchema',
  'HabitCompletedDataSchema',
  'HabitCreatedDataSchema',
  'HabitSchema',
  'HabitSkipSchema',
  'Id',
  'InvalidRequestError',
  'LevelUpDataSchema',
  'Loggd',
  'LoggdApiError',
  'LoggdError',
  'MaxItemsExceededError',
  'MilestoneSchema',
  'MissingScopeError',
  'NORMALISERS',
  'NotFoundError',
  'OPEN_ENUMS',
  'PagePromise',
  'PaginationError',
  'PermissionError',
  'ProRequiredError',
  'ProfileSchema',
  'RateLimitError',
  'RecurrenceSchema',
  'RedirectError',
  'ResponseTooLargeError',
  'ResponseValidationError',
  'SCOPES',
  'SDK_VERSION',
  'SKIP_REASONS',
  'ServerError',
  'SubtaskSchema',
  'TASK_PRIORITIES',
  'TASK_STATUS_FILTERS',
  'TIME_HORIZONS',
  'TagSchema',
  'TaskCancelledDataSchema',
  'TaskCompletedDataSchema',
  'TaskCreatedDataSchema',
  'TaskSchema',
  'TimeoutError',
  'TokenBucket',
  'ValidationError',
  'WEBHOOK_EVENTS',
  'WEBHOOK_EVENT_DATA_SCHEMAS',
  'WEBHOOK_EVENT_NAMES',
  'WEEK_DAYS',
  'WEEK_START_DAYS',
  'WebhookVerificationError',
  'alignHabit',
  'constructEvent',
  'createDeliveryDeduper',
  'createMemoryDeliveryStore',
  'createTestDelivery',
  'createWebhookHandler',
  'isCalendarDate',
  'isWebhookEvent',
  'isWebhookEventName',
  'itemEnvelope',
  'listEnvelope',
  'normalised',
  'openEnum',
  'readRateLimit',
  'signPayload',
  'systemClock',
  'verifySignature',
];

const load = (entry: string) => import(new URL(`${entry}.js`, dist).href) as Promise<Record<string, unknown>>;

describe.skipIf(!built)('the built @loggd/sdk exports (skipped when dist/ is not built)', () => {
  it('@loggd/sdk exports exactly the pinned names, in ESM and CJS', async () => {
    expect(Object.keys(await load('index')).sort()).toEqual(ROOT);
    expect(Object.keys(require('../dist/index.cjs')).sort()).toEqual(ROOT);
  });

  it('@loggd/sdk/webhooks and @loggd/sdk/constants export exactly the pinned names', async () => {
    expect(Object.keys(await load('webhooks')).sort()).toEqual(WEBHOOKS);
    expect(Object.keys(await load('constants')).sort()).toEqual(CONSTANTS);
    expect(Object.keys(require('../dist/constants.cjs')).sort()).toEqual(CONSTANTS);
  });

  it('the root and /webhooks re-export the very objects of /constants', async () => {
    const [root, webhooks, constants] = await Promise.all([
      load('index'),
      load('webhooks'),
      load('constants'),
    ]);
    for (const name of CONSTANTS) expect(root[name], name).toBe(constants[name]);
    expect(webhooks.WEBHOOK_EVENT_NAMES).toBe(constants.WEBHOOK_EVENT_NAMES);
    const cjs = require('../dist/index.cjs') as Record<string, unknown>;
    for (const name of CONSTANTS) expect(cjs[name], name).toBe(require('../dist/constants.cjs')[name]);
  });

  it('every vocabulary is frozen, so no importer can change another one’s lists', async () => {
    const constants = await load('constants');
    for (const name of CONSTANTS) {
      const value = constants[name];
      if (typeof value === 'object') expect(Object.isFrozen(value), name).toBe(true);
    }
  });

  it('@loggd/sdk/constants loads nothing else (no zod): its files import only each other', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(new URL(file, dist), 'utf8');
      for (const [, spec] of text.matchAll(/(?:from\s*|import\s*\(?|require\()["']([^"']+)["']/g)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/chunk-[\w-]+\.c?js$/);
        visit(spec!.slice(2));
      }
    };
    visit('constants.js');
    visit('constants.cjs');
    expect(seen.size).toBeGreaterThan(1);
  });

  it('the catalog lists the events in the order of WEBHOOK_EVENT_NAMES', async () => {
    const root = await load('index');
    expect(Object.keys(root.WEBHOOK_EVENTS as object)).toEqual(root.WEBHOOK_EVENT_NAMES);
  });
});
