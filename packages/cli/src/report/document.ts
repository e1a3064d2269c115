import type { DayMark } from './compute/habits.js';

/*
 * A report as renderer-neutral blocks: the terminal, Markdown and HTML renderers each draw every block kind, so a
 * report is built once and drawn three ways. `--format json` prints the computed figures instead.
 */

export interface ReportHeader {
  title: string;
  from: string;
  to: string;
  /** e.g. 2026-W15 for a weekly review. */
  label?: string;
  timezone: string;
  /** The zone's UTC offset at the start and end of the range (they differ across a DST change). */
  offsets: string[];
  week_start: string;
  day_starts_at: string;
  as_of: string;
}

export type Block =
  | { kind: 'summary'; title: string; rows: { label: string; value: string; change?: Change }[] }
  | { kind: 'table'; title: string; headers: string[]; rows: string[][]; numeric?: boolean[] }
  | {
      kind: 'marks';
      title: string;
      dates: string[];
      rows: { label: string; marks: DayMark[]; suffix: string }[];
    }
  | {
      kind: 'heatmap';
      title: string;
      weekStart: number;
      /** One cell per day of the range: level 0…4, or null when nothing was due. */
      cells: { date: string; level: number | null; tip: string }[];
      caption: string;
    }
  | { kind: 'bars'; title: string; rows: { label: string; value: number; display: string }[] }
  | { kind: 'sparkline'; title: string; values: number[]; caption: string }
  | {
      kind: 'progress';
      title: string;
      rows: { label: string; percent: number; expected: number | null; suffix: string; ok: boolean }[];
    }
  | { kind: 'note'; lines: string[] }
  /** Sentences under a title, one bullet each (insights' findings). */
  | { kind: 'list'; title: string; items: string[] };

/** ↑/↓ against the previous period. */
export interface Change {
  direction: 'up' | 'down' | 'same';
  text: string;
}

export interface ReportDocument {
  header: ReportHeader;
  blocks: Block[];
  /** The formulas behind the figures (`--explain`). */
  explain?: string[];
}

/** Glyphs of a habit day: marks, not only colours, so NO_COLOR and print stay readable. */
export const MARK_GLYPHS: Record<DayMark, string> = {
  done: '✓',
  skipped: '–',
  missed: '✗',
  at_risk: '!',
  open: '○',
  not_due: '·',
  before_start: ' ',
  future: ' ',
};

export const MARK_LEGEND = '✓ done  – skipped  ✗ missed  ! today, at risk  ○ open (weekly target)  · not due';

/** Heatmap levels 0…4 (null: nothing due). */
export const HEAT_GLYPHS = ['·', '░', '▒', '▓', '█'];

/** Compares two values into ↑/↓ text: `↑ 12%`, `↓ 3`, `=`. */
export function change(
  current: number | null,
  previous: number | null,
  format: (n: number) => string,
): Change | undefined {
  if (current === null || previous === null) return undefined;
  const diff = current - previous;
  if (Math.abs(diff) < 1e-9) return { direction: 'same', text: '= same' };
  return { direction: diff > 0 ? 'up' : 'down', text: `${diff > 0 ? '↑' : '↓'} ${format(Math.abs(diff))}` };
}

/** `3h 05m`, `25m` from seconds (rounded to minutes). */
export function hours(seconds: number): string {
  const m = Math.round(seconds / 60);
  const h = Math.floor(m / 60);
  return h > 0 ? `${h}h ${String(m % 60).padStart(2, '0')}m` : `${m}m`;
}

/** `75%` (or `–` for none). */
export function pct(rate: number | null, digits = 0): string {
  return rate === null ? '–' : `${(rate * 100).toFixed(digits)}%`;
}
