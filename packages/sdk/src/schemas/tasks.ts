import * as z from 'zod';
import { DateOnly, DateTime, Id, TagSchema } from './common.js';

export const SubtaskSchema = z.looseObject({
  id: Id,
  title: z.string(),
  status: z.string(),
  completed_at: DateTime.nullable(),
});
export type Subtask = z.infer<typeof SubtaskSchema>;

export const RecurrenceSchema = z.looseObject({
  is_template: z.boolean(),
  parent_id: Id.nullable(),
  type: z.string(),
  interval: z.number().int(),
  days: z.array(z.string()).nullable(),
  based_on: z.string(),
  ends_at: z.string().nullable(),
  end_count: z.number().int().nullable(),
  completed_count: z.number().int(),
  next_occurrence_date: DateOnly.nullable(),
});
export type Recurrence = z.infer<typeof RecurrenceSchema>;

export const TaskSchema = z.looseObject({
  id: Id,
  title: z.string(),
  description: z.string().nullable(),
  /** 'scheduled', 'completed', 'cancelled' … (the docs do not list every value). */
  status: z.string(),
  priority: z.string().nullable(),
  category: z.string().nullable(),
  source: z.string().nullable(),
  planned_day: DateOnly.nullable(),
  planned_week_start: DateOnly.nullable(),
  due_time: z.string().nullable(),
  goal_id: Id.nullable(),
  goal_milestone_id: Id.nullable(),
  parent_task_id: Id.nullable(),
  completion_note: z.string().nullable(),
  recurrence: RecurrenceSchema.nullable(),
  /** Present on GET /tasks/{id}; the list may send it empty or omit it. */
  subtasks: z.array(SubtaskSchema).optional(),
  tags: z.array(TagSchema).optional(),
  completed_at: DateTime.nullable(),
  cancelled_at: DateTime.nullable(),
  created_at: DateTime,
  updated_at: DateTime,
});
export type Task = z.infer<typeof TaskSchema>;
