import type { Period, ReportSettings } from '../compute/period.js';
import { type Block, pct } from '../document.js';
import { computeInsights, type InsightsData } from '../insights/index.js';
import { FDR } from '../insights/pairs.js';
import { percent, pText } from '../insights/sentences.js';
import { headerJson, reportHeader } from './header.js';
import type { Built } from './review.js';

/** The formulas behind the insights (`--explain`; docs/insights.md has them with caveats and a worked example). */
export const INSIGHTS_EXPLAIN = [
  'Counted days: a daily or custom-days habit’s due days (skipped and non-due days excluded); a weekly-target habit’s days that were not skipped. Today is never counted: it is not over.',
  'Weekday rate = done ÷ counted days on that weekday, with a 95 % Wilson interval. Best − worst uses Newcombe’s interval at a Bonferroni level for the k(k−1)/2 weekday pairs times the habits; "clear" when it excludes 0.',
  'Time of day: checked_at in the profile’s zone (wall clock); median and 75th percentile ("usually done by") counted from the day start.',
  'Trend: the last 4 profile weeks (up to yesterday) vs the 12 weeks before, with Newcombe’s interval of the difference at a Bonferroni level over the habits (95 % for one).',
  `Pairs: on the days both habits counted, a 2×2 table of done/not done; φ = (ad − bc) ÷ √((a+b)(c+d)(a+c)(b+d)), Fisher’s exact two-sided p, Benjamini–Hochberg over every tested pair; only q ≤ ${FDR} shown. At least 20 shared days.`,
  'Focus: point-biserial r between done and that day’s focus minutes, two-sided permutation p (seeded; sequential stop after 10 exceedances, at most 1,999 permutations), Benjamini–Hochberg over the habits tested.',
  'Goals: least squares of the metric on the local day over the last 60 days of updates (≥ 3); projected date where the line meets the target; 95 % inverse-regression (Fieller) interval from the residuals; ahead/behind only when the whole interval is before/after the end date.',
  'Correlation is not causation: a pair that goes together may share a cause (a good day, a routine).',
];

const fixed = (x: number, d = 2) => x.toFixed(d);

/** `loggd insights`: findings in words, then the tables behind them. */
export function buildInsights(
  data: InsightsData,
  period: Period,
  settings: ReportSettings,
  options: { seed: number; label: string; explain: boolean },
): Built {
  const r = computeInsights(data, period, settings, { seed: options.seed });
  const header = reportHeader('Insights', r.period, settings, options.label);
  const blocks: Block[] = [
    {
      kind: 'list',
      title: 'Findings',
      items: r.findings.length > 0 ? r.findings.map((f) => f.text) : ['No finding holds up in this period.'],
    },
  ];
  if (r.limits.length > 0)
    blocks.push({ kind: 'list', title: 'What the data cannot say yet', items: r.limits });
  if (r.habits.length > 0)
    blocks.push({
      kind: 'table',
      title: 'Per habit',
      headers: ['habit', 'rule', 'done/days', 'rate', 'strength', 'best', 'worst', 'trend', 'done by'],
      numeric: [false, false, true, true, true, false, false, false, true],
      rows: r.habits.map((h) => [
        h.name,
        h.rule,
        `${h.done}/${h.days}`,
        pct(h.rate),
        pct(h.strength),
        h.weekdays.difference?.clear ? h.weekdays.best!.slice(0, 3) : '–',
        h.weekdays.difference?.clear ? h.weekdays.worst!.slice(0, 3) : '–',
        h.trend.direction === null
          ? '–'
          : h.trend.direction === 'steady'
            ? 'steady'
            : `${h.trend.direction === 'up' ? '↑' : '↓'} ${pct(Math.abs(h.trend.change!.estimate))}`,
        h.time_of_day.usually_by ?? '–',
      ]),
    });
  if (r.habits.length > 0) {
    const days = r.habits[0]!.weekdays.weekdays.map((w) => w.weekday.slice(0, 3));
    blocks.push({
      kind: 'table',
      title: 'Completion by weekday',
      headers: ['habit', ...days],
      numeric: [false, ...days.map(() => true)],
      rows: r.habits.map((h) => [h.name, ...h.weekdays.weekdays.map((w) => pct(w.rate))]),
    });
    blocks.push({
      kind: 'table',
      title: `Checks by time of day (${r.habits[0]!.time_of_day.parts.map((p) => `${p.part} ${p.from}–${p.to}`).join(', ')})`,
      headers: ['habit', ...r.habits[0]!.time_of_day.parts.map((p) => p.part), 'median'],
      numeric: [false, true, true, true, true, true],
      rows: r.habits.map((h) => [
        h.name,
        ...h.time_of_day.parts.map((p) => (h.time_of_day.checks === 0 ? '–' : pct(p.share))),
        h.time_of_day.median ?? '–',
      ]),
    });
  }
  if (r.pairs.significant.length > 0)
    blocks.push({
      kind: 'table',
      title: `Habits that go together (${r.pairs.significant.length} of ${r.pairs.tested} pairs at q ≤ ${FDR})`,
      headers: ['habit', 'with', 'rate with', 'rate without', 'φ', 'p', 'q', 'days'],
      numeric: [false, false, true, true, true, true, true, true],
      rows: r.pairs.significant.map((f) => [
        f.b.name,
        f.a.name,
        percent(f.rate_with),
        percent(f.rate_without),
        fixed(f.phi),
        pText(f.p).replace('p ', ''),
        pText(f.q, 'q').replace('q ', ''),
        String(f.n),
      ]),
    });
  if (r.focus.significant.length > 0)
    blocks.push({
      kind: 'table',
      title: `Habits and focus time (${r.focus.significant.length} of ${r.focus.tested} habits at q ≤ ${FDR})`,
      headers: ['habit', 'focus when done', 'otherwise', 'r', 'p', 'q', 'days'],
      numeric: [false, true, true, true, true, true, true],
      rows: r.focus.significant.map((f) => [
        f.habit.name,
        `${Math.round(f.minutes_done)} min`,
        `${Math.round(f.minutes_not_done)} min`,
        fixed(f.r),
        pText(f.p).replace('p ', ''),
        pText(f.q, 'q').replace('q ', ''),
        String(f.n),
      ]),
    });
  if (r.goals.length > 0)
    blocks.push({
      kind: 'table',
      title: 'Goal forecasts',
      headers: ['goal', 'now → target', 'projected', '95 % interval', 'end date', 'verdict'],
      numeric: [false, true, false, false, false, false],
      rows: r.goals.map((g) => [
        g.title,
        `${g.current ?? '–'} → ${g.target}${g.unit ? ` ${g.unit}` : ''}`,
        g.projected ?? '–',
        g.interval ? `${g.interval[0]} – ${g.interval[1]}` : '–',
        g.target_date ?? '–',
        g.days !== null && (g.verdict === 'ahead' || g.verdict === 'behind')
          ? `${g.verdict.replace('_', ' ')} ${Math.abs(g.days)}d`
          : g.verdict.replace('_', ' '),
      ]),
    });
  blocks.push({
    kind: 'note',
    lines: [
      `${r.pairs.tested} habit pairs and ${r.focus.tested} habit–focus links tested; findings hold at a false discovery rate of 5 % (Benjamini–Hochberg). Permutation seed ${options.seed}. Correlation is not causation.`,
    ],
  });
  return {
    json: {
      report: 'insights',
      ...headerJson(header),
      seed: options.seed,
      findings: r.findings,
      limits: r.limits,
      habits: r.habits,
      pairs: r.pairs,
      focus: r.focus,
      at_risk: r.at_risk,
      goals: r.goals,
    },
    doc: { header, blocks, ...(options.explain ? { explain: INSIGHTS_EXPLAIN } : {}) },
  };
}
