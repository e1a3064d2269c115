import { rename } from 'node:fs/promises';
import type { Goal, Habit, Task } from '@loggd/sdk';
import type { AccountFetches } from '../account/fetches.js';
import type { Progress } from '../account/progress.js';
import type { Resource, Skipped } from '../account/resources.js';
import type { AccountSource } from '../account/source.js';
import type { Cursors } from './cursors.js';
import { exists, readNdjson, StreamWriter, writeJsonAtomic } from './files.js';
import type { Layout } from './layout.js';

/**
 * The fetch phase. Each unit of work (a list, one habit's checks, one task's details…) lands in run/units as a
 * file renamed into place when complete, so an interrupted run resumes by skipping the units already there.
 * They run on the job's pool (`fetches`), whose missing-scope skips are recorded as `<resource>.missing` units.
 */
export interface CollectOptions {
  source: AccountSource;
  fetches: AccountFetches;
  layout: Layout;
  cursors: Cursors;
  resources: ReadonlySet<Resource>;
  /** Keeps a focus session when its start's local date is in range (the API has no date filter for them). */
  inRange?: (isoDateTime: string) => boolean;
  progress: Progress;
}

/** Streams `items` into `path` atomically (one JSON line each, `prefix` fields first); skips existing units. */
async function unit<T>(
  path: string,
  items: () => AsyncIterable<T>,
  prefix: Record<string, number> = {},
  onItem: (item: T) => void = () => {},
): Promise<void> {
  if (await exists(path)) return;
  const tmp = `${path}.part`;
  const w = await StreamWriter.create(tmp);
  try {
    for await (const item of items()) {
      onItem(item);
      await w.line(JSON.stringify({ ...prefix, ...item }));
    }
  } catch (err) {
    await w.abort();
    throw err;
  }
  await w.close();
  await rename(tmp, path);
}

/** Fetches every selected resource into run/units. */
export async function collect(opts: CollectOptions): Promise<Skipped> {
  const { source, layout, cursors, resources, progress, fetches } = opts;
  const skipped = fetches.skipped;

  // A parent's children are scheduled as soon as its list page arrives, not after the whole list: the other
  // workers start on them while the list is still paging. A list unit already complete (resumed run) is read
  // back from its file instead.
  const eachParent = async <T>(path: string, items: () => AsyncIterable<T>, onParent: (item: T) => void) => {
    if (await exists(path)) {
      for await (const item of readNdjson<T>(path)) onParent(item);
    } else {
      await unit(path, items, {}, onParent);
    }
  };

  if (resources.has('habits')) {
    fetches.add('habits', () =>
      eachParent(
        layout.unit('habits.ndjson'),
        () => source.habits(),
        (habit: Habit) => {
          progress.total('habits', 1);
          let pending = 2;
          const finished = () => {
            if (--pending === 0) progress.done('habits');
          };
          fetches.add('habits', async () => {
            await unit(
              layout.unit('checks', `${habit.id}.ndjson`),
              () => source.checks(habit.id, { sinceId: cursors.checks.get(habit.id) }),
              { habit_id: habit.id },
              () => progress.count('checks'),
            );
            finished();
          });
          fetches.add('habits', async () => {
            await unit(
              layout.unit('skips', `${habit.id}.ndjson`),
              () => source.skips(habit.id, { sinceId: cursors.skips.get(habit.id) }),
              { habit_id: habit.id },
              () => progress.count('skips'),
            );
            finished();
          });
        },
      ),
    );
  }

  if (resources.has('tasks')) {
    fetches.add('tasks', () =>
      eachParent(
        layout.unit('tasks.ndjson'),
        () => source.tasks(),
        (task: Task) => {
          progress.total('tasks', 1);
          if (cursors.tasks.get(task.id) === task.updated_at) {
            progress.done('tasks');
            return;
          }
          const detail = layout.unit('tasks', `${task.id}.json`);
          fetches.add('tasks', async () => {
            if (!(await exists(detail))) await writeJsonAtomic(detail, await source.task(task.id));
            progress.done('tasks');
          });
        },
      ),
    );
  }

  if (resources.has('goals')) {
    fetches.add('goals', () =>
      eachParent(
        layout.unit('goals.ndjson'),
        () => source.goals(),
        (goal: Goal) => {
          progress.total('goals', 1);
          fetches.add('goals', async () => {
            await unit(
              layout.unit('updates', `${goal.id}.ndjson`),
              () => source.goalUpdates(goal.id, { sinceId: cursors.updates.get(goal.id) }),
              { goal_id: goal.id },
              () => progress.count('goal updates'),
            );
            progress.done('goals');
          });
        },
      ),
    );
  }

  if (resources.has('focus_sessions')) {
    fetches.add('focus_sessions', () =>
      unit(
        layout.unit('focus_sessions.ndjson'),
        async function* () {
          for await (const s of source.focusSessions()) {
            if (!opts.inRange || opts.inRange(s.started_at)) yield s;
          }
        },
        {},
        () => progress.count('focus sessions'),
      ),
    );
  }

  await fetches.drain();
  // A resource skipped on an earlier (interrupted) attempt stays skipped for this run.
  for (const r of resources) {
    if (!skipped[r] && (await exists(layout.unit(`${r}.missing`)))) {
      const { readFile } = await import('node:fs/promises');
      skipped[r] = (await readFile(layout.unit(`${r}.missing`), 'utf8')).trim();
    }
  }
  return skipped;
}
