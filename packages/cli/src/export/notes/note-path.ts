import { WEEK_DAYS } from '@loggd/sdk/constants';
import { usageError } from '../../errors.js';

// Where a day's note goes in the vault: `--notes-folder` plus a `--note-name` pattern. Light (no SDK), so the
// command declarations can validate the flags while parsing.

/** The default note name: Obsidian's daily-notes default, `YYYY-MM-DD`. */
export const DEFAULT_NOTE_NAME = '{YYYY}-{MM}-{DD}';

const TOKEN = /\{(YYYY|YY|MM|M|DD|D|dddd|ddd)\}/g;

function fields(date: string): Record<string, string> {
  const [y, m, d] = date.split('-') as [string, string, string];
  // getUTCDay counts from sunday (0); WEEK_DAYS from monday. Note names capitalise it: `Monday`.
  const name = WEEK_DAYS[(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))).getUTCDay() + 6) % 7]!;
  const weekday = name[0]!.toUpperCase() + name.slice(1);
  return {
    YYYY: y,
    YY: y.slice(2),
    MM: m,
    M: String(Number(m)),
    DD: d,
    D: String(Number(d)),
    dddd: weekday,
    ddd: weekday.slice(0, 3),
  };
}

/**
 * `--note-name`: a pattern with `{YYYY}`, `{YY}`, `{MM}`, `{M}`, `{DD}`, `{D}`, `{ddd}`, `{dddd}` tokens; `/`
 * makes subfolders. It must name a different file for every day (a year, a month and a day token), stay
 * inside the vault. `.md` is appended unless the pattern ends with it.
 * @example parseNoteName('{YYYY}/{MM}/{YYYY}-{MM}-{DD}')
 */
export function parseNoteName(value: string): string {
  const tokens = new Set([...value.matchAll(TOKEN)].map((m) => m[1]!));
  const has = (...names: string[]) => names.some((n) => tokens.has(n));
  const segments = value.split('/');
  const unknown = value.replace(TOKEN, '').match(/\{[^}]*\}/);
  if (
    !has('YYYY', 'YY') ||
    !has('MM', 'M') ||
    !has('DD', 'D') ||
    unknown ||
    value.startsWith('/') ||
    segments.some((s) => s === '' || s === '.' || s === '..') ||
    /[\\:*?"<>|\0]/.test(value)
  ) {
    throw usageError(
      `invalid --note-name '${value}': accepted is a relative path pattern with {YYYY} or {YY}, {MM} or {M}, {DD} or {D} (also {ddd}, {dddd}), e.g. ${DEFAULT_NOTE_NAME}`,
    );
  }
  return value;
}

/** `--notes-folder`: a relative folder inside the vault ('' for the vault's root). */
export function parseNotesFolder(value: string): string {
  const trimmed = value.replace(/\/+$/, '');
  const segments = trimmed.split('/');
  if (
    trimmed.startsWith('/') ||
    /[\\:*?"<>|\0]/.test(trimmed) ||
    (trimmed !== '' && segments.some((s) => s === '' || s === '..')) ||
    segments[0] === '.loggd-export'
  ) {
    throw usageError(
      `invalid --notes-folder '${value}': accepted is a folder relative to the vault, e.g. Daily or Journal/Loggd`,
    );
  }
  return trimmed === '.' ? '' : trimmed;
}

/** The note's path relative to the vault for `date` (`YYYY-MM-DD`). */
export function notePath(folder: string, pattern: string, date: string): string {
  const f = fields(date);
  const named = pattern.replace(TOKEN, (_m, token: string) => f[token]!);
  const name = named.endsWith('.md') ? named : `${named}.md`;
  return folder ? `${folder}/${name}` : name;
}
