import type { Period, ReportSettings } from '../compute/period.js';
import { taskFigures } from '../compute/tasks.js';
import { type Block, pct } from '../document.js';
import { EXPLAIN } from '../explain.js';
import type { LoadedReport } from '../load.js';
import { headerJson, reportHeader } from './header.js';
import type { Built } from './review.js';

/** `loggd report tasks`: created vs completed per period with a net and an average row, rates, on-time rate. */
export function buildTasks(
  data: LoadedReport,
  period: Period,
  settings: ReportSettings,
  by: 'week' | 'month',
  explain: boolean,
): Built {
  const f = taskFigures(data.tasks, period, settings, by);
  const header = reportHeader('Tasks', period, settings);
  const n = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  const rateRows = (rows: typeof f.by_priority) =>
    rows.map((r) => [r.key, String(r.created), String(r.completed), pct(r.rate)]);
  const blocks: Block[] = [
    {
      kind: 'table',
      title: `Created vs completed per ${by}`,
      headers: [by, 'created', 'completed', 'cancelled', 'net'],
      numeric: [false, true, true, true, true],
      rows: [
        ...f.periods.map((p) => [
          p.label,
          String(p.created),
          String(p.completed),
          String(p.cancelled),
          signed(p.net),
        ]),
        ['total', n(f.totals.created), n(f.totals.completed), n(f.totals.cancelled), signed(f.totals.net)],
        [
          'average',
          n(f.average.created),
          n(f.average.completed),
          n(f.average.cancelled),
          signed(f.average.net),
        ],
      ],
    },
    {
      kind: 'bars',
      title: `Completed per ${by}`,
      rows: f.periods.map((p) => ({ label: p.label, value: p.completed, display: String(p.completed) })),
    },
    {
      kind: 'table',
      title: 'Completion rate by priority (tasks created in the range)',
      headers: ['priority', 'created', 'completed', 'rate'],
      numeric: [false, true, true, true],
      rows: rateRows(f.by_priority),
    },
    {
      kind: 'table',
      title: 'Completion rate by category',
      headers: ['category', 'created', 'completed', 'rate'],
      numeric: [false, true, true, true],
      rows: rateRows(f.by_category),
    },
    {
      kind: 'summary',
      title: 'On time (against planned_day)',
      rows: [
        {
          label: 'Completed on or before the planned day',
          value: `${f.on_time.on_time} of ${f.on_time.planned} (${pct(f.on_time.rate)})`,
        },
      ],
    },
  ];
  return {
    json: { report: 'tasks', ...headerJson(header), ...f },
    doc: { header, blocks, ...(explain ? { explain: [EXPLAIN.days, EXPLAIN.tasks] } : {}) },
  };
}

function signed(x: number): string {
  const s = Number.isInteger(x) ? String(Math.abs(x)) : Math.abs(x).toFixed(1);
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : '0';
}
