import type { Block, ReportDocument } from '../document.js';
import { MARK_GLYPHS, MARK_LEGEND } from '../document.js';
import { renderTerminal } from './terminal.js';

/** Escapes a table cell for GitHub-flavoured Markdown. */
function cell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function table(headers: string[], rows: string[][], numeric: boolean[] = []): string[] {
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `|${headers.map((_, i) => (numeric[i] ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/** Draws a report as Markdown (for notes and e-mails): tables for figures, fenced text for the charts. */
export function renderMarkdown(doc: ReportDocument): string {
  const h = doc.header;
  const out = [
    `# ${h.title}: ${h.from} → ${h.to}${h.label ? ` (${h.label})` : ''}`,
    '',
    `*${h.timezone} (UTC${[...new Set(h.offsets)].join('/UTC')}) · weeks start ${h.week_start} · days start ${h.day_starts_at} · as of ${h.as_of}*`,
  ];
  for (const block of doc.blocks) out.push('', ...drawBlock(block));
  if (doc.explain) out.push('', '## How these figures are computed', '', ...doc.explain.map((l) => `- ${l}`));
  return `${out.join('\n')}\n`;
}

function drawBlock(block: Block): string[] {
  const title = block.kind === 'note' ? [] : [`## ${block.title}`, ''];
  switch (block.kind) {
    case 'note':
      return block.lines;
    case 'list':
      return [...title, ...block.items.map((l) => `- ${l}`)];
    case 'summary':
      return [
        ...title,
        ...table(
          ['', 'value', 'vs previous'],
          block.rows.map((r) => [r.label, r.value, r.change?.text ?? '']),
        ),
      ];
    case 'table':
      return [...title, ...table(block.headers, block.rows, block.numeric)];
    case 'marks':
      return [
        ...title,
        ...table(
          ['habit', ...block.dates.map((d) => d.slice(5)), ''],
          block.rows.map((r) => [r.label, ...r.marks.map((m) => MARK_GLYPHS[m].trim() || ' '), r.suffix]),
        ),
        '',
        `*${MARK_LEGEND}*`,
      ];
    case 'bars':
    case 'sparkline':
    case 'heatmap':
    case 'progress': {
      // The terminal drawing without colours is already plain text: fence it so it stays aligned.
      const text = renderTerminal({ header: HEADERLESS, blocks: [block] }, { width: 100, level: 0 })
        .split('\n')
        .slice(4)
        .join('\n')
        .trimEnd();
      return [...title, '```text', text, '```'];
    }
  }
}

const HEADERLESS = {
  title: '',
  from: '',
  to: '',
  timezone: '',
  offsets: [],
  week_start: '',
  day_starts_at: '',
  as_of: '',
};
