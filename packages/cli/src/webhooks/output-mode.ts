import type { FormatRule } from '../output/format.js';
import type { CommandContext } from '../types.js';

/**
 * The formats of a stream of deliveries (`listen`, `trigger`): table is one human line per delivery, json and
 * ndjson one JSON object per line; human lines on a terminal and ndjson when piped, like every other command's
 * table-or-machine default.
 */
export const STREAM_FORMATS: FormatRule = {
  accepts: ['table', 'ndjson', 'json'],
  tty: 'table',
  pipe: 'ndjson',
  hint: 'use --format ndjson and jq for other shapes',
};

/** How `listen` and `trigger` print: one human line per delivery, or one JSON object per line. */
export type StreamMode = 'pretty' | 'ndjson';

/** The stream mode of the context's format (resolved by STREAM_FORMATS). */
export function streamMode(ctx: CommandContext): StreamMode {
  return ctx.format === 'table' ? 'pretty' : 'ndjson';
}
