import { WEBHOOK_EVENT_NAMES, type WebhookEventName } from '../constants.js';
import { WEBHOOK_EVENT_DATA_SCHEMAS, type WebhookEventData } from './event-schemas.js';

/** One documented event: when it fires, the docs' example data, and the schema its data is checked against. */
export interface WebhookEventInfo<N extends WebhookEventName = WebhookEventName> {
  readonly name: N;
  /** The announcement's grouping: Habits, Tasks, Goals, Focus, Gamification, Check-ins. */
  readonly category: 'Habits' | 'Tasks' | 'Goals' | 'Focus' | 'Gamification' | 'Check-ins';
  /** One line: "Fired when …". */
  readonly description: string;
  /** The docs' extra remark, where they make one. */
  readonly note?: string;
  readonly example: Readonly<WebhookEventData<N>>;
  readonly schema: (typeof WEBHOOK_EVENT_DATA_SCHEMAS)[N];
}

type Entry<N extends WebhookEventName> = Omit<WebhookEventInfo<N>, 'name' | 'schema'>;

function entry<N extends WebhookEventName>(name: N, info: Entry<N>): WebhookEventInfo<N> {
  return Object.freeze({
    name,
    ...info,
    example: Object.freeze(info.example),
    schema: WEBHOOK_EVENT_DATA_SCHEMAS[name],
  });
}

/**
 * The 15 documented webhook events, in the docs' order, with their example data (what "Send test event"
 * delivers). The CLI's `loggd webhooks events` and the mock read this.
 */
export const WEBHOOK_EVENTS: { readonly [N in WebhookEventName]: WebhookEventInfo<N> } = Object.freeze({
  'habit.created': entry('habit.created', {
    category: 'Habits',
    description: 'Fired when a new habit is created.',
    example: {
      habit_id: 456,
      habit_name: 'Morning Exercise',
      frequency: 'daily',
      tracking_mode: 'check',
      created_at: '2026-01-01T08:00:00+00:00',
    },
  }),
  'habit.archived': entry('habit.archived', {
    category: 'Habits',
    description: 'Fired when a habit is archived.',
    example: { habit_id: 456, habit_name: 'Morning Exercise', longest_streak: 45 },
  }),
  'habit.completed': entry('habit.completed', {
    category: 'Habits',
    description: 'Fired when a habit check is recorded for the day.',
    example: { habit_id: 456, habit_name: 'Morning Exercise', check_date: '2026-04-08', streak: 7 },
  }),
  'task.created': entry('task.created', {
    category: 'Tasks',
    description: 'Fired when a new top-level task is created.',
    note: 'Subtasks do not fire this event — the parent carries the meaningful signal.',
    example: {
      task_id: 123,
      task_title: 'Review pull request',
      priority: 'high',
      planned_day: '2026-04-08',
      goal_id: null,
      is_recurring: false,
    },
  }),
  'task.completed': entry('task.completed', {
    category: 'Tasks',
    description: 'Fired when a task is marked as completed.',
    example: {
      task_id: 123,
      task_title: 'Review pull request',
      is_goal_task: false,
      goal_id: null,
      completed_at: '2026-04-08T14:30:00+00:00',
    },
  }),
  'task.cancelled': entry('task.cancelled', {
    category: 'Tasks',
    description: 'Fired when a top-level task is cancelled.',
    example: { task_id: 123, task_title: 'Review pull request', cancelled_at: '2026-04-08T14:30:00+00:00' },
  }),
  'goal.created': entry('goal.created', {
    category: 'Goals',
    description: 'Fired when a new goal is created.',
    example: {
      goal_id: 12,
      goal_title: 'Read 24 books',
      life_area: 'growth',
      time_horizon: 'yearly',
      tracking_type: 'metric',
      target_date: '2026-12-31',
    },
  }),
  'goal.progress_changed': entry('goal.progress_changed', {
    category: 'Goals',
    description: 'Fired when a goal crosses a progress milestone (25%, 50%, 75%, 90%).',
    note: 'Does NOT fire on every metric tick — only on threshold crossings.',
    example: {
      goal_id: 12,
      goal_title: 'Read 24 books',
      previous_progress: 45,
      new_progress: 52,
      milestone_crossed: 50,
    },
  }),
  'goal.completed': entry('goal.completed', {
    category: 'Goals',
    description: 'Fired when a goal is marked as completed.',
    example: {
      goal_id: 12,
      goal_title: 'Read 24 books',
      time_horizon: 'yearly',
      progress_percentage: 100,
      completed_at: '2026-04-08T14:30:00+00:00',
    },
  }),
  'goal.milestone_reached': entry('goal.milestone_reached', {
    category: 'Goals',
    description: 'Fired when a goal milestone is completed.',
    example: {
      goal_id: 12,
      goal_title: 'Read 24 books',
      milestone_id: 45,
      milestone_title: 'Finish first 6 books',
      progress_percentage: 50,
    },
  }),
  'focus_session.started': entry('focus_session.started', {
    category: 'Focus',
    description: 'Fired when a focus session begins.',
    note: 'Does NOT fire for manual retro entries (sessions created directly with status=completed).',
    example: {
      session_id: 321,
      title: 'Deep work on API docs',
      planned_duration: 1500,
      task_id: 123,
      habit_id: null,
      started_at: '2026-04-08T14:00:00+00:00',
    },
  }),
  'focus_session.completed': entry('focus_session.completed', {
    category: 'Focus',
    description: 'Fired when a focus session ends.',
    example: {
      session_id: 321,
      title: 'Deep work on API docs',
      duration_seconds: 1500,
      planned_duration: 1500,
    },
  }),
  'badge.unlocked': entry('badge.unlocked', {
    category: 'Gamification',
    description: 'Fired when a new badge is earned.',
    example: {
      badge_key: 'streak_warrior_30',
      badge_name: 'Streak Warrior',
      badge_rarity: 'rare',
      points_earned: 100,
    },
  }),
  'level.up': entry('level.up', {
    category: 'Gamification',
    description: 'Fired when the user reaches a new level.',
    example: { new_level: 5, previous_level: 4, tier_name: 'Adventurer', total_points: 2500 },
  }),
  'checkin.completed': entry('checkin.completed', {
    category: 'Check-ins',
    description: 'Fired when a daily check-in is submitted.',
    example: { checkin_id: 789, date: '2026-04-08' },
  }),
});

const NAMES: ReadonlySet<string> = new Set(WEBHOOK_EVENT_NAMES);

/** True when `name` is one of the 15 documented events. */
export function isWebhookEventName(name: unknown): name is WebhookEventName {
  return typeof name === 'string' && NAMES.has(name);
}
