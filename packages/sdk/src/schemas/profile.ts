import * as z from 'zod';
import { WEEK_START_DAYS } from '../constants.js';
import { DateTime, Id } from './common.js';

export const ProfileSchema = z.looseObject({
  id: Id,
  username: z.string(),
  email: z.string(),
  bio: z.string().nullable(),
  avatar_id: z.string().nullable(),
  avatar_animated: z.boolean(),
  /** IANA zone name: day boundaries, streaks and `checked_today` follow it. */
  timezone: z.string(),
  week_start_day: z.enum(WEEK_START_DAYS),
  level: z.number().int(),
  total_points: z.number().int(),
  monthly_points: z.number().int(),
  current_streak: z.number().int(),
  longest_streak: z.number().int(),
  subscription_tier: z.string(),
  /** null for lifetime accounts. */
  subscription_expires_at: DateTime.nullable(),
  created_at: DateTime,
});
export type Profile = z.infer<typeof ProfileSchema>;
