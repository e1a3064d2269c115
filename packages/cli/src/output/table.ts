import Table from 'cli-table3';
import { displayWidth, stripAnsi, truncate } from './width.js';

const BLANK = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};
const GAP = 2;
const MIN_FLEX = 8;

export interface TableInput {
  headers: string[];
  /** Cell text, possibly coloured. */
  rows: string[][];
  /** Terminal width to fit. */
  width: number;
  /** Indexes of columns that may be shortened (long free text); others keep their width when possible. */
  flexible?: number[];
}

/**
 * A borderless, gh-style table that fits `width`: the widest flexible columns are shortened first (cells cut with
 * …), then any column, down to a minimum. Trailing spaces are trimmed.
 */
export function renderTable({ headers, rows, width, flexible }: TableInput): string {
  const count = Math.max(headers.length, ...rows.map((r) => r.length));
  const widths = Array.from({ length: count }, (_, i) =>
    Math.max(1, displayWidth(headers[i] ?? ''), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  fit(widths, width, flexible ?? widths.map((_, i) => i));
  const table = new Table({
    ...(headers.length ? { head: headers } : {}),
    chars: BLANK,
    colWidths: widths,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
    wordWrap: false,
    truncate: '…',
  });
  for (const row of rows) {
    // Cut plain text ourselves (emoji-aware); coloured cells are short and left to cli-table3.
    table.push(row.map((cell, i) => (cell === stripAnsi(cell) ? truncate(cell, widths[i] ?? 1) : cell)));
  }
  return `${table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')}\n`;
}

function fit(widths: number[], total: number, flexible: number[]): void {
  const used = () => widths.reduce((a, b) => a + b, 0) + GAP * Math.max(0, widths.length - 1);
  for (const pool of [flexible, widths.map((_, i) => i)]) {
    while (used() > total) {
      let widest = -1;
      for (const i of pool)
        if ((widths[i] ?? 0) > MIN_FLEX && (widest < 0 || (widths[i] ?? 0) > (widths[widest] ?? 0)))
          widest = i;
      if (widest < 0) break;
      widths[widest] = (widths[widest] ?? 0) - 1;
    }
  }
}
