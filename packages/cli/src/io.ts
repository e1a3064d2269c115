import { resolveColor } from './color.js';
import type { GlobalOptions, IO } from './types.js';

/** Builds the real IO from the process streams, resolving colour and width once. */
export function processIO(opts: Pick<GlobalOptions, 'color' | 'input'> = {}): IO {
  const { stdin, stdout, stderr, env } = process;
  return {
    stdin,
    stdout,
    stderr,
    env,
    canPrompt: Boolean(stdin.isTTY) && !env.CI && opts.input !== false,
    color: resolveColor(opts.color, env, Boolean(stdout.isTTY)),
    columns: terminalColumns(stdout.columns, env),
  };
}

/** Width for tables: the terminal's, else COLUMNS, else 100. */
export function terminalColumns(
  columns: number | undefined,
  env: Record<string, string | undefined>,
): number {
  if (columns && columns > 0) return columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 100;
}
