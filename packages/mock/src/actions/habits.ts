import type { FullHabit as Habit, HabitCheck } from '@loggd/sdk';
import { HABIT_FREQUENCIES } from '@loggd/sdk/constants';
import { dateInZone, toWireDateTime } from '../clock.js';
import type { Account } from '../data/types.js';
import { MockHttpError } from '../reply.js';
import { type Body, str } from './body.js';
import type { ActionContext } from './context.js';

function findHabit(ctx: ActionContext, id: number): { account: Account; habit: Habit } {
  const account = ctx.owner('habits', id);
  const habit = account.habits.find((h) => h.id === id);
  if (!habit) throw new MockHttpError(404, `Habit ${id} not found.`);
  return { account, habit };
}

/** Check a habit today (mock clock, user's zone): new check, streak recomputed, `habit.completed`. */
export function completeHabit(
  ctx: ActionContext,
  habitId: number,
  body: Body = {},
): { check: HabitCheck; habit: Habit } {
  const { account, habit } = findHabit(ctx, habitId);
  if (habit.status === 'archived') throw new MockHttpError(409, `Habit ${habitId} is archived.`);
  const now = ctx.now();
  const today = dateInZone(now, account.profile.timezone);
  const checks = account.checks.get(habitId) ?? [];
  if (!habit.allow_multiple_checks && checks[0]?.date === today) {
    throw new MockHttpError(409, `Habit ${habitId} is already checked today (${today}).`);
  }
  const check: HabitCheck = {
    id: ctx.nextId('check'),
    date: today,
    source: 'manual',
    note: str(body, 'note') ?? null,
    contribution_count: 1,
    checked_at: toWireDateTime(now),
  };
  account.checks.set(habitId, [check, ...checks]);
  ctx.helpers.recomputeHabitStats(account, habit, now);
  Object.assign(habit, {
    checked_today: true,
    last_checked_at: check.checked_at,
    updated_at: check.checked_at,
  });
  ctx.emit(account, 'habit.completed', {
    habit_id: habit.id,
    habit_name: habit.name,
    check_date: today,
    streak: habit.current_streak,
  });
  return { check, habit };
}

/** Create a habit (`habit.created`). */
export function createHabit(ctx: ActionContext, body: Body): Habit {
  const account = ctx.account(body.user_id);
  const now = toWireDateTime(ctx.now());
  const frequency = str(body, 'frequency') ?? 'daily';
  if (!(HABIT_FREQUENCIES as readonly string[]).includes(frequency)) {
    throw new MockHttpError(422, `"frequency" must be one of ${HABIT_FREQUENCIES.join(', ')}.`);
  }
  const habit: Habit = {
    id: ctx.nextId('habit'),
    name: str(body, 'name', true),
    description: str(body, 'description') ?? null,
    emoji: str(body, 'emoji') ?? null,
    color: str(body, 'color') ?? '#10B981',
    url: null,
    frequency: frequency as Habit['frequency'],
    custom_days: null,
    tracking_mode: 'check',
    weekly_target: null,
    daily_time_goal: null,
    data_source: null,
    allow_multiple_checks: body.allow_multiple_checks === true,
    display_order: account.habits.length + 1,
    current_streak: 0,
    longest_streak: 0,
    status: 'active',
    start_date: dateInZone(ctx.now(), account.profile.timezone),
    checked_today: false,
    last_checked_at: null,
    created_at: now,
    updated_at: now,
  };
  account.habits.push(habit);
  account.checks.set(habit.id, []);
  account.skips.set(habit.id, []);
  ctx.engine.dataset.owners.habits.set(habit.id, account.userId);
  ctx.emit(account, 'habit.created', {
    habit_id: habit.id,
    habit_name: habit.name,
    frequency: habit.frequency,
    tracking_mode: habit.tracking_mode,
    created_at: habit.created_at,
  });
  return habit;
}

/** Archive a habit (`habit.archived`). */
export function archiveHabit(ctx: ActionContext, habitId: number): Habit {
  const { account, habit } = findHabit(ctx, habitId);
  if (habit.status === 'archived') throw new MockHttpError(409, `Habit ${habitId} is already archived.`);
  Object.assign(habit, { status: 'archived', updated_at: toWireDateTime(ctx.now()) });
  ctx.emit(account, 'habit.archived', {
    habit_id: habit.id,
    habit_name: habit.name,
    longest_streak: habit.longest_streak,
  });
  return habit;
}
