import { dateInZone } from '../clock.js';
import { MockHttpError } from '../reply.js';
import { type Body, str } from './body.js';
import type { ActionContext } from './context.js';

/** Submit a daily check-in (`checkin.completed`); `nextId` numbers it (check-ins are not in the dataset). */
export function submitCheckin(ctx: ActionContext, nextId: () => number, body: Body = {}): Body {
  const account = ctx.account(body.user_id);
  const date = str(body, 'date') ?? dateInZone(ctx.now(), account.profile.timezone);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new MockHttpError(422, '"date" must be a date YYYY-MM-DD.');
  const data = { checkin_id: nextId(), date };
  ctx.emit(account, 'checkin.completed', data);
  return data;
}
