import type { JsonSchema, SdkModule } from './components.ts';

/** One query parameter as the docs describe it. */
export interface QueryParam {
  name: string;
  description: string;
  schema: JsonSchema;
}

/** One of the 12 documented GET endpoints. */
export interface Endpoint {
  path: string;
  operationId: string;
  tag: string;
  scope: string;
  summary: string;
  description: string;
  /** The component of each item, and whether the response is a paginated list or a single item. */
  item: string;
  shape: 'list' | 'item';
  /** Name of the `{id}` path parameter's resource, for its description. */
  idOf?: string;
  /** The resource's name in its 404 body ("Habit not found."). */
  notFound?: string;
  query: QueryParam[];
}

const limit: QueryParam = {
  name: 'limit',
  description: 'Page size: an integer from 1 to 100.',
  schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
};
const after: QueryParam = {
  name: 'after',
  description: 'Cursor: the id of the last item of the previous page. Omit for the first page.',
  schema: { type: 'integer', exclusiveMinimum: 0 },
};
/** The API's 422 when `to` comes before `from` (the mock and the SDK refuse it the same way). */
export const TO_BEFORE_FROM = 'The to field must be a date after or equal to from.';

function dateBound(name: 'from' | 'to', what: string): QueryParam {
  const edge = name === 'from' ? 'Start' : 'End';
  const order =
    name === 'to' ? ` Must not be before \`from\`: the API answers 422 ("${TO_BEFORE_FROM}").` : '';
  return {
    name,
    description: `${edge} date (inclusive), YYYY-MM-DD. ${what}${order}`,
    schema: { type: 'string', format: 'date' },
  };
}
function status(values: readonly string[], byDefault: string | undefined, description: string): QueryParam {
  const schema: JsonSchema = { type: 'string', enum: [...values] };
  if (byDefault !== undefined) schema.default = byDefault;
  return { name: 'status', description, schema };
}

/** The 12 endpoints of the docs' endpoint table, in its order; enums come from the SDK's constants. */
export function endpoints(sdk: SdkModule): Endpoint[] {
  return [
    {
      path: '/habits',
      operationId: 'listHabits',
      tag: 'Habits',
      scope: 'read:habits',
      summary: 'List your habits',
      description: 'Habits owned by the authenticated user. Archived habits are excluded by default.',
      item: 'Habit',
      shape: 'list',
      query: [status(sdk.HABIT_STATUS_FILTERS, 'active', 'Which habits to return.'), limit, after],
    },
    {
      path: '/habits/{id}',
      operationId: 'getHabit',
      tag: 'Habits',
      scope: 'read:habits',
      summary: 'Fetch a single habit',
      description: 'Returns 404 if the habit does not exist or is owned by another user.',
      item: 'Habit',
      shape: 'item',
      idOf: 'habit',
      notFound: 'Habit',
      query: [],
    },
    {
      path: '/habits/{id}/checks',
      operationId: 'listHabitChecks',
      tag: 'Habits',
      scope: 'read:habits',
      summary: 'List habit check-ins (paginated)',
      description:
        'Check-ins (completions) of a habit, newest first. Only days the habit was actually checked are returned.',
      item: 'HabitCheck',
      shape: 'list',
      idOf: 'habit',
      notFound: 'Habit',
      query: [
        dateBound('from', 'Omit to include all history.'),
        dateBound('to', 'Omit for no upper bound.'),
        limit,
        after,
      ],
    },
    {
      path: '/habits/{id}/skips',
      operationId: 'listHabitSkips',
      tag: 'Habits',
      scope: 'read:habits',
      summary: 'List habit skips (rest days, sick days, etc.)',
      description: 'Days the user intentionally skipped a habit, with the reason and an optional note.',
      item: 'HabitSkip',
      shape: 'list',
      idOf: 'habit',
      notFound: 'Habit',
      query: [
        dateBound('from', 'Omit to include all history.'),
        dateBound('to', 'Omit for no upper bound.'),
        limit,
        after,
      ],
    },
    {
      path: '/tasks',
      operationId: 'listTasks',
      tag: 'Tasks',
      scope: 'read:tasks',
      summary: 'List your tasks (top-level only; subtasks nest on their parent)',
      description: 'Top-level tasks. By default, completed and cancelled tasks are excluded.',
      item: 'Task',
      shape: 'list',
      query: [
        // The docs accept completed, cancelled and all; active is what omitting it gives, and `status=active`
        // is a 422. The SDK's 'active' filter sends no status, so its constant keeps the value.
        status(
          sdk.TASK_STATUS_FILTERS.filter((value) => value !== 'active'),
          undefined,
          'Which tasks to return. Omit it for the active tasks (neither completed nor cancelled); `active` itself is not accepted (422).',
        ),
        dateBound('from', 'Filters by planned_day.'),
        dateBound('to', 'Filters by planned_day.'),
        limit,
        after,
      ],
    },
    {
      path: '/tasks/{id}',
      operationId: 'getTask',
      tag: 'Tasks',
      scope: 'read:tasks',
      summary: 'Fetch a single task with subtasks and tags',
      description: 'Includes nested subtasks, tags and the recurrence rule. 404 if missing or not yours.',
      item: 'Task',
      shape: 'item',
      idOf: 'task',
      notFound: 'Task',
      query: [],
    },
    {
      path: '/goals',
      operationId: 'listGoals',
      tag: 'Goals',
      scope: 'read:goals',
      summary: 'List your goals (with milestones and trend)',
      description: 'Goals with their milestones, trend and on-track status. Only active goals by default.',
      item: 'Goal',
      shape: 'list',
      query: [
        status(sdk.GOAL_STATUS_FILTERS, 'active', 'Which goals to return.'),
        {
          name: 'time_horizon',
          description: 'Only goals of this horizon.',
          schema: { type: 'string', enum: [...sdk.TIME_HORIZONS] },
        },
        limit,
        after,
      ],
    },
    {
      path: '/goals/{id}',
      operationId: 'getGoal',
      tag: 'Goals',
      scope: 'read:goals',
      summary: 'Fetch a single goal',
      description: 'A goal with its milestones inline; the metric history is at /goals/{id}/updates.',
      item: 'Goal',
      shape: 'item',
      idOf: 'goal',
      notFound: 'Goal',
      query: [],
    },
    {
      path: '/goals/{id}/updates',
      operationId: 'listGoalUpdates',
      tag: 'Goals',
      scope: 'read:goals',
      summary: 'List metric update history for a goal',
      description: 'Metric updates of a goal, newest first.',
      item: 'GoalUpdate',
      shape: 'list',
      idOf: 'goal',
      notFound: 'Goal',
      query: [limit, after],
    },
    {
      path: '/focus-sessions',
      operationId: 'listFocusSessions',
      tag: 'Focus sessions',
      scope: 'read:focus',
      summary: 'List your focus sessions',
      description: 'Focus sessions of the authenticated user. Only completed sessions by default.',
      item: 'FocusSession',
      shape: 'list',
      query: [status(sdk.FOCUS_STATUS_FILTERS, 'completed', 'Which sessions to return.'), limit, after],
    },
    {
      path: '/focus-sessions/{id}',
      operationId: 'getFocusSession',
      tag: 'Focus sessions',
      scope: 'read:focus',
      summary: 'Fetch a single focus session',
      description: 'Returns 404 if the session does not exist or is owned by another user.',
      item: 'FocusSession',
      shape: 'item',
      idOf: 'focus session',
      notFound: 'Focus session',
      query: [],
    },
    {
      path: '/profile',
      operationId: 'getProfile',
      tag: 'Profile',
      scope: 'read:profile',
      summary: 'Fetch profile info and gamification stats',
      description: '`subscription_expires_at` is null for lifetime accounts.',
      item: 'Profile',
      shape: 'item',
      query: [],
    },
  ];
}
