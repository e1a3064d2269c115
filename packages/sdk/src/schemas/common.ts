import * as z from 'zod';

/** An ISO 8601 datetime with an offset, as the API sends it: `2026-04-08T14:30:00+00:00`. */
export const DateTime = z.iso.datetime({ offset: true });
/** A calendar date with no time: `YYYY-MM-DD`. */
export const DateOnly = z.iso.date();
/** API ids are positive integers on the wire. */
export const Id = z.number().int().positive();

/** A tag as embedded on tasks and focus sessions. */
export const TagSchema = z.looseObject({
  id: Id,
  name: z.string(),
  color: z.string().nullable(),
});
export type Tag = z.infer<typeof TagSchema>;

/** `{ data: [...], has_more }`: `has_more` may be absent (the announcement's examples omit it): absent means false. */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: z.array(item), has_more: z.boolean().optional() });
}

/** `{ data: {...} }` for single-resource endpoints. */
export function itemEnvelope<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: item });
}
