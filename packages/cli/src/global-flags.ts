import { usageError } from './errors.js';
import type { GlobalOptions } from './types.js';

// Checks of the root's global flags that depend on the command they reach (program.ts applies them).

/** --timeout: seconds, 0 = none. */
export function parseTimeout(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value.trim()))
    throw usageError(
      `invalid --timeout '${value}': accepted is a number of seconds (0 = no timeout)`,
      'e.g. --timeout 20',
    );
  return Number(value.trim());
}

/** Subcommands that print a list of items: the only ones --sort applies to. */
const LIST_VERBS = new Set(['list', 'checks', 'skips', 'updates']);

/** Commands whose output is a list or object of API fields: the only ones --fields applies to. */
const FIELD_COMMANDS = new Set(['habits', 'tasks', 'goals', 'focus', 'profile', 'mock verify']);

/**
 * A global flag a command would ignore is a usage error, never a silent exit 0: --fields outside the resource
 * commands, --sort outside their lists. (A --format the command cannot print is output/format.ts's error.)
 */
export function checkGlobalFlags(path: string, opts: GlobalOptions): void {
  const top = path.split(' ')[0] ?? '';
  if (opts.fields !== undefined && !FIELD_COMMANDS.has(top) && !FIELD_COMMANDS.has(path))
    throw usageError(
      `--fields does not apply to \`loggd ${path}\`: it selects fields of habits, tasks, goals, focus and profile output`,
      top === 'api'
        ? 'filter `loggd api` output with jq, e.g. `loggd api /profile | jq .data.username`'
        : undefined,
    );
  if (opts.sort !== undefined && !(FIELD_COMMANDS.has(top) && LIST_VERBS.has(path.split(' ').at(-1) ?? '')))
    throw usageError(
      `--sort does not apply to \`loggd ${path}\`: it sorts the items of list commands (habits list, tasks list…)`,
    );
}
