import * as z from 'zod';

// Output schemas, loose objects on purpose (a strict object's JSON Schema would forbid the extra fields): records pass through with every field the API sends (unknown ones too).

/** An API record: an object with a numeric id and whatever else the API sent. */
export const record = z.looseObject({ id: z.number() });

/** What every list tool returns. */
export const listOutput = z.looseObject({
  items: z.array(record).describe('the API records, as the API sends them'),
  count: z.number().int().describe('how many items are in this answer'),
  truncated: z.boolean().describe('true when more items exist past limit'),
  limit: z.number().int().describe('the limit applied'),
});

/** A report's JSON, as `loggd report <kind> --format json` prints it. */
export const reportOutput = z.looseObject({
  report: z.string(),
  range: z.looseObject({ from: z.string(), to: z.string() }),
  timezone: z.string(),
  week_start: z.string(),
  as_of: z.string(),
});
