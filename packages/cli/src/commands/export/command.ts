import { type Command, Option } from 'commander';
import { parseConcurrency, parseResources } from '../../export/flags.js';
import { DEFAULT_NOTE_NAME, parseNoteName, parseNotesFolder } from '../../export/notes/note-path.js';
import { parseDate } from '../../parse.js';
import type { CommandContext } from '../../types.js';

// Declarations only: actions import commands/export.ts and commands/sync.ts when they run, so `--help` stays fast.

type Handler = (
  ctx: CommandContext,
  args: unknown[],
  opts: Record<string, unknown>,
  cmd: Command,
) => Promise<number>;

const EXPORT_HELP = `
Formats (global --format): json (default) and ndjson write the API's objects, one file per resource;
csv writes spreadsheet-ready long tables plus habit_days.csv and daily.csv; ics (or --ics) writes calendars;
markdown merges one daily note per day into an Obsidian vault (loggd_ properties and a marked block only).
Every export has a manifest.json (counts and sha256 per file). Re-running in the same folder fetches only
what changed; an interrupted export resumes. Layout: docs/export.md.

Examples:
  $ loggd export --out ~/loggd
  $ loggd export --out ~/loggd-csv --format csv --bom
  $ loggd export --out ~/loggd --resources habits,tasks --from 2026-01-01
  $ loggd export --format markdown --out ~/Vault --notes-folder Daily
`;

/** Adds `loggd export` and `loggd sync` to the program. */
export function registerExportCommands(
  program: Command,
  action: (cmd: Command, handler: Handler) => Command,
): void {
  const from = () =>
    new Option('--from <date>', 'first day, inclusive (YYYY-MM-DD)').argParser(parseDate('--from'));
  const to = () => new Option('--to <date>', 'last day, inclusive (YYYY-MM-DD)').argParser(parseDate('--to'));
  const resources = () =>
    new Option(
      '--resources <list>',
      'profile, habits, tasks, goals, focus_sessions (comma-separated; default all)',
    ).argParser(parseResources);
  const concurrency = () =>
    new Option('--concurrency <n>', 'resources fetched at once, 1–16 (default 4)').argParser(
      parseConcurrency,
    );

  action(
    program
      .command('export')
      .description(
        'the whole account into files (JSON, NDJSON, CSV, ICS) or Obsidian daily notes; incremental and resumable',
      )
      .requiredOption('--out <dir>', 'folder to export into (created if missing)')
      .option('--ics', 'write calendars (tasks.ics, focus_sessions.ics) instead of data files')
      .option('--bom', 'start CSV files with a byte-order mark (Excel)')
      .option('--strict', 'fail when a resource needs a scope the token lacks (default: skip it)')
      .option('--full', 'fetch everything again instead of only what changed')
      .addOption(resources())
      .addOption(from())
      .addOption(to())
      .addOption(concurrency())
      .addOption(
        new Option(
          '--notes-folder <path>',
          'markdown: folder of the notes inside the vault (default: its root)',
        ).argParser(parseNotesFolder),
      )
      .addOption(
        new Option(
          '--note-name <pattern>',
          `markdown: note name, tokens {YYYY} {YY} {MM} {M} {DD} {D} {ddd} {dddd}, / for subfolders (default ${DEFAULT_NOTE_NAME})`,
        ).argParser(parseNoteName),
      )
      .addHelpText('after', EXPORT_HELP),
    async (ctx, _a, o) => (await import('./export.js')).runExport(ctx, o as never),
  );

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
    async (ctx, _a, o) => (await import('../sync/sync.js')).runSync(ctx, o as never),
  );
}
