import { type CliError, errorJson, toCliError, wantsJsonErrors } from '../errors.js';
import type { CommandContext } from '../types.js';

/** Whether a single-object result should be printed as JSON (--format json or ndjson, or LOGGD_FORMAT). */
export function wantsJson(ctx: CommandContext): boolean {
  return ctx.format === 'json' || ctx.format === 'ndjson';
}

/**
 * Runs an auth command and turns any failure into the CLI's one-line error (same shape as the program's) and its
 * exit code, so the commands can also be called directly (tests, other commands) and still honour the contract.
 */
export async function runCommand(ctx: CommandContext, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (thrown) {
    const err = printError(ctx, thrown);
    if (ctx.opts.debug && thrown instanceof Error && thrown.stack) ctx.io.stderr.write(`${thrown.stack}\n`);
    return err.exitCode;
  }
}

/** Writes an error to stderr as the program does: JSON when JSON output was asked for, else `error:` plus `hint:` lines. */
export function printError(ctx: CommandContext, thrown: unknown): CliError {
  const err = toCliError(thrown);
  if (wantsJsonErrors(ctx.opts, ctx.io.env)) {
    ctx.io.stderr.write(`${errorJson(err)}\n`);
  } else {
    ctx.io.stderr.write(`error: ${err.message}\n`);
    for (const hint of err.hints) ctx.io.stderr.write(`hint: ${hint}\n`);
  }
  return err;
}
