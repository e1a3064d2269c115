import { dayOf, weekStartOf } from '../compute/calendar.js';
import type { Block, ReportDocument } from '../document.js';
import { MARK_GLYPHS, MARK_LEGEND } from '../document.js';

/*
 * One self-contained page: inline CSS and inline SVG, no script, no external URL, so it opens offline, on a
 * phone and in print. Every chart is an <svg data-chart="…"> whose data marks carry class "mark" (tests count
 * them).
 */

function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const HEAT = ['#ebedf0', '#9be9a8', '#40c463', '#30a14e', '#216e39'];
const MARK_FILL: Record<string, string> = {
  done: '#2da44e',
  skipped: '#8c959f',
  missed: '#cf222e',
  at_risk: '#bf8700',
  open: '#d0d7de',
  not_due: '#f6f8fa',
  before_start: '#ffffff',
  future: '#ffffff',
};
const DAY_LETTERS = ['M', 'T', 'W', 'T', 'F', 'S', 'S'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const CSS = `
:root{color-scheme:light}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:960px;padding:16px;color:#1f2328;background:#fff}
h1{font-size:1.4em;margin:0 0 4px}h2{font-size:1.1em;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.meta{color:#59636e;font-size:.9em}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{padding:4px 8px;border-bottom:1px solid #eaeef2;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.up{color:#1a7f37}.down{color:#cf222e}.same{color:#59636e}
svg{max-width:100%;height:auto;display:block}svg text{font:11px system-ui,sans-serif;fill:#59636e}
.legend{color:#59636e;font-size:.85em}
.scroll{overflow-x:auto}
section{break-inside:avoid}
@media print{body{max-width:none}h2{break-after:avoid}}
`;

/** Draws a report as one self-contained HTML page. */
export function renderHtml(doc: ReportDocument): string {
  const h = doc.header;
  const parts = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${esc(`${h.title} ${h.from} → ${h.to}`)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>${esc(h.title)}: ${esc(h.from)} → ${esc(h.to)}${h.label ? ` (${esc(h.label)})` : ''}</h1>`,
    `<p class="meta">${esc(h.timezone)} (UTC${esc([...new Set(h.offsets)].join('/UTC'))}) · weeks start ${esc(h.week_start)} · days start ${esc(h.day_starts_at)} · as of ${esc(h.as_of)}</p>`,
  ];
  doc.blocks.forEach((b, i) => {
    parts.push(`<section>${drawBlock(b, `c${i}`)}</section>`);
  });
  if (doc.explain) {
    parts.push(
      `<section><h2>How these figures are computed</h2><ul>${doc.explain.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>`,
    );
  }
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}

function tableHtml(headers: string[], rows: string[][], numeric: boolean[] = []): string {
  const cls = (i: number) => (numeric[i] ? ' class="n"' : '');
  return `<div class="scroll"><table><thead><tr>${headers.map((x, i) => `<th${cls(i)}>${esc(x)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((x, i) => `<td${cls(i)}>${esc(x)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

function svg(id: string, kind: string, w: number, hgt: number, body: string, label: string): string {
  return `<svg data-chart="${id}" data-kind="${kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${hgt}" width="${w}" height="${hgt}" role="img" aria-label="${esc(label)}">${body}</svg>`;
}

function drawBlock(block: Block, id: string): string {
  if (block.kind === 'note') return block.lines.map((l) => `<p>${esc(l)}</p>`).join('');
  const title = `<h2>${esc(block.title)}</h2>`;
  switch (block.kind) {
    case 'summary':
      return (
        title +
        `<div class="scroll"><table><tbody>${block.rows
          .map(
            (r) =>
              `<tr><th>${esc(r.label)}</th><td class="n">${esc(r.value)}</td><td class="${r.change?.direction ?? ''}">${esc(r.change?.text ?? '')}</td></tr>`,
          )
          .join('')}</tbody></table></div>`
      );
    case 'list':
      return `${title}<ul>${block.items.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
    case 'table':
      return title + tableHtml(block.headers, block.rows, block.numeric);
    case 'marks': {
      const cw = 16;
      const lw = 150;
      const n = block.dates.length;
      const w = lw + n * cw + 340;
      const hgt = 18 + block.rows.length * cw + 4;
      let body = block.dates
        .map(
          (d, i) =>
            `<text x="${lw + i * cw + 7}" y="12" text-anchor="middle">${n <= 14 ? DAY_LETTERS[(dayOf(d) + 3) % 7] : Number(d.slice(8))}</text>`,
        )
        .join('');
      block.rows.forEach((r, ri) => {
        const y = 18 + ri * cw;
        body += `<text x="0" y="${y + 11}">${esc(r.label.slice(0, 22))}</text>`;
        r.marks.forEach((m, i) => {
          body += `<rect class="mark" data-mark="${m}" x="${lw + i * cw}" y="${y}" width="${cw - 2}" height="${cw - 2}" rx="2" fill="${MARK_FILL[m]}" stroke="#d0d7de" stroke-width="0.5"><title>${esc(`${block.dates[i]}: ${m.replace('_', ' ')}`)}</title></rect>`;
          const g = MARK_GLYPHS[m].trim();
          if (g && m !== 'not_due')
            body += `<text x="${lw + i * cw + 7}" y="${y + 11}" text-anchor="middle" style="fill:#fff">${esc(g)}</text>`;
        });
        body += `<text x="${lw + n * cw + 6}" y="${y + 11}">${esc(r.suffix)}</text>`;
      });
      return `${title}<div class="scroll">${svg(id, 'marks', w, hgt, body, block.title)}</div><p class="legend">${esc(MARK_LEGEND)}</p>`;
    }
    case 'heatmap': {
      const cs = 12;
      const first = block.cells.length ? weekStartOf(dayOf(block.cells[0]!.date), block.weekStart) : 0;
      const last = block.cells.length ? dayOf(block.cells.at(-1)!.date) : 0;
      const weeks = Math.floor((last - first) / 7) + 1;
      const w = 30 + weeks * (cs + 2);
      const hgt = 20 + 7 * (cs + 2) + 24;
      let body = '';
      for (let row = 0; row < 7; row += 2) {
        body += `<text x="0" y="${20 + row * (cs + 2) + 10}">${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][(block.weekStart + row) % 7]}</text>`;
      }
      let lastMonth = -1;
      for (let wk = 0; wk < weeks; wk++) {
        const m = new Date((first + wk * 7) * 86_400_000).getUTCMonth();
        if (m !== lastMonth) body += `<text x="${30 + wk * (cs + 2)}" y="12">${MONTHS[m]}</text>`;
        lastMonth = m;
      }
      for (const cell of block.cells) {
        const off = dayOf(cell.date) - first;
        const x = 30 + Math.floor(off / 7) * (cs + 2);
        const y = 20 + (off % 7) * (cs + 2);
        const fill = cell.level === null ? '#ffffff' : HEAT[cell.level];
        body += `<rect class="mark" data-level="${cell.level ?? 'none'}" x="${x}" y="${y}" width="${cs}" height="${cs}" rx="2" fill="${fill}" stroke="#d0d7de" stroke-width="0.5"><title>${esc(cell.tip)}</title></rect>`;
      }
      const ly = 20 + 7 * (cs + 2) + 6;
      body += `<text x="30" y="${ly + 10}">less</text>`;
      HEAT.forEach((f, i) => {
        body += `<rect x="${60 + i * (cs + 2)}" y="${ly}" width="${cs}" height="${cs}" rx="2" fill="${f}"/>`;
      });
      body += `<text x="${64 + 5 * (cs + 2)}" y="${ly + 10}">more</text>`;
      return `${title}<div class="scroll">${svg(id, 'heatmap', Math.max(w + 24, 160), hgt, body, block.title)}</div><p class="legend">${esc(block.caption)}</p>`;
    }
    case 'bars': {
      const lw = 160;
      const bw = 420;
      const rh = 20;
      const max = Math.max(0, ...block.rows.map((r) => r.value));
      let body = '';
      block.rows.forEach((r, i) => {
        const y = i * rh;
        const len = max > 0 ? (r.value / max) * bw : 0;
        body += `<text x="0" y="${y + 14}">${esc(r.label.slice(0, 26))}</text><rect class="mark" x="${lw}" y="${y + 3}" width="${len.toFixed(1)}" height="${rh - 6}" fill="#0969da"><title>${esc(`${r.label}: ${r.display}`)}</title></rect><text x="${lw + len + 4}" y="${y + 14}">${esc(r.display)}</text>`;
      });
      return title + svg(id, 'bars', lw + bw + 80, Math.max(rh, block.rows.length * rh), body, block.title);
    }
    case 'sparkline': {
      const n = block.values.length;
      const bw = Math.max(2, Math.min(12, Math.floor(640 / Math.max(1, n))));
      const hgt = 40;
      const max = Math.max(0, ...block.values);
      const body = block.values
        .map((v, i) => {
          const hh = max > 0 ? (v / max) * hgt : 0;
          return `<rect class="mark" x="${i * bw}" y="${(hgt - hh).toFixed(1)}" width="${bw - 1}" height="${hh.toFixed(1)}" fill="#0969da"/>`;
        })
        .join('');
      return `${title}${svg(id, 'sparkline', Math.max(1, n * bw), hgt, body, block.title)}<p class="legend">${esc(block.caption)}</p>`;
    }
    case 'progress': {
      const lw = 200;
      const bw = 300;
      const rh = 24;
      let body = '';
      block.rows.forEach((r, i) => {
        const y = i * rh;
        const p = Math.max(0, Math.min(100, r.percent));
        body += `<text x="0" y="${y + 15}">${esc(r.label.slice(0, 30))}</text><rect x="${lw}" y="${y + 4}" width="${bw}" height="${rh - 8}" rx="3" fill="#eaeef2"/><rect class="mark" x="${lw}" y="${y + 4}" width="${((p / 100) * bw).toFixed(1)}" height="${rh - 8}" rx="3" fill="${r.ok ? '#2da44e' : '#cf222e'}"><title>${esc(`${r.label}: ${Math.round(r.percent)}%`)}</title></rect>`;
        if (r.expected !== null) {
          const x = lw + (Math.max(0, Math.min(100, r.expected)) / 100) * bw;
          body += `<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${y + 1}" y2="${y + rh - 1}" stroke="#bf8700" stroke-width="2"/>`;
        }
        body += `<text x="${lw + bw + 6}" y="${y + 15}">${esc(`${Math.round(r.percent)}% ${r.suffix}`)}</text>`;
      });
      return `${title}<div class="scroll">${svg(id, 'progress', lw + bw + 260, Math.max(rh, block.rows.length * rh), body, block.title)}</div><p class="legend">bar: progress · yellow line: expected pace today</p>`;
    }
  }
}
