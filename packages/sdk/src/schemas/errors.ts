import * as z from 'zod';

/** Every documented error body: a `message`, plus a flag where one applies. */
export const ErrorBodySchema = z.looseObject({
  message: z.string(),
  requires_pro: z.boolean().optional(),
  missing_abilities: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
