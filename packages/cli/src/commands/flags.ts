import { Option } from 'commander';
import { parseConcurrency, parseResources } from '../export/flags.js';
import { parseChoice, parseDate, parseLimit } from '../parse.js';
import type { ResourceSpec } from '../resources/spec.js';

// Options shared by several commands' declarations (the resource lists, mock verify, export and sync). Light: commander
// and the parsers only, so `--help` loads nothing else.

/** `--limit <n>`: a page size, or with --all a total. */
export const limit = () =>
  new Option(
    '--limit <n>',
    'how many items, 1–100 (default: one page of 50; --all without --limit: every item)',
  ).argParser(parseLimit);

/** `--all`: follow every page. */
export const all = () => new Option('--all', 'follow every page (one JSON array for json)');

/** `--from <date>` of a list, inclusive. */
export const from = () =>
  new Option('--from <date>', 'start date, inclusive (YYYY-MM-DD)').argParser(parseDate('--from'));

/** `--to <date>` of a list, inclusive. */
export const to = () =>
  new Option('--to <date>', 'end date, inclusive (YYYY-MM-DD)').argParser(parseDate('--to'));

/** `--status <status>` from a resource's status filters. */
export const status = (choices: readonly string[], dflt: string) =>
  new Option('--status <status>', `${choices.join(', ')} (default ${dflt})`).argParser(
    parseChoice('--status', choices),
  );

/** The help section listing a resource's fields and default table columns. */
export function fieldsHelp(spec: ResourceSpec): string {
  return `\nFields (--fields, every format):\n  ${spec.fields.join(', ')}\nTable columns by default:\n  ${spec.tableColumns.join(', ')}\n`;
}

/** `--resources <list>` of export and sync. */
export const resources = () =>
  new Option(
    '--resources <list>',
    'profile, habits, tasks, goals, focus_sessions (comma-separated; default all)',
  ).argParser(parseResources);

/** `--concurrency <n>` of export and sync. */
export const concurrency = () =>
  new Option('--concurrency <n>', 'resources fetched at once, 1–16 (default 4)').argParser(parseConcurrency);
