import { type Command, Option } from 'commander';
import { DEFAULT_NOTE_NAME, parseNoteName, parseNotesFolder } from '../../export/notes/note-path.js';
import type { FormatRule } from '../../output/format.js';
import { parseDate } from '../../parse.js';
import type { ActionBinder } from '../../types.js';
import { concurrency, resources } from '../flags.js';

// Declaration only: the action imports export.ts when it runs, so `--help` stays fast.

/** Files, not a terminal view: JSON unless a format (or LOGGD_FORMAT) says otherwise, on a terminal or not. */
export const EXPORT_FORMATS: FormatRule = {
  accepts: ['json', 'ndjson', 'csv', 'ics', 'markdown'],
  tty: 'json',
  pipe: 'json',
};

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

/** `loggd export`. */
export function registerExportCommand(program: Command, action: ActionBinder): void {
  const from = () =>
    new Option('--from <date>', 'first day, inclusive (YYYY-MM-DD)').argParser(parseDate('--from'));
  const to = () => new Option('--to <date>', 'last day, inclusive (YYYY-MM-DD)').argParser(parseDate('--to'));
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
    EXPORT_FORMATS,
  );
}
