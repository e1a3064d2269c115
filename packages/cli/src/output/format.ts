import { usageError } from '../errors.js';
import type { GlobalOptions, IO } from '../types.js';

export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'tsv'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** --format (or --json), then LOGGD_FORMAT, then a table on a TTY and TSV when piped (like gh). */
export function resolveFormat(
  opts: Pick<GlobalOptions, 'format'> & { json?: boolean },
  io: IO,
): OutputFormat {
  if (opts.format) return checkFormat(opts.format, '--format');
  if (opts.json) return 'json';
  const fromEnv = io.env.LOGGD_FORMAT;
  if (fromEnv) return checkFormat(fromEnv, 'LOGGD_FORMAT');
  return io.stdout.isTTY ? 'table' : 'tsv';
}

function checkFormat(value: string, source: string): OutputFormat {
  if ((FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw usageError(
    `invalid ${source} '${value}': accepted formats are ${FORMATS.join(', ')}`,
    'e.g. --format json',
  );
}

/** Parses and validates --fields against the valid names; an unknown name is a usage error listing them all. */
export function selectFields(requested: string | undefined, valid: readonly string[]): string[] | undefined {
  if (requested === undefined) return undefined;
  const names = requested
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw usageError(
      `invalid --fields '${requested}': give a comma-separated list`,
      `valid fields: ${valid.join(', ')}`,
    );
  const unknown = names.filter((n) => !valid.includes(n));
  if (unknown.length > 0) {
    throw usageError(
      `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')} in --fields: valid fields are ${valid.join(', ')}`,
      'each command lists its fields in --help',
    );
  }
  return names;
}
