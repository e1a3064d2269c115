import * as z from 'zod';
import { GOAL_STATUSES, GOAL_TRACKING_TYPES, GOAL_TRENDS, TIME_HORIZONS } from '../constants.js';
import { DateOnly, DateTime, Id, openEnum } from './common.js';

export const MilestoneSchema = z.looseObject({
  id: Id,
  title: z.string(),
  completed: z.boolean(),
  order: z.number().int(),
  target_date: DateOnly.nullable(),
  completed_at: DateTime.nullable(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const GoalSchema = z.looseObject({
  id: Id,
  title: z.string(),
  description: z.string().nullable(),
  notes: z.string().nullable(),
  life_area: z.string().nullable(),
  time_horizon: z.enum(TIME_HORIZONS),
  tracking_type: openEnum(GOAL_TRACKING_TYPES, 'How progress is tracked'),
  status: z.enum(GOAL_STATUSES),
  progress_percentage: z.number(),
  is_on_track: z.boolean(),
  trend: z.enum(GOAL_TRENDS),
  metric_unit: z.string().nullable(),
  metric_start_value: z.number().nullable(),
  metric_target_value: z.number().nullable(),
  metric_current_value: z.number().nullable(),
  metric_decrease: z.boolean(),
  metric_value_type: z.string().nullable(),
  last_update_note: z.string().nullable(),
  started_at: DateOnly.nullable(),
  target_date: DateOnly.nullable(),
  completed_at: DateTime.nullable(),
  last_reviewed_at: DateTime.nullable(),
  updates_count: z.number().int(),
  milestones: z.array(MilestoneSchema),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Goal = z.infer<typeof GoalSchema>;

export const GoalUpdateSchema = z.looseObject({
  id: Id,
  metric_value: z.number(),
  note: z.string().nullable(),
  update_date: DateTime,
  created_at: DateTime,
});
export type GoalUpdate = z.infer<typeof GoalUpdateSchema>;
