import type { FocusSession } from '@loggd/sdk';
import { toWireDateTime } from '../clock.js';
import type { Account } from '../data/types.js';
import { MockHttpError } from '../reply.js';
import { type Body, num, str } from './body.js';
import type { ActionContext } from './context.js';

function findSession(ctx: ActionContext, id: number): { account: Account; session: FocusSession } {
  const account = ctx.owner('focusSessions', id);
  const session = account.focusSessions.find((s) => s.id === id);
  if (!session) throw new MockHttpError(404, `Focus session ${id} not found.`);
  return { account, session };
}

/** Start a focus session (`focus_session.started`). */
export function startFocusSession(ctx: ActionContext, body: Body = {}): FocusSession {
  const account = ctx.account(body.user_id);
  const now = toWireDateTime(ctx.now());
  const planned = num(body, 'planned_duration_seconds', { int: true, min: 1 }) ?? 1500;
  const session: FocusSession = {
    id: ctx.nextId('focusSession'),
    title: str(body, 'title') ?? null,
    status: 'active',
    started_at: now,
    ended_at: null,
    planned_duration_seconds: planned,
    actual_duration_seconds: null,
    total_paused_seconds: 0,
    session_number: account.focusSessions.length + 1,
    points_earned: 0,
    task_id: num(body, 'task_id', { int: true }) ?? null,
    habit_id: num(body, 'habit_id', { int: true }) ?? null,
    notes: null,
    tags: [],
    created_at: now,
    updated_at: now,
  };
  account.focusSessions.push(session);
  ctx.engine.dataset.owners.focusSessions.set(session.id, account.userId);
  ctx.emit(account, 'focus_session.started', {
    session_id: session.id,
    title: session.title,
    planned_duration: planned,
    task_id: session.task_id,
    habit_id: session.habit_id,
    started_at: now,
  });
  return session;
}

/** End an active focus session (`focus_session.completed`); duration is mock time since start. */
export function completeFocusSession(ctx: ActionContext, sessionId: number): FocusSession {
  const { account, session } = findSession(ctx, sessionId);
  if (session.status !== 'active' && session.status !== 'paused') {
    throw new MockHttpError(409, `Focus session ${sessionId} is ${session.status}, not active.`);
  }
  const nowMs = ctx.now();
  const duration = Math.max(0, Math.round((nowMs - Date.parse(session.started_at)) / 1000));
  const now = toWireDateTime(nowMs);
  Object.assign(session, {
    status: 'completed',
    ended_at: now,
    actual_duration_seconds: duration,
    updated_at: now,
  });
  ctx.emit(account, 'focus_session.completed', {
    session_id: session.id,
    title: session.title,
    duration_seconds: duration,
    planned_duration: session.planned_duration_seconds,
  });
  return session;
}
