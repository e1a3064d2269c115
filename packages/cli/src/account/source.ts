import type {
  FocusSession,
  Goal,
  GoalUpdate,
  Habit,
  HabitCheck,
  HabitSkip,
  Loggd,
  Profile,
  Task,
} from '@loggd/sdk';

/**
 * The whole account as streams, for export, sync and reports. Lists use the API's largest page (the SDK's
 * iteration default of 100) and every status; newest-first histories (checks, skips, goal updates) take a
 * `sinceId` and stop paging at the first id already known, so an incremental run costs one request per parent
 * when nothing changed.
 */
export interface SourceRange {
  /** Inclusive `YYYY-MM-DD` bounds for checks, skips (API-side) and tasks (by planned_day, API-side). */
  from?: string;
  to?: string;
}

/** Where a list stops: the newest id already held (items with an id ≤ it are not yielded, paging stops there). */
export interface Since {
  sinceId?: number | undefined;
}

/**
 * Retries per request of a bulk job (the client's default is 2): an export or sync sends hundreds of requests,
 * and one unlucky request exhausting its retries would stop the whole job. With jittered backoff capped at 8 s
 * this still gives up within about a minute when the API is really down.
 */
export const BULK_MAX_RETRIES = 6;

/** Data access over an SDK client; every method is lazy and sends nothing until iterated or awaited. */
export class AccountSource {
  constructor(
    readonly client: Loggd,
    readonly range: SourceRange = {},
    readonly signal?: AbortSignal,
  ) {}

  #opts() {
    return { maxRetries: BULK_MAX_RETRIES, ...(this.signal ? { signal: this.signal } : {}) };
  }

  #history() {
    return {
      ...(this.range.from ? { from: this.range.from } : {}),
      ...(this.range.to ? { to: this.range.to } : {}),
    };
  }

  /** GET /profile. */
  profile(): Promise<Profile> {
    return Promise.resolve(this.client.profile.get(this.#opts()));
  }

  /** Every habit, active and archived, ascending id. */
  habits(): AsyncIterable<Habit> {
    return this.client.habits.list({ status: 'all' }, this.#opts());
  }

  /** A habit's checks, newest first, down to (excluding) `sinceId`. */
  checks(habitId: number, since: Since = {}): AsyncGenerator<HabitCheck> {
    return until(this.client.habits.checks(habitId, this.#history(), this.#opts()), since.sinceId);
  }

  /** A habit's skips, newest first, down to (excluding) `sinceId`. */
  skips(habitId: number, since: Since = {}): AsyncGenerator<HabitSkip> {
    return until(this.client.habits.skips(habitId, this.#history(), this.#opts()), since.sinceId);
  }

  /** Every top-level task of every status, ascending id, in the list's shape (no subtasks, tags, recurrence). */
  tasks(): AsyncIterable<Task> {
    return this.client.tasks.list({ status: 'all', ...this.#history() }, this.#opts());
  }

  /** One task with its subtasks, tags and recurrence. */
  task(id: number): Promise<Task> {
    return Promise.resolve(this.client.tasks.get(id, this.#opts()));
  }

  /** Every goal of every status with its milestones, ascending id. */
  goals(): AsyncIterable<Goal> {
    return this.client.goals.list({ status: 'all' }, this.#opts());
  }

  /** A goal's metric updates, newest first, down to (excluding) `sinceId`. */
  goalUpdates(goalId: number, since: Since = {}): AsyncGenerator<GoalUpdate> {
    return until(this.client.goals.updates(goalId, {}, this.#opts()), since.sinceId);
  }

  /** Every focus session of every status, ascending id. */
  focusSessions(): AsyncIterable<FocusSession> {
    return this.client.focusSessions.list({ status: 'all' }, this.#opts());
  }
}

async function* until<T extends { id: number }>(
  items: AsyncIterable<T>,
  sinceId: number | undefined,
): AsyncGenerator<T> {
  for await (const item of items) {
    // Breaking out returns the SDK's page iterator: no further page is requested.
    if (sinceId !== undefined && item.id <= sinceId) return;
    yield item;
  }
}

/** True for the SDK's 403 missing_scope error: that resource is skipped, not fatal (unless --strict). */
export function isMissingScope(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'missing_scope';
}
