import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { collectUpTo } from '../collect.js';
import type { ToolContext } from '../context.js';
import { checkRange, date, InputError, id, isIsoWeek } from '../inputs.js';
import type { Period, ReportSettings } from '../report-code.js';
import { listOutput, reportOutput } from '../shapes.js';
import { hours, LINE_FIELDS, line, listText, pct } from '../text.js';
import { addTool } from '../tool.js';

type Loggd = Awaited<ReturnType<ToolContext['client']>>;

// The report code loads on the first summary call, not before `tools/list` is answered.
const code = () => import('../report-code.js');
type Row = Record<string, unknown>;

/** Longest range the range summaries accept, in days (the API is paced at 300 requests a minute). */
export const MAX_RANGE_DAYS = 366;
/** Most active habits habits_pending_today looks at. */
export const PENDING_CAP = 500;

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The profile's zone (or the server's override), week start and today: what the CLI's reports use. */
async function settingsFor(ctx: ToolContext, loggd: Loggd): Promise<ReportSettings> {
  const { localDayOfInstant, weekdayIndex } = await code();
  const profile = await loggd.profile.get();
  const zone = ctx.timeZone ?? (validZone(profile.timezone) ? profile.timezone : 'UTC');
  return {
    zone,
    weekStart: Math.max(0, weekdayIndex(profile.week_start_day)),
    dayStartsAt: 0,
    today: localDayOfInstant(ctx.now().getTime(), zone, 0),
  };
}

function checkSpan(p: Period, isoOf: (day: number) => string): void {
  if (p.to - p.from + 1 > MAX_RANGE_DAYS)
    throw new InputError(
      `the range ${isoOf(p.from)} – ${isoOf(p.to)} is longer than ${MAX_RANGE_DAYS} days: give a shorter from/to`,
    );
}

const weekLabel = /^\d{4}-W\d{2}$/;

/** The summaries computed by the CLI's report code (the same figures as `loggd report … --format json`). */
export function registerSummaryTools(server: McpServer, ctx: ToolContext): void {
  addTool(
    server,
    ctx,
    'weekly_review',
    {
      title: 'Weekly review',
      description:
        "One week of the user's habits (done/due, streaks, at risk), focus per day, tasks created vs completed, goals that moved and points, compared with the week before: the CLI's `loggd report weekly`. Weeks follow the profile's week start and time zone.",
      inputSchema: {
        week: z
          .string()
          .regex(weekLabel, { message: 'week must be an ISO week YYYY-Www, e.g. 2026-W15' })
          .refine((w) => !weekLabel.test(w) || isIsoWeek(w), {
            message: 'week must be a week of that year (W01 to W52 or W53)',
          })
          .describe('ISO week, e.g. 2026-W15 (default: this week)')
          .optional(),
        date: date('date', 'any day of the week (instead of week)').optional(),
      },
      outputSchema: reportOutput,
    },
    async ({ week, date: day }, loggd) => {
      if (week && day) throw new InputError('give either week or date, not both');
      const { buildReport, dayOf, isoOf, isoWeekMonday, loadReportData, weekPeriod } = await code();
      const settings = await settingsFor(ctx, loggd);
      const anchor = week ? isoWeekMonday(week)! : day ? dayOf(day) : settings.today;
      const period = weekPeriod(anchor, settings.weekStart);
      const data = await loadReportData(
        loggd,
        { habits: true, tasks: true, goals: true, focus: true },
        { to: isoOf(Math.max(period.to, settings.today)) },
      );
      const json = buildReport('weekly', data, period, settings, {}).json;
      return { text: reviewText(json), data: json };
    },
  );

  addTool(
    server,
    ctx,
    'habit_heatmap_summary',
    {
      title: 'Habit heatmap summary',
      description: `Per habit (or one habit): completion rate, done/due, streaks and habit strength over a range, plus the combined daily heatmap: the CLI's \`loggd report habits\`. Default: the last 26 weeks; at most ${MAX_RANGE_DAYS} days.`,
      inputSchema: {
        habit_id: id('habit').optional(),
        from: date('from', 'first day').optional(),
        to: date('to', 'last day').optional(),
      },
      outputSchema: reportOutput,
    },
    async ({ habit_id, from, to }, loggd) => {
      checkRange(from, to);
      const { buildReport, isoOf, loadReportData, rangePeriod } = await code();
      const settings = await settingsFor(ctx, loggd);
      const period = rangePeriod({ from, to }, settings.today, settings.weekStart, 'week', 26);
      checkSpan(period, isoOf);
      const data = await loadReportData(
        loggd,
        { habits: true, ...(habit_id !== undefined ? { habitId: habit_id } : {}) },
        { to: isoOf(Math.max(period.to, settings.today)) },
      );
      if (habit_id !== undefined && data.habits.length === 0)
        throw Object.assign(new Error(`no habit with id ${habit_id}`), { code: 'not_found' });
      const json = buildReport(
        'habits',
        data,
        period,
        settings,
        habit_id !== undefined ? { habit: habit_id } : {},
      ).json;
      return { text: heatmapText(json, period, isoOf), data: json };
    },
  );

  addTool(
    server,
    ctx,
    'focus_summary',
    {
      title: 'Focus summary',
      description: `Focus time per day, week or month, by task, habit and tag, with session statistics: the CLI's \`loggd report focus\`. Default: the last 14 days (by day), 12 weeks or 12 months; at most ${MAX_RANGE_DAYS} days.`,
      inputSchema: {
        by: z
          .enum(['day', 'week', 'month'], { message: 'by must be one of day, week, month' })
          .default('day')
          .describe('bucket size: day, week, month'),
        from: date('from', 'first day').optional(),
        to: date('to', 'last day').optional(),
      },
      outputSchema: reportOutput,
    },
    async ({ by, from, to }, loggd) => {
      checkRange(from, to);
      const { buildReport, isoOf, loadReportData, rangePeriod } = await code();
      const settings = await settingsFor(ctx, loggd);
      const count = by === 'day' ? 14 : 12;
      const period = rangePeriod({ from, to }, settings.today, settings.weekStart, by, count);
      if (!from && by === 'month') period.from = Math.max(period.from, period.to - MAX_RANGE_DAYS + 1);
      checkSpan(period, isoOf);
      const data = await loadReportData(
        loggd,
        { focus: true, names: true },
        { to: isoOf(Math.max(period.to, settings.today)) },
      );
      const json = buildReport('focus', data, period, settings, { by }).json;
      return { text: focusText(json), data: json };
    },
  );

  addTool(
    server,
    ctx,
    'habits_pending_today',
    {
      title: 'Habits pending today',
      description:
        "Active habits due today and not yet checked, in the profile's time zone (like `loggd habits pending`): daily habits, custom-days habits on their days, weekly-target habits until the week has its target.",
      inputSchema: {},
      outputSchema: listOutput.extend({ date: z.string(), timezone: z.string() }),
    },
    async (_args, loggd) => {
      const [found, profile] = await Promise.all([
        collectUpTo(loggd.habits.list({ status: 'active', limit: 100 }), PENDING_CAP),
        loggd.profile.get(),
      ]);
      const { dueToday, localDay, weekStart } = await code();
      const zone = ctx.timeZone ?? (validZone(profile.timezone) ? profile.timezone : 'UTC');
      const day = localDay(ctx.now(), zone);
      const from = weekStart(day, profile.week_start_day);
      const unchecked = (found.items as unknown as Row[]).filter((h) => h.checked_today === false);
      const verdicts = await Promise.all(
        unchecked.map(async (h) => {
          const due = dueToday(h, day);
          if (due !== 'weekly') return due === 'due';
          const checks = await loggd.habits
            .checks(Number(h.id), { from, to: day.date, limit: 100 })
            .toArray();
          return new Set(checks.map((c) => c.date)).size < Number(h.weekly_target);
        }),
      );
      const pending = unchecked.filter((_, i) => verdicts[i]);
      const { title, fields } = LINE_FIELDS.habit;
      const text = listText(
        `habits pending today (${day.date}, ${zone})`,
        pending,
        found.truncated,
        PENDING_CAP,
        (h) => line(h, title, fields),
      );
      return {
        text:
          pending.length === 0 && !found.truncated ? `Nothing pending today (${day.date}, ${zone}).` : text,
        data: {
          items: pending,
          count: pending.length,
          truncated: found.truncated,
          limit: PENDING_CAP,
          date: day.date,
          timezone: zone,
        },
      };
    },
  );
}

function header(json: Row, title: string): string {
  const range = json.range as { from: string; to: string; label?: string };
  return `${title}${range.label ? ` ${range.label}` : ''} (${range.from} – ${range.to}, ${String(json.timezone)}, week starts ${String(json.week_start)}, as of ${String(json.as_of)})`;
}

function reviewText(json: Row): string {
  const s = json.summary as Row;
  const p = json.previous as Row;
  const focus = json.focus as Row;
  const tasks = json.tasks as Row;
  const lines = [
    header(json, 'Weekly review'),
    `Habits: ${String(s.habits_done)}/${String(s.habits_due)} done (${pct(s.completion_rate as number | null)}); week before ${pct(p.completion_rate as number | null)}`,
    `Focus: ${hours(Number(s.focus_seconds))} in ${String(focus.sessions)} sessions; week before ${hours(Number(p.focus_seconds))}`,
    `Tasks: ${String(tasks.created)} created, ${String(tasks.completed)} completed, ${String(tasks.cancelled)} cancelled; week before ${String(p.tasks_completed)} completed`,
    `Points: ${String(s.points)}; week before ${String(p.points)}`,
  ];
  const habits = json.habits as Row[];
  if (habits.length > 0) lines.push('Per habit:');
  for (const h of habits) {
    const unit = h.streak_unit === 'week' ? 'w' : 'd';
    lines.push(
      `- #${String(h.id)} ${String(h.name)}: ${String(h.done)}/${String(h.due)} (${pct(h.completion_rate as number | null)}), streak ${String(h.current_streak)}${unit}${h.at_risk ? ' at risk' : ''}, best ${String(h.longest_streak)}${unit}`,
    );
  }
  const goals = json.goals_moved as Row[];
  if (goals.length > 0) lines.push('Goals that moved:');
  for (const g of goals) {
    const change = (g.change as { points: number } | undefined)?.points ?? 0;
    lines.push(
      `- #${String(g.id)} ${String(g.title)}: ${Math.round(Number(g.progress))}% (${change >= 0 ? '+' : ''}${change.toFixed(1)} pts), ${g.on_track ? 'on track' : 'behind pace'}`,
    );
  }
  return lines.join('\n');
}

function heatmapText(json: Row, period: Period, isoOf: (day: number) => string): string {
  const lines = [header(json, 'Habits')];
  for (const h of json.habits as Row[]) {
    const unit = h.streak_unit === 'week' ? 'w' : 'd';
    lines.push(
      `- #${String(h.id)} ${String(h.name)} (${String(h.rule)}): ${pct(h.completion_rate as number | null)} (${String(h.done)}/${String(h.due)}, ${String(h.skipped)} skipped), streak ${String(h.current_streak)}${unit}, best ${String(h.longest_streak)}${unit}, strength ${pct(h.strength as number)}`,
    );
  }
  // The combined heatmap, one figure a week: the daily cells are in structuredContent.combined.
  const days = json.combined as { date: string; done: number; due: number }[];
  const weeks: string[] = [];
  for (let i = 0; i < days.length; i += 7) {
    const chunk = days.slice(i, i + 7);
    const done = chunk.reduce((n, d) => n + d.done, 0);
    const due = chunk.reduce((n, d) => n + d.due, 0);
    if (due > 0) weeks.push(`${isoOf(period.from + i)} ${pct(done / due)}`);
  }
  if (weeks.length > 0) lines.push(`Combined, per 7 days from: ${weeks.join(', ')}`);
  if ((json.habits as Row[]).length === 0) lines.push('No habit has history in this range.');
  return lines.join('\n');
}

function focusText(json: Row): string {
  const lines = [
    header(json, 'Focus'),
    `Total ${hours(Number(json.total_seconds))} in ${String(json.sessions)} sessions; average ${json.average_session_seconds === null ? 'n/a' : hours(Number(json.average_session_seconds))}; paused ${pct(json.pause_share as number | null)}; points ${String(json.points)}`,
  ];
  const buckets = json.buckets as { label: string; seconds: number }[];
  lines.push(`Per ${String(json.by)}: ${buckets.map((b) => `${b.label} ${hours(b.seconds)}`).join(', ')}`);
  for (const key of ['by_task', 'by_habit', 'by_tag'] as const) {
    const top = (json[key] as { name: string; seconds: number }[]).slice(0, 5);
    if (top.length > 0)
      lines.push(`Top ${key.slice(3)}s: ${top.map((t) => `${t.name} ${hours(t.seconds)}`).join(', ')}`);
  }
  return lines.join('\n');
}
