import * as z from 'zod';
import { DateTime, Id } from './common.js';

export const WEEK_DAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

export const ProfileSchema = z.looseObject({
  id: Id,
  username: z.string(),
  email: z.string(),
  bio: z.string().nullable(),
  avatar_id: z.string().nullable(),
  avatar_animated: z.boolean(),
  /** IANA zone name: day boundaries, streaks and `checked_today` follow it. */
  timezone: z.string(),
  week_start_day: z.enum(WEEK_DAYS),
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
