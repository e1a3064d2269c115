import { goalFigures } from '../compute/goals.js';
import type { Period, ReportSettings } from '../compute/period.js';
import type { Block } from '../document.js';
import { EXPLAIN } from '../explain.js';
import type { LoadedReport } from '../load.js';
import { headerJson, reportHeader } from './header.js';
import type { Built } from './review.js';

const VERDICT: Record<string, string> = {
  reached: 'target reached',
  on_pace: 'on pace',
  late: 'late',
  no_convergence: 'no convergence',
  no_data: 'not enough updates',
};

/** `loggd report goals`: progress bars against the expected pace, verdicts, projections and milestones. */
export function buildGoals(
  data: LoadedReport,
  period: Period,
  settings: ReportSettings,
  statuses: readonly string[],
  explain: boolean,
): Built {
  const asOf = Math.min(period.to, settings.today);
  const goals = data.goals
    .filter((g) => statuses.includes(g.status))
    .map((g) => goalFigures(g, data.goalUpdates.get(g.id) ?? [], asOf, settings));
  const header = reportHeader('Goals', period, settings);
  const areas = [...new Set(goals.map((g) => g.life_area ?? 'other'))].sort();
  const blocks: Block[] = areas.map((area) => ({
    kind: 'progress' as const,
    title: `Life area: ${area}`,
    rows: goals
      .filter((g) => (g.life_area ?? 'other') === area)
      .map((g) => ({
        label: g.title,
        percent: g.progress,
        expected: g.expected,
        ok: g.on_track,
        suffix:
          g.expected === null
            ? g.status
            : g.on_track
              ? `on track (expected ${Math.round(g.expected)}%)`
              : `behind by ${Math.abs(g.delta ?? 0).toFixed(0)} pts (expected ${Math.round(g.expected)}%)`,
      })),
  }));
  blocks.push({
    kind: 'table',
    title: 'Pace and projection',
    headers: ['goal', 'now → target', 'expected now', 'projection', 'milestones'],
    numeric: [false, true, true, false, false],
    rows: goals.map((g) => [
      g.title,
      g.current === null
        ? `${Math.round(g.progress)}%`
        : `${fmt(g.current)} → ${fmt(g.target ?? 0)}${g.unit ? ` ${g.unit}` : ''}`,
      g.expected_value !== null
        ? fmt(g.expected_value)
        : g.expected !== null
          ? `${Math.round(g.expected)}%`
          : '–',
      `${VERDICT[g.projection.verdict]}${g.projection.date ? ` ${g.projection.date}` : ''}`,
      g.milestones.total === 0
        ? '–'
        : `${g.milestones.done}/${g.milestones.total}${g.milestones.next ? ` next: ${g.milestones.next}${g.milestones.next_date ? ` (${g.milestones.next_date})` : ''}` : ''}`,
    ]),
  });
  return {
    json: { report: 'goals', ...headerJson(header), goals },
    doc: { header, blocks, ...(explain ? { explain: [EXPLAIN.days, EXPLAIN.goals] } : {}) },
  };
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}
