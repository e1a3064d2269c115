import * as z from 'zod';
import { FOCUS_STATUSES } from '../constants.js';
import { DateTime, Id, TagSchema } from './common.js';

export const FocusSessionSchema = z.looseObject({
  id: Id,
  title: z.string().nullable(),
  status: z.enum(FOCUS_STATUSES),
  started_at: DateTime,
  ended_at: DateTime.nullable(),
  planned_duration_seconds: z.number().int().nullable(),
  actual_duration_seconds: z.number().int().nullable(),
  total_paused_seconds: z.number().int(),
  session_number: z.number().int().nullable(),
  points_earned: z.number().int(),
  task_id: Id.nullable(),
  habit_id: Id.nullable(),
  notes: z.string().nullable(),
  tags: z.array(TagSchema),
  created_at: DateTime,
  updated_at: DateTime,
});
export type FocusSession = z.infer<typeof FocusSessionSchema>;
