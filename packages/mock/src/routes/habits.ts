import { HABIT_STATUSES, type FullHabit as Habit } from '@loggd/sdk';
import { RESOURCE_NAMES } from '../errors.js';
import { pageParams, paginate } from '../pagination.js';
import { dateRange, enumParam } from '../validation.js';
import { assertValid, owned, type RouteContext, type RouteResult } from './context.js';
import { habitView } from './habit-view.js';

/** GET /habits: status 'active' (default) | 'archived' | 'all', ascending id, paginated. */
export function listHabits(ctx: RouteContext): RouteResult {
  const status = enumParam(ctx.query, 'status', [...HABIT_STATUSES, 'all'] as const, 'active', ctx.errors);
  const page = pageParams(ctx.query, ctx.errors);
  assertValid(ctx.errors);
  const habits =
    status === 'all' ? ctx.account.habits : ctx.account.habits.filter((h) => h.status === status);
  const { data, has_more } = paginate(habits, page, 'asc');
  return {
    kind: 'habitList',
    payload: { data: data.map((h) => habitView(h, ctx.account, ctx.nowMs)), has_more },
  };
}

function ownHabit(ctx: RouteContext): Habit {
  return owned(
    ctx.account.habits,
    ctx.ids[0]!,
    ctx.dataset.owners.habits,
    ctx.account,
    RESOURCE_NAMES.habits,
  );
}

/** GET /habits/{id} */
export function showHabit(ctx: RouteContext): RouteResult {
  return { kind: 'habit', payload: { data: habitView(ownHabit(ctx), ctx.account, ctx.nowMs) } };
}

function inRange(date: string, range: { from?: string; to?: string }): boolean {
  return (!range.from || date >= range.from) && (!range.to || date <= range.to);
}

/** GET /habits/{id}/checks: newest first, optional from/to on the check date. */
export function listChecks(ctx: RouteContext): RouteResult {
  const range = dateRange(ctx.query, ctx.errors);
  const page = pageParams(ctx.query, ctx.errors);
  const habit = ownHabit(ctx);
  assertValid(ctx.errors);
  const all = ctx.account.checks.get(habit.id) ?? [];
  const checks = range.from || range.to ? all.filter((c) => inRange(c.date, range)) : all;
  return { kind: 'checkList', payload: paginate(checks, page, 'desc') };
}

/** GET /habits/{id}/skips: newest first, optional from/to. */
export function listSkips(ctx: RouteContext): RouteResult {
  const range = dateRange(ctx.query, ctx.errors);
  const page = pageParams(ctx.query, ctx.errors);
  const habit = ownHabit(ctx);
  assertValid(ctx.errors);
  const all = ctx.account.skips.get(habit.id) ?? [];
  const skips = range.from || range.to ? all.filter((s) => inRange(s.date, range)) : all;
  return { kind: 'skipList', payload: paginate(skips, page, 'desc') };
}
