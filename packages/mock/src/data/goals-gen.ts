import type { Goal, GoalUpdate, Milestone } from '@loggd/sdk';
import { dateOf, wireInstant } from './calendar.js';
import { instant, stamp, type UserContext } from './context.js';
import { recomputeGoalStats } from './goal-stats.js';
import { nextId } from './ids.js';

const H = 3600;

/** A goal the generator can instantiate, plus how its owner progresses. */
export interface GoalTemplate {
  title: string;
  description: string | null;
  life_area: string;
  time_horizon: Goal['time_horizon'];
  status: Goal['status'];
  /** Started this many days before today; target date this many days after the start. */
  startedDaysAgo: number;
  durationDays: number;
  metric?: {
    unit: string;
    start: number;
    target: number;
    decrease?: boolean;
    decimals: number;
    /** Actual pace relative to the linear plan (1 = exactly on pace). */
    pace: number;
    stepDays: number;
    /** Updates stop this many days after the start (abandoned goals). */
    stopAfterDays?: number;
  };
  milestones?: readonly string[];
  /** Milestones done so far. */
  milestonesDone?: number;
}

/** The demo account's goals: metric (up and down) and milestone goals, in every status. */
export const DEMO_GOALS: readonly GoalTemplate[] = [
  {
    title: 'Half marathon',
    description: 'Build the long run up to 21 km',
    life_area: 'health',
    time_horizon: 'quarterly',
    status: 'completed',
    startedDaysAgo: 300,
    durationDays: 90,
    metric: { unit: 'km', start: 5, target: 21, decimals: 1, pace: 1.15, stepDays: 7 },
  },
  {
    title: 'Save 5000 EUR',
    description: 'Emergency fund',
    life_area: 'finance',
    time_horizon: '3_year',
    status: 'active',
    startedDaysAgo: 280,
    durationDays: 1095,
    metric: { unit: 'EUR', start: 0, target: 5000, decimals: 0, pace: 1.05, stepDays: 30 },
  },
  {
    title: 'Meditate 100 sessions',
    description: null,
    life_area: 'mind',
    time_horizon: 'quarterly',
    status: 'abandoned',
    startedDaysAgo: 220,
    durationDays: 90,
    metric: {
      unit: 'sessions',
      start: 0,
      target: 100,
      decimals: 0,
      pace: 0.4,
      stepDays: 6,
      stopAfterDays: 45,
    },
  },
  {
    title: 'Run 500 km',
    description: null,
    life_area: 'health',
    time_horizon: 'yearly',
    status: 'active',
    startedDaysAgo: 200,
    durationDays: 365,
    metric: { unit: 'km', start: 0, target: 500, decimals: 1, pace: 1.2, stepDays: 5 },
  },
  {
    title: 'Reach Spanish B1',
    description: 'Comfortable conversations on holiday',
    life_area: 'growth',
    time_horizon: 'yearly',
    status: 'active',
    startedDaysAgo: 150,
    durationDays: 365,
    milestones: [
      'Finish A1 course',
      'Finish A2 course',
      'Hold a 10-minute conversation',
      'Read a short novel',
      'Pass a B1 mock exam',
    ],
    milestonesDone: 2,
  },
  {
    title: 'Read 24 books',
    description: 'Two books per month',
    life_area: 'growth',
    time_horizon: 'yearly',
    status: 'active',
    startedDaysAgo: 100,
    durationDays: 365,
    metric: { unit: 'books', start: 0, target: 24, decimals: 0, pace: 1.05, stepDays: 9 },
  },
  {
    title: 'Launch side project',
    description: null,
    life_area: 'career',
    time_horizon: 'quarterly',
    status: 'paused',
    startedDaysAgo: 80,
    durationDays: 90,
    milestones: ['Landing page', 'Private beta', 'First paying user', 'Public launch'],
    milestonesDone: 1,
  },
  {
    title: 'Lose 6 kg',
    description: null,
    life_area: 'health',
    time_horizon: 'quarterly',
    status: 'active',
    startedDaysAgo: 50,
    durationDays: 90,
    metric: { unit: 'kg', start: 82, target: 76, decrease: true, decimals: 1, pace: 0.55, stepDays: 7 },
  },
];

/** The second user's goals. */
export const OTHER_GOALS: readonly GoalTemplate[] = [
  {
    title: 'Practice piano 60 hours',
    description: null,
    life_area: 'growth',
    time_horizon: 'yearly',
    status: 'active',
    startedDaysAgo: 120,
    durationDays: 365,
    metric: { unit: 'hours', start: 0, target: 60, decimals: 1, pace: 0.9, stepDays: 10 },
  },
  {
    title: 'Move to a new flat',
    description: null,
    life_area: 'home',
    time_horizon: 'monthly',
    status: 'active',
    startedDaysAgo: 12,
    durationDays: 30,
    milestones: ['Shortlist flats', 'Sign the lease', 'Move boxes'],
    milestonesDone: 1,
  },
];

const UPDATE_NOTES = ['Good week', 'Slow progress', 'Back on track', 'Finished one more'] as const;

interface UpdateDraft {
  goal: Goal;
  ms: number;
  value: number;
  note: string | null;
}

/** Goals (`count` from the templates, cycled) with milestones and metric update histories, stats recomputed. */
export function generateGoals(
  ctx: UserContext,
  templates: readonly GoalTemplate[],
  count: number,
): { goals: Goal[]; updates: Map<number, GoalUpdate[]> } {
  const { rng, today, firstDay } = ctx;
  const goals: Goal[] = [];
  const drafts: UpdateDraft[] = [];
  const order = Array.from({ length: count }, (_, i) => i);
  const startOf = (i: number) => Math.max(firstDay, today - templates[i % templates.length]!.startedDaysAgo);
  order.sort((a, b) => startOf(a) - startOf(b) || a - b);
  for (const i of order) {
    const t = templates[i % templates.length]!;
    const round = Math.floor(i / templates.length);
    const startDay = startOf(i);
    const targetDay = startDay + t.durationDays;
    const created = stamp(ctx, startDay, 9 * H + rng.int(0, 2 * H));
    const metric = t.metric;
    const goal: Goal = {
      id: nextId(ctx.ids, 'goal'),
      title: round === 0 ? t.title : `${t.title} ${round + 1}`,
      description: t.description,
      notes: null,
      life_area: t.life_area,
      time_horizon: t.time_horizon,
      tracking_type: metric ? 'metric' : 'milestone',
      status: t.status,
      progress_percentage: 0,
      is_on_track: true,
      trend: 'neutral',
      metric_unit: metric?.unit ?? null,
      metric_start_value: metric?.start ?? null,
      metric_target_value: metric?.target ?? null,
      metric_current_value: metric?.start ?? null,
      metric_decrease: metric?.decrease ?? false,
      metric_value_type: metric ? (metric.decimals > 0 ? 'decimal' : 'integer') : null,
      last_update_note: null,
      started_at: dateOf(startDay),
      target_date: dateOf(targetDay),
      completed_at: null,
      last_reviewed_at: null,
      updates_count: 0,
      milestones: [],
      created_at: created,
      updated_at: created,
    };
    if (t.milestones) goal.milestones = buildMilestones(ctx, t, startDay, targetDay);
    let endMs = Date.parse(created);
    if (metric) endMs = draftUpdates(ctx, goal, t, startDay, targetDay, drafts);
    for (const m of goal.milestones) {
      if (m.completed_at) endMs = Math.max(endMs, Date.parse(m.completed_at));
    }
    if (t.status === 'completed') goal.completed_at = wireInstant(endMs);
    if (goal.tracking_type === 'milestone') {
      const done = goal.milestones.filter((m) => m.completed_at).map((m) => m.completed_at!);
      goal.last_reviewed_at = done.length > 0 ? done.sort().at(-1)! : null;
    }
    goal.updated_at = wireInstant(Math.max(endMs, Date.parse(created)));
    goals.push(goal);
  }

  // Ids rise with time across goals, so "newest first" is also "highest id first".
  drafts.sort((a, b) => a.ms - b.ms);
  const updates = new Map<number, GoalUpdate[]>(goals.map((g) => [g.id, []]));
  for (const d of drafts) {
    const at = wireInstant(d.ms);
    updates.get(d.goal.id)!.push({
      id: nextId(ctx.ids, 'goalUpdate'),
      metric_value: d.value,
      note: d.note,
      update_date: at,
      created_at: at,
    });
  }
  for (const list of updates.values()) list.reverse();
  const timeZone = ctx.zone.timeZone;
  return {
    goals: goals.map((g) => recomputeGoalStats(g, updates.get(g.id)!, ctx.nowMs, timeZone)),
    updates,
  };
}

function buildMilestones(
  ctx: UserContext,
  t: GoalTemplate,
  startDay: number,
  targetDay: number,
): Milestone[] {
  const titles = t.milestones!;
  return titles.map((title, k) => {
    const due = startDay + Math.round(((k + 1) * (targetDay - startDay)) / titles.length);
    const done = t.milestonesDone ?? 0;
    const completed = k < done;
    // Completed milestones are spread over the time elapsed so far, in order.
    const elapsed = Math.min(ctx.today, targetDay) - startDay;
    const doneDay = startDay + Math.round(((k + 1) * elapsed) / (done + 1)) - ctx.rng.int(0, 2);
    return {
      id: nextId(ctx.ids, 'milestone'),
      title,
      completed,
      order: k + 1,
      target_date: dateOf(due),
      completed_at: completed ? stamp(ctx, Math.max(startDay, doneDay), 19 * H + k * 60) : null,
    };
  });
}

/** Metric values along the goal's pace with some noise; returns the instant of the last one. */
function draftUpdates(
  ctx: UserContext,
  goal: Goal,
  t: GoalTemplate,
  startDay: number,
  targetDay: number,
  drafts: UpdateDraft[],
): number {
  const m = t.metric!;
  const { rng } = ctx;
  const span = m.target - m.start;
  const factor = 10 ** m.decimals;
  const stop = Math.min(ctx.today, m.stopAfterDays !== undefined ? startDay + m.stopAfterDays : ctx.today);
  let last = Date.parse(goal.created_at);
  let previous = m.start;
  for (let day = startDay + m.stepDays; day <= stop; day += m.stepDays + rng.int(-1, 1)) {
    const share = Math.min(1, (m.pace * (day - startDay)) / (targetDay - startDay));
    const noisy = m.start + span * share + span * 0.03 * (rng.next() - 0.5);
    // Progress is mostly monotone; clamp to the target so only completed goals reach it.
    const bounded = span >= 0 ? Math.min(m.target, noisy) : Math.max(m.target, noisy);
    const value = Math.round(bounded * factor) / factor;
    const ms = instant(ctx, day, 19 * H + rng.int(0, 3 * H));
    if (ms <= last) break;
    drafts.push({ goal, ms, value, note: rng.next() < 0.25 ? rng.pick(UPDATE_NOTES) : null });
    last = ms;
    previous = value;
    if (value === m.target) break;
  }
  if (t.status === 'completed' && previous !== m.target) {
    last = Math.min(ctx.nowMs, last + 86_400_000);
    drafts.push({ goal, ms: last, value: m.target, note: 'Done!' });
  }
  return last;
}
