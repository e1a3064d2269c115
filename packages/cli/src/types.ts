/**
 * Shared CLI types. Commands receive one injected IO object (like gh's IOStreams) so tests can fake a TTY or a
 * pipe without touching process globals.
 */
export interface IO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
  /** True when prompting is allowed: stdin is a TTY, CI is unset and --no-input was not given. */
  canPrompt: boolean;
  /** Whether to colour stdout/stderr (NO_COLOR, FORCE_COLOR/CLICOLOR_FORCE, --color and TTY resolved). */
  color: boolean;
  /** Terminal width for tables (stdout columns, or COLUMNS, or 100). */
  columns: number;
}

/** Options every command accepts (declared once on the root program). */
export interface GlobalOptions {
  profile?: string;
  token?: string;
  baseUrl?: string;
  demo?: boolean;
  /** --format as given (checked against the command's formats by output/format.ts). */
  format?: string;
  /** Alias of `--format json`. */
  json?: boolean;
  fields?: string;
  /** --sort: a field to sort list output by (`-field` descending). */
  sort?: string;
  /** --jq: a jq expression applied to the JSON output. */
  jq?: string;
  headers?: boolean;
  color?: 'auto' | 'always' | 'never';
  input?: boolean;
  debug?: boolean;
  /** --timeout: seconds to wait for an answer before retrying (env LOGGD_TIMEOUT). */
  timeout?: number;
}

/** How a command wants its client. */
export interface ClientOptions {
  /**
   * A batch command (export, sync, report): it waits out every 429 the server gives a Retry-After for, instead of
   * failing after the SDK's retries (each wait is announced on stderr).
   */
  batch?: boolean;
  /** Extra request headers (`loggd api -H`), never Authorization. */
  headers?: Record<string, string>;
}

export interface CommandContext {
  io: IO;
  opts: GlobalOptions;
  /**
   * The output format, resolved once when the context is built (output/format.ts): --format/--json/--jq, then
   * LOGGD_FORMAT, then the command's terminal or pipe default, within the formats the command declares.
   */
  format: import('./output/format.js').OutputFormat;
  /** Where `format` came from: a flag, LOGGD_FORMAT, or the command's default. */
  formatSource: import('./output/format.js').FormatSource;
  /** Directory for settings and the insecure token file: ${XDG_CONFIG_HOME:-~/.config}/loggd (mode 0700). */
  configDir: string;
  /** Builds an SDK client from flags, env, the profile's stored token, or the in-process mock with --demo. */
  createClient(options?: ClientOptions): Promise<import('@loggd/sdk').Loggd>;
  /** The base URL of the client once built (errors show full URLs with it). */
  baseUrl?: string;
  /** The current instant: the mock's clock with --demo (so a pinned LOGGD_DEMO_NOW is "today"), else real time. */
  now?(): Promise<Date>;
  /** The profile's IANA time zone for tables (LOGGD_TZ, else one GET /profile per run, else UTC). */
  timeZone(): Promise<string>;
}

/** A command's result: the process exit code (see exit-codes.ts). */
export type ExitCode = number;

/**
 * What a command's action runs: the context, its positional arguments, its own options and the commander
 * command; resolves to the exit code. Shared by program.ts and the modules that declare more commands.
 */
export type CommandHandler = (
  ctx: CommandContext,
  args: unknown[],
  opts: Record<string, unknown>,
  cmd: import('commander').Command,
) => Promise<number>;

/**
 * Attaches a handler to a command (program.ts's `action`), given to each group's declaration
 * (commands/<group>/command.ts); `formats` is the command's output format rule (default: LIST_FORMATS).
 */
export type ActionBinder = (
  cmd: import('commander').Command,
  handler: CommandHandler,
  formats?: import('./output/format.js').FormatRule,
) => import('commander').Command;
