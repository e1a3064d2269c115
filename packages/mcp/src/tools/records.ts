// The SDK's zod-free entry: `tools/list` needs these lists before the SDK itself loads (on the first tool call).
import {
  FOCUS_STATUS_FILTERS,
  GOAL_STATUS_FILTERS,
  HABIT_STATUS_FILTERS,
  TASK_STATUS_FILTERS,
  TIME_HORIZONS,
} from '@loggd/sdk/constants';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { collectUpTo, pageSize } from '../collect.js';
import type { ToolContext } from '../context.js';
import { checkRange, choice, date, id, limit } from '../inputs.js';
import { listOutput, record } from '../shapes.js';
import { LINE_FIELDS, line, listText } from '../text.js';
import { addTool, type ToolOutput } from '../tool.js';

/** Caps of the list tools: most items one call returns (pages of 100 are followed up to it). */
export const LIST_CAPS = { default: 50, max: 200, checksDefault: 100, checksMax: 366 } as const;

type Row = Record<string, unknown>;
type Kind = keyof typeof LINE_FIELDS;

const describe = (kind: Kind) => (row: Row) => line(row, LINE_FIELDS[kind].title, LINE_FIELDS[kind].fields);

function listResult(
  noun: string,
  found: { items: unknown[]; truncated: boolean },
  max: number,
  each: (row: Row) => string,
): ToolOutput {
  const items = found.items as Row[];
  return {
    text: listText(noun, items, found.truncated, max, each),
    data: { items, count: items.length, truncated: found.truncated, limit: max },
  };
}

function itemResult(key: string, row: unknown, each: (row: Row) => string): ToolOutput {
  return { text: `${each(row as Row)}\n${JSON.stringify(row)}`, data: { [key]: row } };
}

/** list_*, get_* and the histories: one API resource each, read-only. */
export function registerRecordTools(server: McpServer, ctx: ToolContext): void {
  const max = limit(LIST_CAPS.default, LIST_CAPS.max);

  addTool(
    server,
    ctx,
    'list_habits',
    {
      title: 'List habits',
      description: `The user's habits with streaks and whether each is checked today. Up to ${LIST_CAPS.max} per call.`,
      inputSchema: {
        status: choice('status', HABIT_STATUS_FILTERS, 'which habits').default('active'),
        limit: max,
      },
      outputSchema: listOutput,
    },
    async ({ status, limit: n }, loggd) =>
      listResult(
        'habits',
        await collectUpTo(loggd.habits.list({ status, limit: pageSize(n) }), n),
        n,
        describe('habit'),
      ),
  );

  addTool(
    server,
    ctx,
    'get_habit',
    {
      title: 'Get a habit',
      description: 'One habit by id: frequency, target, streaks, start date, checked today.',
      inputSchema: { id: id('habit') },
      outputSchema: z.looseObject({ habit: record }),
    },
    async ({ id: habitId }, loggd) => itemResult('habit', await loggd.habits.get(habitId), describe('habit')),
  );

  addTool(
    server,
    ctx,
    'habit_checks',
    {
      title: 'Habit check-ins',
      description: `A habit's check-ins (completions), newest first, optionally within a date range. Up to ${LIST_CAPS.checksMax} per call.`,
      inputSchema: {
        habit_id: id('habit'),
        from: date('from', 'first day, inclusive').optional(),
        to: date('to', 'last day, inclusive').optional(),
        limit: limit(LIST_CAPS.checksDefault, LIST_CAPS.checksMax),
      },
      outputSchema: listOutput,
    },
    async ({ habit_id, from, to, limit: n }, loggd) => {
      checkRange(from, to);
      const found = await collectUpTo(
        loggd.habits.checks(habit_id, {
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          limit: pageSize(n),
        }),
        n,
      );
      return listResult('check-ins', found, n, (c) =>
        [c.date, c.note ? `note=${String(c.note)}` : ''].filter(Boolean).join(' · '),
      );
    },
  );

  addTool(
    server,
    ctx,
    'list_tasks',
    {
      title: 'List tasks',
      description: `Top-level tasks with subtasks and tags; from/to filter by planned day. Up to ${LIST_CAPS.max} per call.`,
      inputSchema: {
        status: choice('status', TASK_STATUS_FILTERS, 'which tasks').default('active'),
        from: date('from', 'planned on or after').optional(),
        to: date('to', 'planned on or before').optional(),
        limit: max,
      },
      outputSchema: listOutput,
    },
    async ({ status, from, to, limit: n }, loggd) => {
      checkRange(from, to);
      const query = { status, ...(from ? { from } : {}), ...(to ? { to } : {}), limit: pageSize(n) };
      return listResult('tasks', await collectUpTo(loggd.tasks.list(query), n), n, describe('task'));
    },
  );

  addTool(
    server,
    ctx,
    'get_task',
    {
      title: 'Get a task',
      description: 'One task by id, with its subtasks, tags and recurrence.',
      inputSchema: { id: id('task') },
      outputSchema: z.looseObject({ task: record }),
    },
    async ({ id: taskId }, loggd) => itemResult('task', await loggd.tasks.get(taskId), describe('task')),
  );

  addTool(
    server,
    ctx,
    'list_goals',
    {
      title: 'List goals',
      description: `Goals with progress, pace and milestones. Up to ${LIST_CAPS.max} per call.`,
      inputSchema: {
        status: choice('status', GOAL_STATUS_FILTERS, 'which goals').default('active'),
        time_horizon: choice('time_horizon', TIME_HORIZONS, 'only goals of this horizon').optional(),
        limit: max,
      },
      outputSchema: listOutput,
    },
    async ({ status, time_horizon, limit: n }, loggd) => {
      const query = { status, ...(time_horizon ? { time_horizon } : {}), limit: pageSize(n) };
      return listResult('goals', await collectUpTo(loggd.goals.list(query), n), n, describe('goal'));
    },
  );

  addTool(
    server,
    ctx,
    'get_goal_updates',
    {
      title: 'Goal metric updates',
      description: `A metric goal's value updates, newest first (milestone goals have none). Up to ${LIST_CAPS.max} per call.`,
      inputSchema: { goal_id: id('goal'), limit: max },
      outputSchema: listOutput,
    },
    async ({ goal_id, limit: n }, loggd) =>
      listResult(
        'updates',
        await collectUpTo(loggd.goals.updates(goal_id, { limit: pageSize(n) }), n),
        n,
        (u) =>
          [u.update_date, `value=${String(u.metric_value)}`, u.note ? `note=${String(u.note)}` : '']
            .filter(Boolean)
            .join(' · '),
      ),
  );

  addTool(
    server,
    ctx,
    'list_focus_sessions',
    {
      title: 'List focus sessions',
      description: `Focus (pomodoro) sessions, newest first, with durations, pauses and points. Up to ${LIST_CAPS.max} per call.`,
      inputSchema: {
        status: choice('status', FOCUS_STATUS_FILTERS, 'which sessions').default('completed'),
        limit: max,
      },
      outputSchema: listOutput,
    },
    async ({ status, limit: n }, loggd) =>
      listResult(
        'focus sessions',
        await collectUpTo(loggd.focusSessions.list({ status, limit: pageSize(n) }), n),
        n,
        describe('focus'),
      ),
  );

  addTool(
    server,
    ctx,
    'get_profile',
    {
      title: 'Get the profile',
      description: 'The user: username, time zone, week start, level, points, streaks, subscription.',
      inputSchema: {},
      outputSchema: z.looseObject({ profile: record }),
    },
    async (_args, loggd) => {
      const p = (await loggd.profile.get()) as unknown as Row;
      const text = `${String(p.username)} · timezone=${String(p.timezone)} · week_start_day=${String(p.week_start_day)} · level=${String(p.level)} · total_points=${String(p.total_points)} · current_streak=${String(p.current_streak)} · subscription_tier=${String(p.subscription_tier)}`;
      return { text, data: { profile: p } };
    },
  );
}
