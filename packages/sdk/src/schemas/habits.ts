import * as z from 'zod';
import { HABIT_FREQUENCIES, HABIT_STATUSES, SKIP_REASONS } from '../constants.js';
import { DateOnly, DateTime, Id, normalised, openEnum } from './common.js';

/**
 * Fields in both documented habit examples (the docs' and the announcement's `GET /habits`) are required; a field
 * one example has and the other omits is optional: its absence is not drift.
 */
const HabitBase = z.looseObject({
  id: Id,
  name: z.string(),
  description: z.string().nullable().optional(),
  emoji: z.string().nullable().optional(),
  color: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  frequency: openEnum(HABIT_FREQUENCIES, 'How often the habit is due'),
  /** Weekday names ('monday'…) for custom-days habits, else null. */
  custom_days: z.array(z.string()).nullable().optional(),
  tracking_mode: z.string(),
  weekly_target: z.number().int().nullable().optional(),
  daily_time_goal: z.number().nullable().optional(),
  data_source: z.string().nullable().optional(),
  allow_multiple_checks: z.boolean().optional(),
  display_order: z.number().int().optional(),
  current_streak: z.number().int(),
  longest_streak: z.number().int(),
  /** The announcement's name for `current_streak`, kept when the API sends it (`current_streak` is filled from it). */
  streak_current: z.number().int().optional().meta({
    description: "The announcement's name for current_streak; the SDK fills current_streak from it.",
  }),
  /** The announcement's name for `longest_streak`, kept when the API sends it (`longest_streak` is filled from it). */
  streak_longest: z.number().int().optional().meta({
    description: "The announcement's name for longest_streak; the SDK fills longest_streak from it.",
  }),
  /** In the announcement's example only. */
  total_completions: z.number().int().optional(),
  status: z.enum(HABIT_STATUSES).optional(),
  start_date: DateOnly.nullable().optional(),
  checked_today: z.boolean().optional(),
  last_checked_at: DateTime.nullable().optional(),
  created_at: DateTime,
  updated_at: DateTime.optional(),
});

/** The announcement's names for fields the docs (which win) name otherwise: `[announcement, docs]`. */
export const HABIT_FIELD_ALIASES = [
  ['streak_current', 'current_streak'],
  ['streak_longest', 'longest_streak'],
] as const;

/**
 * Copies each announcement-named field onto its docs name when the docs name is absent, field by field and
 * whatever else the habit holds; the originals stay, so no field is renamed or dropped.
 */
export function alignHabit(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const h = input as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const [alias, name] of HABIT_FIELD_ALIASES) {
    if (h[name] === undefined && h[alias] !== undefined) {
      out ??= { ...h };
      out[name] = h[alias];
    }
  }
  return out ?? input;
}

export const HabitSchema = normalised(alignHabit, HabitBase);
export type Habit = z.infer<typeof HabitBase>;

/** The fields the docs' habit example has and the announcement's omits: optional in {@link Habit}. */
type DocsOnlyHabitField =
  | 'description'
  | 'emoji'
  | 'color'
  | 'url'
  | 'custom_days'
  | 'weekly_target'
  | 'daily_time_goal'
  | 'data_source'
  | 'allow_multiple_checks'
  | 'display_order'
  | 'status'
  | 'start_date'
  | 'checked_today'
  | 'last_checked_at'
  | 'updated_at';

/** A habit in the docs' full shape, every documented field present (what the mock serves). */
export type FullHabit = Habit & {
  [K in DocsOnlyHabitField]-?: Exclude<Habit[K], undefined>;
};

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
