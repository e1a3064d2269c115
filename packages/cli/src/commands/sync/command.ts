import type { Command } from 'commander';
import type { ActionBinder } from '../../types.js';
import { concurrency, resources } from '../flags.js';

// Declaration only: the action imports sync.ts (and with it node:sqlite) when it runs, so `--help` stays fast.

/** `loggd sync`. */
export function registerSyncCommand(program: Command, action: ActionBinder): void {
  action(
    program
      .command('sync')
      .description('mirror the account into a SQLite database (tables, views), incrementally')
      .requiredOption('--db <file>', 'SQLite file (created if missing)')
      .option('--full', 'fetch everything again instead of only what changed')
      .option('--strict', 'fail when a resource needs a scope the token lacks (default: skip it)')
      .addOption(resources())
      .addOption(concurrency())
      .addHelpText(
        'after',
        '\nExamples:\n  $ loggd sync --db ~/loggd.sqlite\n  $ datasette ~/loggd.sqlite\n\nSchema and views: docs/export.md\n',
      ),
    async (ctx, _a, o) => (await import('./sync.js')).runSync(ctx, o as never),
  );
}
