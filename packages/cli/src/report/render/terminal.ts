import { Chalk, type ChalkInstance } from 'chalk';
import { escapeDeep } from '../../output/escape.js';
import { displayWidth, stripAnsi, truncate } from '../../output/width.js';
import { dayOf, weekdayOf, weekStartOf } from '../compute/calendar.js';
import type { DayMark } from '../compute/habits.js';
import { type Block, HEAT_GLYPHS, MARK_GLYPHS, MARK_LEGEND, type ReportDocument } from '../document.js';
import { bar, sparkline } from './glyphs.js';

const DAY_LETTERS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface TerminalOptions {
  width: number;
  /** chalk level: 0 = no colour (marks carry the meaning). */
  level: 0 | 1 | 2 | 3;
}

/** Draws a report for a terminal, every line within `width` cells; colours only when `level` > 0. */
export function renderTerminal(raw: ReportDocument, options: TerminalOptions): string {
  // Habit names, goal titles and the time zone are API text: they can neither drive the terminal nor break lines.
  const doc = escapeDeep(raw);
  const c = new Chalk({ level: options.level });
  const width = Math.max(40, options.width);
  const out: string[] = [];
  const h = doc.header;
  out.push(c.bold(`${h.title} · ${h.from} → ${h.to}${h.label ? ` (${h.label})` : ''}`));
  const meta = `${h.timezone} (UTC${[...new Set(h.offsets)].join('/UTC')}) · weeks start ${h.week_start} · days start ${h.day_starts_at} · as of ${h.as_of}`;
  out.push(...wrap(meta, width, '').map((l) => c.dim(l)));
  for (const block of doc.blocks) {
    out.push('');
    out.push(...drawBlock(block, c, width));
  }
  if (doc.explain) {
    out.push('', c.bold('How these figures are computed'));
    for (const line of doc.explain) out.push(...wrap(`• ${line}`, width, '  '));
  }
  return `${out.map((l) => fit(l, width)).join('\n')}\n`;
}

function fit(line: string, width: number): string {
  return displayWidth(line) <= width ? line : truncate(stripAnsi(line), width);
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  const lead = /^ */.exec(text)![0];
  for (const [i, word] of text.trimStart().split(' ').entries()) {
    if (i === 0) {
      line = lead + word;
      continue;
    }
    if (line && displayWidth(`${line} ${word}`) > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function pad(text: string, w: number): string {
  const t = truncate(text, w);
  return t + ' '.repeat(Math.max(0, w - displayWidth(t)));
}

function padStart(text: string, w: number): string {
  return ' '.repeat(Math.max(0, w - displayWidth(text))) + text;
}

function paint(mark: DayMark, c: ChalkInstance): string {
  const g = MARK_GLYPHS[mark];
  if (mark === 'done') return c.green(g);
  if (mark === 'missed') return c.red(g);
  if (mark === 'at_risk') return c.yellow(g);
  return c.dim(g);
}

const HEAT_COLORS = ['#3b3b3b', '#0e4429', '#006d32', '#26a641', '#39d353'];

function drawBlock(block: Block, c: ChalkInstance, width: number): string[] {
  const title = c.bold.underline(block.kind === 'note' ? '' : block.title);
  switch (block.kind) {
    case 'note':
      return block.lines.flatMap((l) => wrap(l, width, '  '));
    case 'list':
      return [title, ...block.items.flatMap((l) => wrap(`• ${l}`, width, '  '))];
    case 'summary': {
      const lw = Math.max(...block.rows.map((r) => displayWidth(r.label)));
      return [
        title,
        ...block.rows.map((r) => {
          const ch = r.change
            ? `  ${r.change.direction === 'up' ? c.green(r.change.text) : r.change.direction === 'down' ? c.red(r.change.text) : c.dim(r.change.text)}`
            : '';
          return `  ${pad(r.label, lw)}  ${r.value}${ch}`;
        }),
      ];
    }
    case 'table': {
      const widths = block.headers.map((hd, i) =>
        Math.max(displayWidth(hd), ...block.rows.map((r) => displayWidth(r[i] ?? ''))),
      );
      // Shrink the first (label) column when the table is wider than the terminal.
      const total = widths.reduce((s, w) => s + w + 2, 0);
      if (total > width) widths[0] = Math.max(8, widths[0]! - (total - width));
      const line = (cells: string[]) =>
        `  ${cells.map((cell, i) => (block.numeric?.[i] ? padStart(cell, widths[i]!) : pad(cell, widths[i]!))).join('  ')}`.trimEnd();
      return [title, c.dim(line(block.headers)), ...block.rows.map(line)];
    }
    case 'marks': {
      const n = block.dates.length;
      const spaced = n <= 14;
      const marksWidth = spaced ? n * 2 - 1 : n;
      const suffixW = Math.max(...block.rows.map((r) => displayWidth(r.suffix)), 0);
      const labelW = Math.max(
        6,
        Math.min(Math.max(...block.rows.map((r) => displayWidth(r.label))), width - marksWidth - suffixW - 6),
      );
      const head = spaced
        ? block.dates.map((d) => DAY_LETTERS[weekdayOf(dayOf(d))]!.slice(0, 1)).join(' ')
        : block.dates.map((d) => d.slice(9)).join(''); // the day of month's last digit
      return [
        title,
        c.dim(`  ${' '.repeat(labelW)}  ${head}`),
        ...block.rows.map(
          (r) =>
            `  ${pad(r.label, labelW)}  ${r.marks.map((m) => paint(m, c)).join(spaced ? ' ' : '')}  ${r.suffix}`,
        ),
        ...wrap(`  ${MARK_LEGEND}`, width, '  ').map((l) => c.dim(l)),
      ];
    }
    case 'heatmap':
      return [title, ...heatmap(block, c, width)];
    case 'bars': {
      const lw = Math.min(
        Math.max(...block.rows.map((r) => displayWidth(r.label)), 4),
        Math.floor(width / 3),
      );
      const vw = Math.max(...block.rows.map((r) => displayWidth(r.display)), 1);
      const bw = Math.max(4, width - lw - vw - 6);
      const max = Math.max(0, ...block.rows.map((r) => r.value));
      return [
        title,
        ...block.rows.map(
          (r) => `  ${pad(r.label, lw)}  ${padStart(r.display, vw)} ${c.cyan(bar(r.value, max, bw))}`,
        ),
      ];
    }
    case 'sparkline': {
      const values = block.values.slice(-Math.max(1, width - 4));
      return [title, `  ${c.cyan(sparkline(values))}`, c.dim(`  ${block.caption}`)];
    }
    case 'progress': {
      const lw = Math.min(
        Math.max(...block.rows.map((r) => displayWidth(r.label)), 4),
        Math.floor(width / 3),
      );
      const bw = Math.max(10, Math.min(30, width - lw - 40));
      return [
        title,
        ...block.rows.map((r) => {
          const full = Math.round((Math.max(0, Math.min(100, r.percent)) / 100) * bw);
          const cells: string[] = Array.from({ length: bw }, (_, i) => (i < full ? '█' : '░'));
          if (r.expected !== null) {
            const at = Math.min(bw - 1, Math.round((r.expected / 100) * bw));
            cells[at] = '│';
          }
          const drawn = cells
            .map((g) => (g === '█' ? c.green(g) : g === '│' ? c.yellow(g) : c.dim(g)))
            .join('');
          return `  ${pad(r.label, lw)}  ${drawn} ${padStart(`${Math.round(r.percent)}%`, 4)}  ${r.ok ? r.suffix : c.red(r.suffix)}`;
        }),
      ];
    }
  }
}

/** GitHub-style calendar: 7 rows in week-start order, one column per week, month labels, a legend. */
function heatmap(block: Extract<Block, { kind: 'heatmap' }>, c: ChalkInstance, width: number): string[] {
  if (block.cells.length === 0) return ['  (no days)'];
  const first = weekStartOf(dayOf(block.cells[0]!.date), block.weekStart);
  const byDay = new Map(block.cells.map((x) => [dayOf(x.date), x]));
  const lastDay = dayOf(block.cells.at(-1)!.date);
  let weeks = Math.floor((lastDay - first) / 7) + 1;
  const room = width - 6;
  const cellW = weeks * 2 <= room ? 2 : 1;
  let start = first;
  let note = '';
  if (weeks * cellW > room) {
    const keep = Math.floor(room / cellW);
    start = first + (weeks - keep) * 7;
    note = c.dim(`  (the last ${keep} weeks that fit; widen the terminal or use --from for more)`);
    weeks = keep;
  }
  const monthRow = Array.from({ length: weeks * cellW }, () => ' ');
  let lastMonth = -1;
  for (let w = 0; w < weeks; w++) {
    const day = start + w * 7;
    const month = new Date(day * 86_400_000).getUTCMonth();
    if (month !== lastMonth) {
      const label = MONTHS[month]!;
      const at = w * cellW;
      if (
        at + label.length <= monthRow.length &&
        monthRow.slice(Math.max(0, at - 1), at + 3).every((x) => x === ' ')
      ) {
        for (let i = 0; i < label.length; i++) monthRow[at + i] = label[i]!;
      }
      lastMonth = month;
    }
  }
  const lines = [`     ${monthRow.join('').trimEnd()}`];
  for (let row = 0; row < 7; row++) {
    const wd = (block.weekStart + row) % 7;
    let line = `  ${DAY_LETTERS[wd]} `;
    for (let w = 0; w < weeks; w++) {
      const cell = byDay.get(start + w * 7 + row);
      const glyph = !cell ? ' ' : cell.level === null ? ' ' : HEAT_GLYPHS[cell.level]!;
      const colored = cell && cell.level !== null ? c.hex(HEAT_COLORS[cell.level]!)(glyph) : glyph;
      line += colored + (cellW === 2 ? ' ' : '');
    }
    lines.push(line.trimEnd());
  }
  lines.push(
    `     less ${HEAT_GLYPHS.map((g, i) => c.hex(HEAT_COLORS[i]!)(g)).join(' ')} more   ${c.dim('(blank: nothing due)')}`,
  );
  if (note) lines.push(note);
  lines.push(`  ${block.caption}`);
  return lines;
}
