import { usageError } from '../errors.js';
import type { GlobalOptions } from '../types.js';

/** The formats of list and single-resource output (the global --format help lists these). */
export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'tsv'] as const;
/** Every format some command prints: export adds ics and markdown, reports markdown. */
export const ALL_FORMATS = [...FORMATS, 'markdown', 'ics'] as const;
export type OutputFormat = (typeof ALL_FORMATS)[number];

/**
 * What one command prints: the formats it accepts, its default on a terminal and when piped, and an optional hint
 * for a format it refuses. Each command's declaration (commands/<group>/command.ts) names its rule.
 */
export interface FormatRule {
  accepts: readonly OutputFormat[];
  tty: OutputFormat;
  pipe: OutputFormat;
  hint?: string;
}

/**
 * Each declared command's rule, recorded by program.ts's action binder: completion offers a command's own formats.
 */
export const FORMAT_RULES = new WeakMap<import('commander').Command, FormatRule>();

/** Lists and single resources: a table on a terminal, TSV when piped (like gh). The default rule. */
export const LIST_FORMATS: FormatRule = { accepts: FORMATS, tty: 'table', pipe: 'tsv' };

/** Where the resolved format came from: --format/--json/--jq, LOGGD_FORMAT, or the command's default. */
export type FormatSource = 'flag' | 'env' | 'default';

export interface ResolvedFormat {
  format: OutputFormat;
  source: FormatSource;
}

type FormatFlags = Pick<GlobalOptions, 'json' | 'jq'> & { format?: string };

/**
 * The one precedence of every command (docs/cli.md, "Output format"):
 * 1. flags: --format, or --json / --jq (= json); --json with --format is a usage error (give one), --jq takes only
 *    --format json or ndjson; a format the command cannot print is a usage error listing the ones it can;
 * 2. LOGGD_FORMAT, when the command prints that format. It is a default for every command, so a format loggd knows
 *    but this command does not print (LOGGD_FORMAT=csv for a report) is skipped; a value no command prints is a
 *    usage error naming LOGGD_FORMAT and the command's formats (a typo must not pass silently);
 * 3. the command's default: `rule.tty` on a terminal, `rule.pipe` otherwise.
 *
 * @example resolveFormat({ json: true }, {}, false, LIST_FORMATS, 'habits list') // { format: 'json', source: 'flag' }
 */
export function resolveFormat(
  opts: FormatFlags,
  env: Record<string, string | undefined>,
  isTTY: boolean,
  rule: FormatRule,
  command: string,
): ResolvedFormat {
  const accepted = rule.accepts.join(', ');
  if (opts.format !== undefined) {
    if (opts.json)
      throw usageError(
        '--json and --format both set the output format: give one of them',
        '--json is --format json',
      );
    if (opts.jq !== undefined && opts.format !== 'json' && opts.format !== 'ndjson')
      throw usageError(
        `--jq filters JSON: it does not apply to --format ${opts.format}`,
        'drop --format (--jq implies json), or use --format json|ndjson',
      );
    if (!isAccepted(opts.format, rule))
      throw usageError(
        `invalid --format '${opts.format}' for \`loggd ${command}\`: accepted formats are ${accepted}`,
        rule.hint,
      );
    return { format: opts.format, source: 'flag' };
  }
  if (opts.json || opts.jq !== undefined) {
    if (!isAccepted('json', rule))
      throw usageError(
        `${opts.json ? '--json' : '--jq'} does not apply to \`loggd ${command}\`: accepted formats are ${accepted}`,
        rule.hint,
      );
    return { format: 'json', source: 'flag' };
  }
  const fromEnv = env.LOGGD_FORMAT?.trim();
  if (fromEnv) {
    if (isAccepted(fromEnv, rule)) return { format: fromEnv, source: 'env' };
    if (!(ALL_FORMATS as readonly string[]).includes(fromEnv))
      throw usageError(
        `invalid LOGGD_FORMAT '${fromEnv}': accepted formats for \`loggd ${command}\` are ${accepted}`,
        'LOGGD_FORMAT is a default for every command: unset it, or give --format',
      );
  }
  return { format: isTTY ? rule.tty : rule.pipe, source: 'default' };
}

function isAccepted(format: string, rule: FormatRule): format is OutputFormat {
  return (rule.accepts as readonly string[]).includes(format);
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
