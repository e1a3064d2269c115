import { DAY_MS, wireInstant } from './calendar.js';
import type { UserContext } from './context.js';
import { generateFocusSessions } from './focus-gen.js';
import { DEMO_GOALS, type GoalTemplate, generateGoals, OTHER_GOALS } from './goals-gen.js';
import {
  DEMO_HABITS,
  DOWNGRADED_HABITS,
  generateHabits,
  type HabitTemplate,
  OTHER_HABITS,
  weekStartIndex,
} from './habits-gen.js';
import { createCounters } from './ids.js';
import { Rng } from './prng.js';
import { type ProfileSeed, profileStats } from './profile-gen.js';
import { generateTags, generateTasks } from './tasks-gen.js';
import type { Account, Dataset, GenerateOptions } from './types.js';
import { localDayOf, ZoneClock } from './zone.js';

export { recomputeGoalStats } from './goal-stats.js';
export { nextId } from './ids.js';
export { focusPoints, levelForPoints, pointsForLevel } from './points.js';
export { computeHabitStats, recomputeHabitStats } from './streaks.js';

/** The demo account (Pro, Europe/Bucharest, weeks start monday): the one demo tokens act as. */
export const DEMO_USER_ID = 7;
/** A second Pro account (America/New_York, weeks start sunday) for cross-user tests. */
export const OTHER_USER_ID = 8;
/** A downgraded (free) account: every request it makes answers 403 requires_pro. */
export const DOWNGRADED_USER_ID = 9;

interface UserSpec {
  profile: ProfileSeed;
  pro: boolean;
  habits: readonly HabitTemplate[];
  habitCount: number;
  goals: readonly GoalTemplate[];
  goalCount: number;
  /** One-off tasks per year of history. */
  tasksPerYear: number;
  /** Paused and active focus sessions at the end of the history. */
  live: boolean;
  streams: number;
}

/**
 * Generate the mock's dataset: the demo account (scaled by `scale`, `years` of history), a second Pro account
 * and a downgraded one. Deterministic: the same seed, scale, years and `now` give byte-identical data. The
 * history ends at `now`; ids rise with time and are unique across users.
 *
 * @example const dataset = generateDataset({ seed: 1, now: new Date('2026-04-08T12:00:00Z') })
 */
export function generateDataset(options: GenerateOptions = {}): Dataset {
  const seed = options.seed ?? 1;
  const scale = options.scale ?? 1;
  const years = options.years ?? 1;
  const nowMs = (options.now ?? new Date()).getTime();
  if (!Number.isInteger(seed)) throw new RangeError(`Invalid seed ${seed}: expected an integer`);
  if (!(Number.isFinite(scale) && scale > 0))
    throw new RangeError(`Invalid scale ${scale}: expected a number > 0`);
  if (!(Number.isFinite(years) && years > 0 && years <= 50)) {
    throw new RangeError(`Invalid years ${years}: expected a number in (0, 50]`);
  }
  if (!Number.isFinite(nowMs)) throw new RangeError('Invalid now: expected a valid Date');

  const dataset: Dataset = {
    generatedAt: wireInstant(nowMs),
    seed,
    scale,
    accounts: [],
    owners: { habits: new Map(), tasks: new Map(), goals: new Map(), focusSessions: new Map() },
    counters: createCounters(),
  };
  const rng = new Rng(seed);
  const nowDay = Math.floor(nowMs / DAY_MS);
  for (const spec of userSpecs(scale, nowDay)) {
    const account = generateAccount(spec, { rng, dataset, nowMs, years });
    dataset.accounts.push(account);
    const { owners } = dataset;
    for (const h of account.habits) owners.habits.set(h.id, account.userId);
    for (const t of account.tasks) owners.tasks.set(t.id, account.userId);
    for (const g of account.goals) owners.goals.set(g.id, account.userId);
    for (const s of account.focusSessions) owners.focusSessions.set(s.id, account.userId);
  }
  return dataset;
}

function userSpecs(scale: number, nowDay: number): UserSpec[] {
  const streams = Math.max(1, Math.round(Math.sqrt(scale)));
  return [
    {
      profile: {
        id: DEMO_USER_ID,
        username: 'jane',
        email: 'jane@example.com',
        bio: 'Building better habits one day at a time',
        avatar_id: 'fox',
        avatar_animated: true,
        timezone: 'Europe/Bucharest',
        week_start_day: 'monday',
        subscription_tier: 'pro',
        subscription_expires_at: wireInstant((nowDay + 200) * DAY_MS),
      },
      pro: true,
      habits: DEMO_HABITS,
      habitCount: Math.max(1, Math.round(DEMO_HABITS.length * scale)),
      goals: DEMO_GOALS,
      goalCount: Math.max(1, Math.round(DEMO_GOALS.length * scale)),
      tasksPerYear: 60 * scale,
      live: true,
      streams,
    },
    {
      profile: {
        id: OTHER_USER_ID,
        username: 'alex',
        email: 'alex@example.com',
        bio: null,
        avatar_id: 'owl',
        avatar_animated: false,
        timezone: 'America/New_York',
        week_start_day: 'sunday',
        subscription_tier: 'pro',
        subscription_expires_at: null,
      },
      pro: true,
      habits: OTHER_HABITS,
      habitCount: OTHER_HABITS.length,
      goals: OTHER_GOALS,
      goalCount: OTHER_GOALS.length,
      tasksPerYear: 25,
      live: false,
      streams: 1,
    },
    {
      profile: {
        id: DOWNGRADED_USER_ID,
        username: 'sam',
        email: 'sam@example.com',
        bio: null,
        avatar_id: null,
        avatar_animated: false,
        timezone: 'Asia/Kolkata',
        week_start_day: 'saturday',
        subscription_tier: 'free',
        subscription_expires_at: wireInstant((nowDay - 30) * DAY_MS),
      },
      pro: false,
      habits: DOWNGRADED_HABITS,
      habitCount: DOWNGRADED_HABITS.length,
      goals: [],
      goalCount: 0,
      tasksPerYear: 10,
      live: false,
      streams: 1,
    },
  ];
}

function generateAccount(
  spec: UserSpec,
  run: { rng: Rng; dataset: Dataset; nowMs: number; years: number },
): Account {
  const { nowMs, years } = run;
  const zone = new ZoneClock(spec.profile.timezone);
  const today = localDayOf(nowMs, zone.timeZone);
  const ctx: UserContext = {
    rng: run.rng,
    ids: run.dataset,
    zone,
    nowMs,
    today,
    nowSecond: Math.floor((nowMs - zone.toUtc(today, 0)) / 1000),
    firstDay: today - Math.max(7, Math.round(365 * years)),
    weekStart: weekStartIndex(spec.profile.week_start_day),
    streams: spec.streams,
  };
  const tags = generateTags(ctx);
  const habits = generateHabits(ctx, spec.habits, spec.habitCount);
  const goals =
    spec.goalCount > 0 ? generateGoals(ctx, spec.goals, spec.goalCount) : { goals: [], updates: new Map() };
  const tasks = generateTasks(ctx, Math.max(1, Math.round(spec.tasksPerYear * years)), tags, goals.goals);
  const focusSessions = generateFocusSessions(
    ctx,
    tasks,
    habits.habits.filter((h) => h.status === 'active'),
    tags,
    spec.live,
  );
  const account: Account = {
    userId: spec.profile.id,
    pro: spec.pro,
    profile: {
      id: spec.profile.id,
      username: spec.profile.username,
      email: spec.profile.email,
      bio: spec.profile.bio,
      avatar_id: spec.profile.avatar_id,
      avatar_animated: spec.profile.avatar_animated,
      timezone: spec.profile.timezone,
      week_start_day: spec.profile.week_start_day,
      level: 1,
      total_points: 0,
      monthly_points: 0,
      current_streak: 0,
      longest_streak: 0,
      subscription_tier: spec.profile.subscription_tier,
      subscription_expires_at: spec.profile.subscription_expires_at,
      created_at: wireInstant(zone.toUtc(ctx.firstDay - 14, 10 * 3600)),
    },
    habits: habits.habits,
    checks: habits.checks,
    skips: habits.skips,
    tasks,
    goals: goals.goals,
    goalUpdates: goals.updates,
    focusSessions,
    tags,
  };
  Object.assign(account.profile, profileStats(account, ctx));
  return account;
}
