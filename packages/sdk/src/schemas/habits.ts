import * as z from 'zod';
import { DateOnly, DateTime, Id } from './common.js';

export const HABIT_STATUSES = ['active', 'archived'] as const;
/** Values accepted by the `status` query parameter of GET /habits ('active' is the default). */
export const HABIT_STATUS_FILTERS = [...HABIT_STATUSES, 'all'] as const;
export const HABIT_FREQUENCIES = ['daily', 'weekly', 'custom'] as const;
export const SKIP_REASONS = ['vacation', 'sick', 'rest', 'other'] as const;

const HabitBase = z.looseObject({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  emoji: z.string().nullable(),
  color: z.string().nullable(),
  url: z.string().nullable(),
  /** 'daily' | 'weekly' | 'custom' in the demo data; other values pass with a warning. */
  frequency: z.enum(HABIT_FREQUENCIES),
  /** Weekday names ('monday'…) for custom-days habits, else null. */
  custom_days: z.array(z.string()).nullable(),
  tracking_mode: z.string(),
  weekly_target: z.number().int().nullable(),
  daily_time_goal: z.number().nullable(),
  data_source: z.string().nullable(),
  allow_multiple_checks: z.boolean(),
  display_order: z.number().int(),
  current_streak: z.number().int(),
  longest_streak: z.number().int(),
  status: z.enum(HABIT_STATUSES),
  start_date: DateOnly.nullable(),
  checked_today: z.boolean(),
  last_checked_at: DateTime.nullable(),
  created_at: DateTime,
  updated_at: DateTime,
});

/**
 * The announcement's examples name the streaks `streak_current`/`streak_longest`; the docs (which win) say
 * `current_streak`/`longest_streak`. Copy the announcement's names onto the docs' ones when only they are
 * present, keeping the originals: no field is renamed or dropped.
 */
function alignHabit(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const h = input as Record<string, unknown>;
  if (!('current_streak' in h) && 'streak_current' in h) {
    return { ...h, current_streak: h.streak_current, longest_streak: h.longest_streak ?? h.streak_longest };
  }
  return input;
}

export const HabitSchema = z.preprocess(alignHabit, HabitBase);
export type Habit = z.infer<typeof HabitBase>;

export const HabitCheckSchema = z.looseObject({
  id: Id,
  date: DateOnly,
  source: z.string().nullable(),
  note: z.string().nullable(),
  contribution_count: z.number().int(),
  checked_at: DateTime,
});
export type HabitCheck = z.infer<typeof HabitCheckSchema>;

export const HabitSkipSchema = z.looseObject({
  id: Id,
  date: DateOnly,
  reason: z.enum(SKIP_REASONS),
  note: z.string().nullable(),
});
export type HabitSkip = z.infer<typeof HabitSkipSchema>;
