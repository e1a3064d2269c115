import * as z from 'zod';

/** An ISO 8601 datetime with an offset, as the API sends it: `2026-04-08T14:30:00+00:00`. */
export const DateTime = z.iso.datetime({ offset: true });
/** A calendar date with no time: `YYYY-MM-DD`. */
export const DateOnly = z.iso.date();
/** API ids are positive integers on the wire. */
export const Id = z.number().int().positive();

/**
 * Normalisers of `z.preprocess` schemas made by {@link normalised}: the response validator applies them itself, so
 * a response that fails validation in `warn` mode still gets its alternative field names filled in.
 */
export const NORMALISERS = new WeakMap<object, (input: unknown) => unknown>();

/** `z.preprocess(normalise, schema)`, with `normalise` recorded for the response validator. */
export function normalised<T extends z.ZodType>(normalise: (input: unknown) => unknown, schema: T) {
  const piped = z.preprocess(normalise, schema);
  NORMALISERS.set(piped, normalise);
  return piped;
}

/** The known values of every {@link openEnum} schema, for the validator's unknown-value warning. */
export const OPEN_ENUMS = new WeakMap<object, readonly string[]>();

/**
 * A string field whose docs list no values: the known ones document it (type and OpenAPI `examples`), and a new
 * value from the real API passes in every validation mode with a warning instead of breaking the call.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  const schema = z.string().meta({
    description: `${what}. Known values: ${values.join(', ')}; the docs list no closed set, so others may appear.`,
    examples: [...values],
  });
  OPEN_ENUMS.set(schema, values);
  // `string & {}` keeps the known values in editor completion without rejecting others.
  return schema as unknown as z.ZodType<T[number] | (string & {})>;
}

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
