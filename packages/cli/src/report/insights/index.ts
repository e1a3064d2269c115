import { dayOf, isoOf, weekStartOf } from '../compute/calendar.js';
import type { Period, ReportSettings } from '../compute/period.js';
import type { ReportData } from '../compute/review.js';
import { type AtRisk, atRiskToday } from './at-risk.js';
import { type FocusResult, focusLinks, focusMinutesPerDay } from './focus-link.js';
import { type GoalForecast, goalForecast } from './goal-forecast.js';
import {
  BASELINE_WEEKS,
  RECENT_WEEKS,
  type TimeOfDay,
  type TrendFinding,
  timeOfDay,
  trendFinding,
  type WeekdayFinding,
  weekdayFinding,
} from './habit-patterns.js';
import { habitPairs, type PairsResult } from './pairs.js';
import {
  atRiskSentence,
  focusSentence,
  goalSentence,
  pairSentence,
  trendSentence,
  weekdaySentence,
} from './sentences.js';
import { countDays, type HabitSeries, habitSeries } from './series.js';

/** What insights read: a report's data plus each check's checked_at (parallel to its dates). */
export interface InsightsData extends ReportData {
  checkTimes?: ReadonlyMap<number, readonly string[]>;
}

export interface InsightsOptions {
  /** Seed of the permutation tests (same seed, same p-values). */
  seed: number;
}

export interface HabitInsight {
  id: number;
  name: string;
  rule: string;
  days: number;
  done: number;
  rate: number | null;
  /** Loop Habit Tracker's score as of today (compute/habits.ts). */
  strength: number;
  current_streak: number;
  streak_unit: 'day' | 'week';
  weekdays: WeekdayFinding;
  time_of_day: TimeOfDay;
  trend: TrendFinding;
}

export type FindingKind = 'pair' | 'focus' | 'weekday' | 'trend' | 'at_risk' | 'goal';

export interface Finding {
  kind: FindingKind;
  text: string;
}

export interface Insights {
  period: Period;
  habits: HabitInsight[];
  pairs: PairsResult;
  focus: FocusResult;
  at_risk: AtRisk[];
  goals: GoalForecast[];
  /** Supported findings, in plain words. */
  findings: Finding[];
  /** What could not be said, and why (too little data). */
  limits: string[];
}

/** The earliest day any selected habit has a record or starts on (for `--period all`), or null. */
export function firstDataDay(data: ReportData): number | null {
  let first: number | null = null;
  const see = (day: number) => {
    if (first === null || day < first) first = day;
  };
  for (const h of data.habits) {
    // Nothing before a start_date counts; without one, the first record starts the habit.
    if (h.start_date) {
      see(dayOf(h.start_date));
      continue;
    }
    let min = '';
    for (const d of data.checks.get(h.id) ?? []) if (min === '' || d < min) min = d;
    if (min !== '') see(dayOf(min));
  }
  return first;
}

/**
 * Every insight over `period` (which should end today): per habit weekday rates, time of day, trend and
 * strength; habit pairs; habit ↔ focus; streaks at risk today; goal forecasts; and the sentences that say
 * what holds. Pure: the bench and the tests call it on loaded data.
 */
export function computeInsights(
  data: InsightsData,
  period: Period,
  settings: ReportSettings,
  options: InsightsOptions,
): Insights {
  const { today, weekStart, zone, dayStartsAt } = settings;
  // The trend looks back RECENT_WEEKS + BASELINE_WEEKS whatever the period; one series covers both.
  const trendFrom = weekStartOf(today, weekStart) - (RECENT_WEEKS - 1 + BASELINE_WEEKS) * 7;
  const range = { from: Math.min(period.from, trendFrom), to: today };
  const analysed = { from: period.from, to: Math.min(period.to, today - 1) };
  const series: HabitSeries[] = [];
  for (const h of data.habits) {
    const s = habitSeries(
      h,
      data.checks.get(h.id) ?? [],
      data.skips.get(h.id) ?? [],
      range,
      today,
      weekStart,
    );
    if (countDays(s, range.from, today).days > 0 || s.figures.at_risk) series.push(s);
  }
  const inPeriod = series.filter((s) => countDays(s, analysed.from, analysed.to).days > 0);
  const fromIso = isoOf(analysed.from);
  const toIso = isoOf(analysed.to);
  const habits: HabitInsight[] = inPeriod.map((s) => {
    const c = countDays(s, analysed.from, analysed.to);
    return {
      id: s.habit.id,
      name: s.habit.name,
      rule: s.figures.rule,
      days: c.days,
      done: c.done,
      rate: c.days === 0 ? null : c.done / c.days,
      strength: s.figures.strength,
      current_streak: s.figures.current_streak,
      streak_unit: s.figures.streak_unit,
      weekdays: weekdayFinding(s, analysed, weekStart, inPeriod.length),
      time_of_day: timeOfDay(
        data.checks.get(s.habit.id) ?? [],
        data.checkTimes?.get(s.habit.id),
        fromIso,
        toIso,
        zone,
        dayStartsAt,
      ),
      trend: trendFinding(s, today, weekStart, inPeriod.length),
    };
  });
  const pairs = habitPairs(inPeriod, analysed);
  const focus = focusLinks(
    inPeriod,
    focusMinutesPerDay(data.focus, analysed, zone, dayStartsAt),
    analysed,
    options.seed,
  );
  const atRisk = atRiskToday(series, data.checks, data.checkTimes, today, zone, dayStartsAt);
  const goals = data.goals
    .filter((g) => g.status === 'active')
    .map((g) => goalForecast(g, data.goalUpdates.get(g.id) ?? [], today, zone, dayStartsAt))
    .filter((g): g is GoalForecast => g !== null);

  const findings: Finding[] = [];
  const limits: string[] = [];
  for (const f of pairs.significant) findings.push({ kind: 'pair', text: pairSentence(f, pairs.tested) });
  for (const f of focus.significant) findings.push({ kind: 'focus', text: focusSentence(f, focus.tested) });
  for (const h of habits) {
    const w = weekdaySentence(h.name, h.weekdays);
    if (w) findings.push({ kind: 'weekday', text: w });
    const t = trendSentence(h.name, h.trend);
    if (t) findings.push({ kind: 'trend', text: t });
  }
  for (const g of goals) {
    const text = goalSentence(g);
    if (g.verdict === 'no_data' || g.verdict === 'uncertain') limits.push(text);
    else findings.push({ kind: 'goal', text });
  }
  for (const a of atRisk) findings.push({ kind: 'at_risk', text: atRiskSentence(a) });

  if (habits.length === 0) limits.push('No habit has counted days in this period: nothing to analyse.');
  else {
    if (pairs.habits_counted > pairs.habits_paired)
      limits.push(
        `Pairs were tested among the ${pairs.habits_paired} habits with the most counted days (of ${pairs.habits_counted}); choose others with --habit.`,
      );
    if (habits.length > 1 && pairs.tested === 0)
      limits.push(
        `Too little data to compare habits: no pair shares 20 counted days with some done and some not (${pairs.too_few_days} pairs share fewer).`,
      );
    else if (habits.length > 1 && pairs.significant.length === 0)
      limits.push(
        `No habit pair goes together more (or less) than chance would explain (${pairs.tested} pairs tested, false discovery rate 5 %).`,
      );
    if (focus.since === null)
      limits.push('No completed focus sessions: focus time cannot be related to habits.');
    else if (focus.tested === 0)
      limits.push(
        'Too little data to relate habits to focus time: each habit needs 20 counted days, 5 done and 5 not.',
      );
    const short = habits.filter((h) => h.weekdays.limit?.startsWith('fewer'));
    if (short.length > 0)
      limits.push(
        `Too little data for weekday differences in ${short.length === habits.length ? 'any habit' : short.map((h) => h.name).join(', ')}: each weekday needs 5 counted days.`,
      );
  }
  return { period: analysed, habits, pairs, focus, at_risk: atRisk, goals, findings, limits };
}
