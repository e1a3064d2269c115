import type { FullHabit as Habit, HabitCheck, HabitSkip } from '@loggd/sdk';
import { dateOf, WEEKDAY_NAMES, type WeekdayName, weekdayIndex, weekdayOf, wireInstant } from './calendar.js';
import { stamp, type UserContext } from './context.js';
import { nextId } from './ids.js';
import { computeHabitStats } from './streaks.js';

/** A habit the generator can instantiate, plus how its owner behaves. */
export interface HabitTemplate {
  name: string;
  description: string | null;
  emoji: string;
  color: string;
  frequency: 'daily' | 'custom' | 'weekly';
  custom_days?: WeekdayName[];
  weekly_target?: number;
  tracking_mode?: string;
  daily_time_goal?: number;
  allow_multiple_checks?: boolean;
  /** Chance of doing a due day (or of meeting the weekly target). */
  p: number;
  /** Typical local check time, seconds after midnight, and the ± spread around it. */
  time: number;
  spread: number;
  /** Share of the history elapsed before the habit started (0 = from the first day). */
  startShare?: number;
  /** Archived this many days before today (its checks stop then). */
  archivedDaysAgo?: number;
  /** Unchecked days are often marked as rest days. */
  restSkips?: boolean;
  /** The last N due days are all done, so the demo shows a live streak. */
  streakTail?: number;
  /**
   * A planted correlation (so `loggd insights` has something true to find): on days the named habit (an earlier
   * template of the same round) was checked, this one's chance rises by `up`; on the other days it falls by `down`.
   */
  pairedWith?: { habit: string; up: number; down: number };
  /** A planted correlation with focus time: the days this habit is checked get more focus sessions (focus-gen.ts). */
  focusLift?: number;
}

/**
 * The days each habit with a `focusLift` was checked (local day numbers) and the lift: focus-gen.ts reads them to
 * plant more focus on those days.
 */
export const plantedFocusDays = new WeakMap<Habit, { days: Set<number>; lift: number }>();

const H = 3600;

/** The demo account's habits: daily, custom days and weekly targets, active and archived. */
export const DEMO_HABITS: readonly HabitTemplate[] = [
  {
    name: 'Morning Exercise',
    description: '30 minutes of cardio or strength',
    emoji: '💪',
    color: '#10B981',
    frequency: 'daily',
    p: 0.65,
    time: 7 * H,
    spread: 2400,
    restSkips: true,
    streakTail: 14,
  },
  {
    name: 'Read 20 pages',
    description: null,
    emoji: '📚',
    color: '#3B82F6',
    frequency: 'daily',
    p: 0.75,
    time: 22 * H,
    spread: 2700,
    streakTail: 5,
  },
  {
    name: 'Meditate',
    description: 'Ten quiet minutes',
    emoji: '🧘',
    color: '#8B5CF6',
    frequency: 'daily',
    tracking_mode: 'time',
    daily_time_goal: 10,
    p: 0.55,
    time: 7.5 * H,
    spread: 1800,
    // Planted: meditation follows the morning workout, and meditation days hold more focus time.
    pairedWith: { habit: 'Morning Exercise', up: 0.3, down: 0.35 },
    focusLift: 0.3,
  },
  {
    name: 'Drink water',
    description: '8 glasses',
    emoji: '💧',
    color: '#06B6D4',
    frequency: 'daily',
    allow_multiple_checks: true,
    p: 0.9,
    time: 13 * H,
    spread: 4 * H,
  },
  {
    name: 'Gym',
    description: 'Strength training',
    emoji: '🏋️',
    color: '#EF4444',
    frequency: 'custom',
    custom_days: ['monday', 'wednesday', 'friday'],
    p: 0.8,
    time: 18.5 * H,
    spread: 2400,
    restSkips: true,
  },
  {
    name: 'Spanish practice',
    description: 'Duolingo plus one podcast',
    emoji: '🇪🇸',
    color: '#F59E0B',
    frequency: 'custom',
    custom_days: ['tuesday', 'thursday', 'saturday'],
    p: 0.7,
    time: 20 * H,
    spread: 3600,
  },
  {
    name: 'Run',
    description: null,
    emoji: '🏃',
    color: '#22C55E',
    frequency: 'weekly',
    weekly_target: 3,
    p: 0.7,
    time: 8 * H,
    spread: 3600,
    restSkips: true,
  },
  {
    name: 'Call family',
    description: null,
    emoji: '📞',
    color: '#F97316',
    frequency: 'weekly',
    weekly_target: 1,
    p: 0.85,
    time: 19 * H,
    spread: 3600,
  },
  {
    name: 'Journal',
    description: 'Three lines before bed',
    emoji: '✍️',
    color: '#A855F7',
    frequency: 'daily',
    p: 0.85,
    time: 23.25 * H,
    spread: 1500,
    startShare: 0.65,
  },
  {
    name: 'Floss',
    description: null,
    emoji: '🦷',
    color: '#14B8A6',
    frequency: 'daily',
    p: 0.6,
    time: 21.75 * H,
    spread: 1200,
    // Planted: flossing goes with the evening reading.
    pairedWith: { habit: 'Read 20 pages', up: 0.2, down: 0.4 },
  },
  {
    name: 'No sugar',
    description: 'No sweets or soda',
    emoji: '🍬',
    color: '#EC4899',
    frequency: 'daily',
    p: 0.6,
    time: 21 * H,
    spread: 1800,
    archivedDaysAgo: 150,
  },
  {
    name: 'Cold shower',
    description: null,
    emoji: '🚿',
    color: '#0EA5E9',
    frequency: 'custom',
    custom_days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    p: 0.65,
    time: 7 * H,
    spread: 1800,
    archivedDaysAgo: 60,
  },
];

/** The second user's habits: evening check-ins land on the next UTC day in New York. */
export const OTHER_HABITS: readonly HabitTemplate[] = [
  {
    name: 'Evening walk',
    description: null,
    emoji: '🚶',
    color: '#10B981',
    frequency: 'daily',
    p: 0.75,
    time: 21.5 * H,
    spread: 3600,
    streakTail: 3,
  },
  {
    name: 'Piano',
    description: 'Scales, then one piece',
    emoji: '🎹',
    color: '#6366F1',
    frequency: 'custom',
    custom_days: ['sunday', 'tuesday', 'thursday'],
    p: 0.7,
    time: 19 * H,
    spread: 3600,
  },
  {
    name: 'Swim',
    description: null,
    emoji: '🏊',
    color: '#0EA5E9',
    frequency: 'weekly',
    weekly_target: 2,
    p: 0.7,
    time: 7 * H,
    spread: 1800,
  },
  {
    name: 'Learn guitar',
    description: null,
    emoji: '🎸',
    color: '#F59E0B',
    frequency: 'daily',
    p: 0.5,
    time: 20 * H,
    spread: 3600,
    archivedDaysAgo: 90,
  },
];

/** The downgraded user's habits. */
export const DOWNGRADED_HABITS: readonly HabitTemplate[] = [
  {
    name: 'Stretch',
    description: null,
    emoji: '🤸',
    color: '#22C55E',
    frequency: 'daily',
    p: 0.6,
    time: 9 * H,
    spread: 1800,
  },
  {
    name: 'Plan tomorrow',
    description: null,
    emoji: '🗒️',
    color: '#3B82F6',
    frequency: 'custom',
    custom_days: ['sunday', 'wednesday'],
    p: 0.7,
    time: 21 * H,
    spread: 1800,
  },
];

const NOTES = ['Felt great today', 'Hard one', 'Short version', 'With a friend', 'Finally!'] as const;
const SKIP_NOTES = { vacation: 'Vacation', sick: null, rest: 'Recovery day', other: null } as const;
const MIN_CHECK_SECOND = 5 * H;

/** Per-habit generation state, kept in parallel arrays so the day loop allocates only records. */
interface HabitPlan {
  template: HabitTemplate;
  habit: Habit;
  startDay: number;
  endDay: number;
  due: boolean[];
  checks: HabitCheck[];
  skips: HabitSkip[];
  doneBefore: boolean;
  weekMask: number;
  /** The plan whose checks this one follows (template's pairedWith), and the last day this one was checked. */
  partner: HabitPlan | null;
  lastChecked: number;
}

/** The habits' checks, skips and streaks for one user, written into `into`. */
export interface HabitHistory {
  habits: Habit[];
  checks: Map<number, HabitCheck[]>;
  skips: Map<number, HabitSkip[]>;
}

/**
 * Build `count` habits from `templates` (cycled, with a number suffix past the first round) and their
 * day-by-day history: checks (ids rising with time), vacation/sick/rest skips, then the streak fields.
 */
export function generateHabits(
  ctx: UserContext,
  templates: readonly HabitTemplate[],
  count: number,
): HabitHistory {
  const { rng, today, firstDay } = ctx;
  const span = today - firstDay;
  const plans: HabitPlan[] = [];
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length]!;
    const round = Math.floor(i / templates.length);
    const share = round === 0 ? (template.startShare ?? 0) : rng.next() * 0.3;
    const startDay = firstDay + Math.round(span * share);
    const endDay =
      template.archivedDaysAgo !== undefined ? Math.max(startDay, today - template.archivedDaysAgo) : today;
    const createdAt = stamp(ctx, startDay, 8 * H + rng.int(0, 3600));
    const habit: Habit = {
      id: nextId(ctx.ids, 'habit'),
      name: round === 0 ? template.name : `${template.name} ${round + 1}`,
      description: template.description,
      emoji: template.emoji,
      color: template.color,
      url: null,
      frequency: template.frequency,
      custom_days: template.custom_days ? [...template.custom_days] : null,
      tracking_mode: template.tracking_mode ?? 'check',
      weekly_target: template.weekly_target ?? null,
      daily_time_goal: template.daily_time_goal ?? null,
      data_source: null,
      allow_multiple_checks: template.allow_multiple_checks ?? false,
      display_order: i + 1,
      current_streak: 0,
      longest_streak: 0,
      status: template.archivedDaysAgo !== undefined ? 'archived' : 'active',
      start_date: dateOf(startDay),
      checked_today: false,
      last_checked_at: null,
      created_at: createdAt,
      updated_at: createdAt,
    };
    const due = WEEKDAY_NAMES.map(
      (name) => template.frequency !== 'custom' || template.custom_days!.includes(name),
    );
    plans.push({
      template,
      habit,
      startDay,
      endDay,
      due,
      checks: [],
      skips: [],
      doneBefore: true,
      weekMask: 0,
      partner: null,
      lastChecked: Number.NEGATIVE_INFINITY,
    });
  }
  for (const plan of plans) {
    const pair = plan.template.pairedWith;
    if (!pair) continue;
    const round = plans.indexOf(plan) - (plans.indexOf(plan) % templates.length);
    plan.partner =
      plans.slice(round, plans.indexOf(plan)).find((other) => other.template.name === pair.habit) ?? null;
  }
  const focusDays = new Map<HabitPlan, Set<number>>();
  // Focus is planted from the first round's habit only: copies at larger scales would pile their lifts up.
  for (const plan of plans.slice(0, templates.length))
    if (plan.template.focusLift) {
      const days = new Set<number>();
      focusDays.set(plan, days);
      plantedFocusDays.set(plan.habit, { days, lift: plan.template.focusLift });
    }

  // One vacation week about four months back and two sick days six weeks back, when the history reaches them.
  const vacationStart = today - 120;
  const sickStart = today - 45;
  for (let day = firstDay; day <= today; day++) {
    const weekday = weekdayOf(day);
    const weekOffset = (weekday - ctx.weekStart + 7) % 7;
    const onVacation = day >= vacationStart && day < vacationStart + 7;
    const sick = day === sickStart || day === sickStart + 1;
    for (const plan of plans) {
      if (day < plan.startDay || day > plan.endDay) continue;
      const t = plan.template;
      if (t.frequency === 'weekly' && (weekOffset === 0 || day === plan.startDay)) {
        plan.weekMask = drawWeek(ctx, t.weekly_target ?? 1, t.p);
      }
      const isDue = t.frequency === 'weekly' ? (plan.weekMask & (1 << weekOffset)) !== 0 : plan.due[weekday]!;
      if (onVacation) {
        if (plan.due[weekday]) addSkip(ctx, plan, day, 'vacation');
        continue;
      }
      if (!isDue) continue;
      if (sick && t.frequency !== 'weekly') {
        addSkip(ctx, plan, day, 'sick');
        continue;
      }
      const inTail = t.streakTail !== undefined && day > today - t.streakTail;
      let q =
        t.frequency === 'weekly' || inTail ? 1 : plan.doneBefore ? Math.min(0.97, t.p + 0.1) : t.p - 0.15;
      if (plan.partner && !inTail) {
        const { up, down } = t.pairedWith!;
        q = Math.min(0.97, Math.max(0.03, plan.partner.lastChecked === day ? q + up : q - down));
      }
      if (rng.next() < q) {
        const landed = addChecks(ctx, plan, day);
        plan.doneBefore = landed || plan.doneBefore;
        if (landed) {
          plan.lastChecked = day;
          focusDays.get(plan)?.add(day);
        }
      } else {
        plan.doneBefore = false;
        if (t.restSkips && rng.next() < 0.3) addSkip(ctx, plan, day, 'rest');
        else if (rng.next() < 0.02) addSkip(ctx, plan, day, 'other');
      }
    }
  }

  const checks = new Map<number, HabitCheck[]>();
  const skips = new Map<number, HabitSkip[]>();
  for (const plan of plans) {
    plan.checks.reverse();
    plan.skips.reverse();
    const h = plan.habit;
    checks.set(h.id, plan.checks);
    skips.set(h.id, plan.skips);
    Object.assign(h, computeHabitStats(h, plan.checks, plan.skips, today, ctx.weekStart));
    if (h.status === 'archived') h.updated_at = stamp(ctx, plan.endDay + 1, 9 * H);
    else if (h.last_checked_at !== null && h.last_checked_at > h.updated_at) h.updated_at = h.last_checked_at;
  }
  return { habits: plans.map((p) => p.habit), checks, skips };
}

/** Which days of a week (bits by offset from the week start) a weekly habit gets done. */
function drawWeek(ctx: UserContext, target: number, p: number): number {
  const k =
    ctx.rng.next() < p ? Math.min(7, target + (ctx.rng.next() < 0.3 ? 1 : 0)) : ctx.rng.int(0, target - 1);
  let mask = 0;
  let placed = 0;
  while (placed < k) {
    const bit = 1 << ctx.rng.int(0, 6);
    if (!(mask & bit)) {
      mask |= bit;
      placed++;
    }
  }
  return mask;
}

/** Check a day (1–3 rows for multi-check habits); today only at times already past. Returns whether any landed. */
function addChecks(ctx: UserContext, plan: HabitPlan, day: number): boolean {
  const { rng } = ctx;
  const t = plan.template;
  const rows = t.allow_multiple_checks ? rng.int(1, 3) : 1;
  let second = Math.max(MIN_CHECK_SECOND, Math.min(86_399, t.time + rng.int(-t.spread, t.spread)));
  let landed = false;
  for (let r = 0; r < rows; r++) {
    if (day === ctx.today && second > ctx.nowSecond) break;
    const roll = rng.next();
    plan.checks.push({
      id: nextId(ctx.ids, 'check'),
      date: dateOf(day),
      source: roll < 0.9 ? 'manual' : roll < 0.97 ? 'reminder' : 'api',
      note: roll < 0.04 ? NOTES[Math.floor(roll * 100) % NOTES.length]! : null,
      contribution_count: 1,
      checked_at: wireInstant(ctx.zone.toUtc(day, second)),
    });
    landed = true;
    second = Math.min(86_399, second + rng.int(1800, 3 * H));
  }
  return landed;
}

function addSkip(ctx: UserContext, plan: HabitPlan, day: number, reason: HabitSkip['reason']): void {
  plan.skips.push({ id: nextId(ctx.ids, 'skip'), date: dateOf(day), reason, note: SKIP_NOTES[reason] });
}

/** Weekday index of a profile's week_start_day (monday when unknown). */
export function weekStartIndex(name: string): number {
  return Math.max(0, weekdayIndex(name));
}
