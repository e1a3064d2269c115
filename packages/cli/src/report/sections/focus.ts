import { focusFigures } from '../compute/focus.js';
import type { Period, ReportSettings } from '../compute/period.js';
import { type Block, hours, pct } from '../document.js';
import { EXPLAIN } from '../explain.js';
import type { LoadedReport } from '../load.js';
import { headerJson, reportHeader } from './header.js';
import type { Built } from './review.js';

const TOP = 10;

/** `loggd report focus`: hours per day/week/month as bars, by task, habit and tag, with session statistics. */
export function buildFocus(
  data: LoadedReport,
  period: Period,
  settings: ReportSettings,
  by: 'day' | 'week' | 'month',
  explain: boolean,
): Built {
  const f = focusFigures(data.focus, period, settings, by, {
    tasks: data.taskNames,
    habits: data.habitNames,
  });
  const header = reportHeader('Focus', period, settings);
  const share = (s: number) => (f.total_seconds > 0 ? ` (${pct(s / f.total_seconds)})` : '');
  const blocks: Block[] = [
    {
      kind: 'summary',
      title: 'Totals',
      rows: [
        { label: 'Focused', value: hours(f.total_seconds) },
        { label: 'Sessions started', value: String(f.sessions) },
        {
          label: 'Average session',
          value: f.average_session_seconds === null ? '–' : hours(f.average_session_seconds),
        },
        { label: 'Pause share', value: pct(f.pause_share, 1) },
        {
          label: 'Planned vs actual',
          value:
            f.planned_ratio === null
              ? '–'
              : `${hours(f.actual_seconds_of_planned)} of ${hours(f.planned_seconds)} planned (${pct(f.planned_ratio)})`,
        },
      ],
    },
    {
      kind: 'bars',
      title: `Hours per ${by}`,
      rows: f.buckets.map((b) => ({ label: b.label, value: b.seconds, display: hours(b.seconds) })),
    },
    {
      kind: 'sparkline',
      title: 'Daily trend',
      values: f.days.map((d) => d.seconds),
      caption: `one column per day, ${f.days[0]?.date ?? ''} → ${f.days.at(-1)?.date ?? ''}`,
    },
  ];
  for (const [title, rows] of [
    ['By task', f.by_task],
    ['By habit', f.by_habit],
    ['By tag', f.by_tag],
  ] as const) {
    if (rows.length === 0) continue;
    blocks.push({
      kind: 'bars',
      title: `${title}${rows.length > TOP ? ` (top ${TOP} of ${rows.length})` : ''}`,
      rows: rows
        .slice(0, TOP)
        .map((r) => ({ label: r.name, value: r.seconds, display: `${hours(r.seconds)}${share(r.seconds)}` })),
    });
  }
  return {
    json: { report: 'focus', ...headerJson(header), ...f },
    doc: { header, blocks, ...(explain ? { explain: [EXPLAIN.days, EXPLAIN.focus] } : {}) },
  };
}
