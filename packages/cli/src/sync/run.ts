import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { FocusSession, Goal, Loggd, Task } from '@loggd/sdk';
import { AccountFetches, type JobStats } from '../account/fetches.js';
import type { Progress } from '../account/progress.js';
import type { Resource, Skipped } from '../account/resources.js';
import { AccountSource } from '../account/source.js';
import { makeDir } from '../make-dir.js';
import { localDate } from '../time/zone.js';
import { checkpoint } from './checkpoint.js';
import { rebuildHabitDays } from './habit-days.js';
import { type Counts, Mirror } from './mirror.js';
import { SCHEMA_VERSION, schemaSql, WEEKDAY_NUMBERS } from './schema.js';

export interface SyncOptions {
  client: Loggd;
  db: string;
  resources: ReadonlySet<Resource>;
  /** Ignore cursors: re-list every history, which also finds deleted checks, skips and updates. */
  full?: boolean;
  strict?: boolean;
  concurrency?: number;
  now: Date;
  fallbackTimeZone?: string;
  progress: Progress;
  signal?: AbortSignal;
}

export interface SyncResult extends JobStats {
  runId: string;
  counts: Record<string, Counts>;
  skipped: Skipped;
}

/** Opens (creating) the mirror: WAL for readers during a sync, foreign keys on, schema applied. */
export async function openMirror(path: string): Promise<DatabaseSync> {
  await makeDir(dirname(path));
  const { DatabaseSync } = await import('node:sqlite');
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path);
  } catch (err) {
    const { CliError } = await import('../errors.js');
    throw new CliError(`cannot open the database ${path}: ${(err as Error).message}`, 1, 'filesystem', [
      '--db names a SQLite file in a folder you can write to (it is created if missing)',
    ]);
  }
  // WAL + synchronous=NORMAL: each checkpoint commit is cheap and the file stays consistent after a crash.
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;',
  );
  for (const sql of schemaSql()) db.exec(sql);
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(
    String(SCHEMA_VERSION),
  );
  return db;
}

function newestPerParent(db: DatabaseSync, table: string, parent: string): Map<number, number> {
  const rows = db
    .prepare(`SELECT "${parent}" AS p, MAX(id) AS m FROM ${table} GROUP BY "${parent}"`)
    .all() as Array<{
    p: number;
    m: number;
  }>;
  return new Map(rows.map((r) => [Number(r.p), Number(r.m)]));
}

/**
 * Mirrors the account into SQLite. Each unit of work (a top-level row, one habit's history, one task's details,
 * one goal's updates, the focus-session list) is fetched whole and then committed in a transaction of its own:
 * a crash or an error keeps every finished unit, and the next run continues from them (histories stop at the
 * newest stored id, task details only for new or changed tasks), as export resumes. Rows of a fully re-listed
 * resource that the API no longer returns are deleted once the listing completed.
 */
export async function syncAccount(opts: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  const fetches = new AccountFetches(opts.client, {
    concurrency: opts.concurrency ?? 4,
    strict: Boolean(opts.strict),
  });
  const skipped = fetches.skipped;
  const db = await openMirror(opts.db);
  const runId = randomUUID();
  try {
    const source = new AccountSource(opts.client, {}, opts.signal);
    const cursors = {
      checks: opts.full ? new Map<number, number>() : newestPerParent(db, 'habit_checks', 'habit_id'),
      skips: opts.full ? new Map<number, number>() : newestPerParent(db, 'habit_skips', 'habit_id'),
      updates: opts.full ? new Map<number, number>() : newestPerParent(db, 'goal_updates', 'goal_id'),
    };
    const taskUpdatedAt = db.prepare('SELECT updated_at FROM tasks WHERE id = ?');

    const mirror = new Mirror(db);
    const commit = (writes: () => void) => checkpoint(db, writes);

    let timeZone = opts.fallbackTimeZone ?? 'UTC';
    let weekStartDay = 'monday';
    const stored = db.prepare('SELECT timezone, week_start_day FROM profile LIMIT 1').get() as
      | { timezone: string; week_start_day: string }
      | undefined;
    if (stored) ({ timezone: timeZone, week_start_day: weekStartDay } = stored);
    await fetches.guard('profile', async () => {
      const profile = await source.profile();
      timeZone = profile.timezone;
      weekStartDay = profile.week_start_day;
      if (opts.resources.has('profile')) {
        commit(() => {
          mirror.put('profile', profile);
          mirror.seen('profile', profile.id);
          mirror.deleteUnseen('profile', 'profile');
        });
      }
    })();
    const day = (iso: string | null | undefined) => (iso ? localDate(iso, timeZone) : null);

    const tag = (t: { id: number; name: string; color: string | null }) => mirror.put('tags', t, {}, 'tags');
    /** Drains a history into memory first: it is committed only once whole, so its newest id is a safe cursor. */
    const collect = async <T>(items: AsyncIterable<T>, onItem?: () => void): Promise<T[]> => {
      const out: T[] = [];
      for await (const item of items) {
        out.push(item);
        onItem?.();
      }
      return out;
    };

    if (opts.resources.has('habits')) {
      fetches.add('habits', async () => {
        for await (const habit of source.habits()) {
          commit(() => {
            mirror.put('habits', habit);
            mirror.seen('habits', habit.id);
          });
          opts.progress.total('habits', 1);
          fetches.add('habits', async () => {
            const checks = await collect(
              source.checks(habit.id, { sinceId: cursors.checks.get(habit.id) }),
              () => opts.progress.count('checks'),
            );
            const skips = await collect(source.skips(habit.id, { sinceId: cursors.skips.get(habit.id) }));
            commit(() => {
              for (const check of checks) {
                mirror.put('habit_checks', check, { habit_id: habit.id });
                if (opts.full) mirror.seen('habit_checks', check.id);
              }
              for (const skip of skips) {
                mirror.put('habit_skips', skip, { habit_id: habit.id });
                if (opts.full) mirror.seen('habit_skips', skip.id);
              }
              if (opts.full) {
                mirror.deleteUnseen('habit_checks', 'habit_checks', { column: 'habit_id', id: habit.id });
                mirror.deleteUnseen('habit_skips', 'habit_skips', { column: 'habit_id', id: habit.id });
              }
            });
            opts.progress.done('habits');
          });
        }
        commit(() => mirror.deleteUnseen('habits', 'habits'));
      });
    }

    if (opts.resources.has('tasks')) {
      const putTask = (task: Task) => {
        mirror.put('tasks', task, {
          created_date: day(task.created_at),
          completed_date: day(task.completed_at),
        });
        for (const t of task.tags ?? []) tag(t);
        mirror.replaceChildren('subtasks', 'task_id', task.id, task.subtasks ?? [], 'tasks');
        mirror.replaceChildren(
          'task_tags',
          'task_id',
          task.id,
          (task.tags ?? []).map((t) => ({ tag_id: t.id })),
          'tasks',
        );
      };
      fetches.add('tasks', async () => {
        for await (const task of source.tasks()) {
          mirror.seen('tasks', task.id);
          opts.progress.total('tasks', 1);
          const row = taskUpdatedAt.get(task.id) as { updated_at: string } | undefined;
          if (row && row.updated_at === task.updated_at && !opts.full) {
            opts.progress.done('tasks');
            continue;
          }
          fetches.add('tasks', async () => {
            const detail = await source.task(task.id);
            commit(() => putTask(detail));
            opts.progress.done('tasks');
          });
        }
        commit(() => mirror.deleteUnseen('tasks', 'tasks'));
      });
    }

    if (opts.resources.has('goals')) {
      fetches.add('goals', async () => {
        for await (const goal of source.goals() as AsyncIterable<Goal>) {
          commit(() => {
            mirror.put('goals', goal);
            mirror.seen('goals', goal.id);
            mirror.replaceChildren('milestones', 'goal_id', goal.id, goal.milestones ?? [], 'goals');
          });
          fetches.add('goals', async () => {
            const updates = await collect(
              source.goalUpdates(goal.id, { sinceId: cursors.updates.get(goal.id) }),
            );
            commit(() => {
              for (const u of updates) {
                mirror.put('goal_updates', u, {
                  goal_id: goal.id,
                  update_local_date: day(u.update_date),
                });
                if (opts.full) mirror.seen('goal_updates', u.id);
              }
              if (opts.full)
                mirror.deleteUnseen('goal_updates', 'goal_updates', { column: 'goal_id', id: goal.id });
            });
          });
        }
        commit(() => mirror.deleteUnseen('goals', 'goals'));
      });
    }

    if (opts.resources.has('focus_sessions')) {
      fetches.add('focus_sessions', async () => {
        const sessions = await collect(source.focusSessions() as AsyncIterable<FocusSession>, () =>
          opts.progress.count('focus sessions'),
        );
        commit(() => {
          for (const s of sessions) {
            mirror.put('focus_sessions', s, { started_date: day(s.started_at) });
            mirror.seen('focus_sessions', s.id);
            for (const t of s.tags) tag(t);
            mirror.replaceChildren(
              'focus_session_tags',
              'focus_session_id',
              s.id,
              s.tags.map((t) => ({ tag_id: t.id })),
              'focus_sessions',
            );
          }
          mirror.deleteUnseen('focus_sessions', 'focus_sessions');
        });
      });
    }

    await fetches.drain();
    opts.progress.finish();
    db.exec('BEGIN IMMEDIATE');
    // The weekly views read the week's first day from meta; habit_days follows the habits just mirrored.
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('week_start_dow', ?)").run(
      String(WEEKDAY_NUMBERS[weekStartDay] ?? 1),
    );
    if (opts.resources.has('habits') && !skipped.habits) {
      rebuildHabitDays(db, { timeZone, weekStartDay, today: localDate(opts.now.toISOString(), timeZone) });
    }
    const finished = new Date().toISOString();
    const log = db.prepare(
      `INSERT INTO sync_log (run_id, started_at, finished_at, resource, inserted, updated, deleted, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const startedAt = new Date(started).toISOString();
    for (const [resource, c] of mirror.counts) {
      log.run(runId, startedAt, finished, resource, c.inserted, c.updated, c.deleted, null);
    }
    for (const [resource, message] of Object.entries(skipped)) {
      log.run(runId, startedAt, finished, resource, 0, 0, 0, `skipped: ${message}`);
    }
    db.exec('COMMIT');
    return {
      runId,
      counts: Object.fromEntries(mirror.counts),
      skipped,
      ...fetches.stats(),
    };
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    db.close();
  }
}
