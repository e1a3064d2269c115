import { isoOf, isoWeekLabel } from '../compute/calendar.js';
import { dayMarks } from '../compute/habits.js';
import type { Period, ReportSettings } from '../compute/period.js';
import { review } from '../compute/review.js';
import { type Block, change, hours, pct, type ReportDocument } from '../document.js';
import { EXPLAIN } from '../explain.js';
import type { LoadedReport } from '../load.js';
import { headerJson, reportHeader } from './header.js';

export interface Built {
  json: Record<string, unknown>;
  doc: ReportDocument;
}

const streakText = (n: number, unit: 'day' | 'week') => `${n}${unit === 'day' ? 'd' : 'w'}`;

/** `loggd report weekly|monthly`: the review of one period against the previous one. */
export function buildReview(
  data: LoadedReport,
  period: Period,
  kind: 'week' | 'month',
  settings: ReportSettings,
  explain: boolean,
): Built {
  const r = review(data, period, kind, settings, { tasks: data.taskNames, habits: data.habitNames });
  const label = kind === 'week' ? isoWeekLabel(period.from) : undefined;
  const header = reportHeader(kind === 'week' ? 'Weekly review' : 'Monthly review', period, settings, label);
  const prevName = kind === 'week' ? 'last week' : 'last month';
  const blocks: Block[] = [
    {
      kind: 'summary',
      title: `Summary (vs ${prevName})`,
      rows: [
        {
          label: 'Habits done / due',
          value: `${r.current.habits_done}/${r.current.habits_due} (${pct(r.current.completion_rate)})`,
          ...opt(
            change(
              r.current.completion_rate,
              r.previous.completion_rate,
              (n) => `${(n * 100).toFixed(1)} pts`,
            ),
          ),
        },
        {
          label: 'Focus',
          value: hours(r.current.focus_seconds),
          ...opt(change(r.current.focus_seconds, r.previous.focus_seconds, hours)),
        },
        {
          label: 'Tasks created / completed',
          value: `${r.current.tasks_created} / ${r.current.tasks_completed}`,
          ...opt(change(r.current.tasks_completed, r.previous.tasks_completed, (n) => `${n} completed`)),
        },
        {
          label: 'Focus points',
          value: String(r.current.points),
          ...opt(change(r.current.points, r.previous.points, String)),
        },
      ],
    },
    {
      kind: 'marks',
      title: 'Habits',
      dates:
        r.habits.length === 0
          ? []
          : Array.from({ length: period.to - period.from + 1 }, (_, i) => isoOf(period.from + i)),
      rows: r.habits.map((h) => ({
        label: h.name,
        marks: dayMarks(h.marks),
        suffix: `${h.done}/${h.due} ${pct(h.completion_rate).padStart(4)} ${arrow(h.completion_rate, h.previous_completion_rate)} streak ${streakText(h.current_streak, h.streak_unit)}${h.at_risk ? ' at risk' : ''} · best ${streakText(h.longest_streak, h.streak_unit)}`,
      })),
    },
    {
      kind: 'bars',
      title: 'Focus hours per day',
      rows: r.focus.days
        .filter((d) => d.date <= header.as_of)
        .map((d) => ({ label: d.date, value: d.seconds, display: hours(d.seconds) })),
    },
    {
      kind: 'table',
      title: 'Tasks',
      headers: ['', 'created', 'completed', 'cancelled', 'net'],
      numeric: [false, true, true, true, true],
      rows: [
        ['this period', ...[r.tasks.created, r.tasks.completed, r.tasks.cancelled, r.tasks.net].map(String)],
      ],
    },
    {
      kind: 'table',
      title: 'Goals that moved',
      headers: ['goal', 'progress', 'change', 'pace'],
      numeric: [false, true, true, false],
      rows: r.goals.map((g) => [
        g.title,
        `${Math.round(g.progress)}%`,
        `${g.change!.points >= 0 ? '+' : '−'}${Math.abs(g.change!.points).toFixed(1)} pts`,
        g.on_track ? 'on track' : `behind by ${Math.abs(g.delta ?? 0).toFixed(0)} pts`,
      ]),
    },
  ];
  if (r.goals.length === 0) blocks.pop();
  return {
    json: {
      report: kind === 'week' ? 'weekly' : 'monthly',
      ...headerJson(header),
      summary: r.current,
      previous: r.previous,
      habits: r.habits,
      focus: {
        total_seconds: r.focus.total_seconds,
        sessions: r.focus.sessions,
        points: r.focus.points,
        days: r.focus.days,
      },
      tasks: r.tasks,
      goals_moved: r.goals,
    },
    doc: {
      header,
      blocks,
      ...(explain
        ? {
            explain: [
              EXPLAIN.days,
              EXPLAIN.due,
              EXPLAIN.completion,
              EXPLAIN.streaks,
              EXPLAIN.focus,
              EXPLAIN.tasks,
              EXPLAIN.goals,
              EXPLAIN.points,
            ],
          }
        : {}),
    },
  };
}

function opt<T>(value: T | undefined): { change?: T } {
  return value === undefined ? {} : { change: value };
}

function arrow(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return ' ';
  return current > previous + 1e-9 ? '↑' : current < previous - 1e-9 ? '↓' : '=';
}
