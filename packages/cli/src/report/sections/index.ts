import { GOAL_STATUSES } from '@loggd/sdk/constants';
import type { Period, ReportSettings } from '../compute/period.js';
import type { LoadedReport } from '../load.js';
import type { PeriodFlags } from '../options.js';
import { buildFocus } from './focus.js';
import { buildGoals } from './goals.js';
import { buildHabits } from './habits.js';
import { type Built, buildReview } from './review.js';
import { buildTasks } from './tasks.js';

/** Flags every report accepts. */
export interface ReportFlags extends PeriodFlags {
  dayStartsAt?: number;
  explain?: boolean;
  html?: string;
  markdown?: boolean;
  habit?: number;
  by?: string;
  status?: string;
}

export type ReportKind = 'weekly' | 'monthly' | 'habits' | 'focus' | 'tasks' | 'goals';

/** Computes one report from already-loaded data (pure; the bench and tests call it directly). */
export function buildReport(
  kind: ReportKind,
  data: LoadedReport,
  period: Period,
  settings: ReportSettings,
  flags: ReportFlags,
): Built {
  const explain = Boolean(flags.explain);
  switch (kind) {
    case 'weekly':
      return buildReview(data, period, 'week', settings, explain);
    case 'monthly':
      return buildReview(data, period, 'month', settings, explain);
    case 'habits':
      return buildHabits(data, period, settings, explain, flags.habit !== undefined);
    case 'focus':
      return buildFocus(data, period, settings, (flags.by as 'day' | 'week' | 'month') ?? 'day', explain);
    case 'tasks':
      return buildTasks(data, period, settings, (flags.by as 'week' | 'month') ?? 'week', explain);
    case 'goals': {
      const status = flags.status ?? 'active';
      return buildGoals(data, period, settings, status === 'all' ? GOAL_STATUSES : [status], explain);
    }
  }
}
