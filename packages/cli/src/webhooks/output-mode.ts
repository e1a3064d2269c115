import { usageError } from '../errors.js';
import { resolveFormat } from '../output/format.js';
import type { CommandContext } from '../types.js';

/** How `listen` and `trigger` print: one human line per delivery, or one JSON object per line. */
export type StreamMode = 'pretty' | 'ndjson';

/**
 * --format json|ndjson (or --json, or LOGGD_FORMAT) → ndjson; --format table → pretty; otherwise pretty on a
 * terminal and ndjson when piped, like every other command's table-or-machine default.
 */
export function streamMode(ctx: CommandContext): StreamMode {
  const { opts, io } = ctx;
  const explicit = Boolean(opts.format || opts.json || io.env.LOGGD_FORMAT);
  if (!explicit) return io.stdout.isTTY ? 'pretty' : 'ndjson';
  const format = resolveFormat(opts, io);
  if (format === 'json' || format === 'ndjson') return 'ndjson';
  if (format === 'table') return 'pretty';
  throw usageError(
    `invalid --format '${format}' for a stream of deliveries: accepted formats are table, ndjson, json`,
    'use --format ndjson and jq for other shapes',
  );
}
