import { type Body, num, str } from './body.js';
import type { ActionContext } from './context.js';

// Gamification: points, levels and badges live on the profile.

/** Award points; `level.up` when the level changes. */
export function awardPoints(ctx: ActionContext, body: Body): { total_points: number; level: number } {
  const account = ctx.account(body.user_id);
  const amount = num(body, 'amount', { required: true, int: true, min: 1 })!;
  const profile = account.profile;
  const previous = profile.level;
  profile.total_points += amount;
  profile.monthly_points += amount;
  const { level, tier } = ctx.helpers.levelForPoints(profile.total_points);
  profile.level = level;
  if (level !== previous) {
    ctx.emit(account, 'level.up', {
      new_level: level,
      previous_level: previous,
      tier_name: tier,
      total_points: profile.total_points,
    });
  }
  return { total_points: profile.total_points, level };
}

/** Unlock a badge (`badge.unlocked`); its points are awarded too. */
export function unlockBadge(ctx: ActionContext, body: Body): Body {
  const account = ctx.account(body.user_id);
  const data = {
    badge_key: str(body, 'badge_key', true),
    badge_name: str(body, 'badge_name', true),
    badge_rarity: str(body, 'badge_rarity') ?? 'common',
    points_earned: num(body, 'points_earned', { int: true, min: 0 }) ?? 0,
  };
  ctx.emit(account, 'badge.unlocked', data);
  if (data.points_earned > 0) awardPoints(ctx, { user_id: account.userId, amount: data.points_earned });
  return data;
}
