import type { Profile } from '@loggd/sdk';
import { dateOf, dayOf, wireInstant } from './calendar.js';
import type { UserContext } from './context.js';
import { CHECK_POINTS, levelForPoints, MILESTONE_POINTS, TASK_POINTS } from './points.js';
import type { Account } from './types.js';

/** The fixed part of a profile; points, level and streaks are derived from the account's history. */
export type ProfileSeed = Pick<
  Profile,
  | 'id'
  | 'username'
  | 'email'
  | 'bio'
  | 'avatar_id'
  | 'avatar_animated'
  | 'timezone'
  | 'week_start_day'
  | 'subscription_tier'
  | 'subscription_expires_at'
>;

/**
 * Gamification stats of an account: total_points is exactly the sum of CHECK_POINTS per check, TASK_POINTS per
 * completed top-level task, MILESTONE_POINTS per completed milestone and each focus session's points_earned;
 * monthly_points the same over the current local month; the level follows `levelForPoints`. The profile streak
 * counts consecutive local days with at least one check, ending today or yesterday (today not yet done does not
 * break it).
 */
export function profileStats(
  account: Pick<Account, 'checks' | 'tasks' | 'goals' | 'focusSessions'>,
  ctx: Pick<UserContext, 'today' | 'zone'>,
): Pick<Profile, 'level' | 'total_points' | 'monthly_points' | 'current_streak' | 'longest_streak'> {
  const today = ctx.today;
  const todayDate = dateOf(today);
  const monthStartDate = `${todayDate.slice(0, 8)}01`;
  const monthStart = wireInstant(ctx.zone.toUtc(dayOf(monthStartDate), 0));
  let total = 0;
  let monthly = 0;
  const add = (points: number, inMonth: boolean) => {
    total += points;
    if (inMonth) monthly += points;
  };
  // Days with a check, as offsets back from today (checks after today are ignored).
  let span = 0;
  for (const list of account.checks.values()) {
    for (const c of list) add(CHECK_POINTS, c.date >= monthStartDate && c.date <= todayDate);
    for (const c of list) span = Math.max(span, today - dayOf(c.date) + 1);
  }
  const checked = new Uint8Array(span);
  for (const list of account.checks.values()) {
    for (const c of list) {
      const back = today - dayOf(c.date);
      if (back >= 0) checked[back] = 1;
    }
  }
  for (const t of account.tasks) if (t.completed_at) add(TASK_POINTS, t.completed_at >= monthStart);
  for (const g of account.goals) {
    for (const m of g.milestones) if (m.completed_at) add(MILESTONE_POINTS, m.completed_at >= monthStart);
  }
  for (const s of account.focusSessions) add(s.points_earned, (s.ended_at ?? s.started_at) >= monthStart);

  let run = 0;
  let longest = 0;
  for (let back = span - 1; back >= 0; back--) {
    if (checked[back]) {
      run++;
      if (run > longest) longest = run;
    } else if (back !== 0) {
      run = 0;
    }
  }
  return {
    level: levelForPoints(total),
    total_points: total,
    monthly_points: monthly,
    current_streak: run,
    longest_streak: longest,
  };
}
