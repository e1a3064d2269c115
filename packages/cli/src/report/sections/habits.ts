import { isoOf } from '../compute/calendar.js';
import { combinedDays } from '../compute/habits.js';
import type { Period, ReportSettings } from '../compute/period.js';
import { allHabitFigures } from '../compute/review.js';
import { type Block, pct } from '../document.js';
import { EXPLAIN } from '../explain.js';
import type { LoadedReport } from '../load.js';
import { heatLevel } from '../render/glyphs.js';
import { headerJson, reportHeader } from './header.js';
import type { Built } from './review.js';

function heatCells(days: ReturnType<typeof combinedDays>) {
  return days.map((d) => ({
    date: d.date,
    level: d.due === 0 ? null : heatLevel(d.done / d.due),
    tip: `${d.date}: ${d.done}/${d.due} done`,
  }));
}

/** `loggd report habits`: a calendar heatmap per habit (or all combined) with rates, streaks and strength. */
export function buildHabits(
  data: LoadedReport,
  period: Period,
  settings: ReportSettings,
  explain: boolean,
  single: boolean,
): Built {
  const figures = allHabitFigures(data, period, settings);
  const header = reportHeader(
    single && figures[0] ? `Habit: ${figures[0].name}` : 'Habits',
    period,
    settings,
  );
  const blocks: Block[] = [];
  // Every habit's day over the range, combined once: the "all habits" heatmap and the JSON share it.
  const combined = combinedDays(figures, period);
  const groups = single ? figures.map((f) => [f]) : [figures];
  for (const group of groups) {
    const done = group.reduce((s, f) => s + f.done, 0);
    const due = group.reduce((s, f) => s + f.due, 0);
    blocks.push({
      kind: 'heatmap',
      title: single ? group[0]!.name : 'All habits',
      weekStart: settings.weekStart,
      cells: heatCells(single ? combinedDays(group, period) : combined),
      caption: `${done} done of ${due} due (${pct(due === 0 ? null : done / due)}) from ${isoOf(period.from)} to ${isoOf(Math.min(period.to, settings.today))}`,
    });
  }
  blocks.push({
    kind: 'table',
    title: 'Per habit',
    headers: ['habit', 'rule', 'done/due', 'rate', 'streak', 'best', 'strength'],
    numeric: [false, false, true, true, true, true, true],
    rows: figures.map((f) => {
      const u = f.streak_unit === 'day' ? 'd' : 'w';
      return [
        f.name,
        f.rule,
        `${f.done}/${f.due}`,
        pct(f.completion_rate),
        `${f.current_streak}${u}${f.at_risk ? ' !' : ''}`,
        `${f.longest_streak}${u}`,
        pct(f.strength),
      ];
    }),
  });
  blocks.push({ kind: 'note', lines: ['! = today (this week) not done yet: at risk, not broken.'] });
  return {
    json: {
      report: 'habits',
      ...headerJson(header),
      combined,
      habits: figures,
    },
    doc: {
      header,
      blocks,
      ...(explain
        ? { explain: [EXPLAIN.days, EXPLAIN.due, EXPLAIN.completion, EXPLAIN.streaks, EXPLAIN.strength] }
        : {}),
    },
  };
}
