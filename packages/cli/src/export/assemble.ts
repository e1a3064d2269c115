import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Resource } from '../account/resources.js';
import { makeDir } from '../make-dir.js';
import type { Cursors } from './cursors.js';
import { exists, readLines, readNdjson, StreamWriter } from './files.js';
import { GroupReader } from './groups.js';
import { type Layout, STORE_FILES } from './layout.js';

/** What a run added, per file of the store: the new line count and how many of them the run fetched anew. */
export type Changes = Record<string, { total: number; fetched: number }>;

/**
 * Builds run/store: the new canonical store, from the fetched units and the committed store. Children fetched
 * incrementally (only the ones newer than the cursor) go before the stored ones of the same parent, keeping the
 * API's newest-first order; parents the API no longer lists lose their children. Streams group by group.
 */
export async function assemble(
  layout: Layout,
  cursors: Cursors,
  resources: Iterable<Resource>,
): Promise<Changes> {
  const changes: Changes = {};
  const next = (file: string) => join(layout.nextStore, file);
  const prev = (file: string) => join(layout.store, file);
  await makeDir(layout.nextStore);

  const copyList = async (unitFile: string, storeFile: string) => {
    await copyFile(layout.unit(unitFile), next(storeFile));
    let total = 0;
    for await (const _ of readLines(next(storeFile))) total++;
    changes[storeFile] = { total, fetched: total };
  };

  const children = async (
    parents: string,
    dir: string,
    storeFile: string,
    key: string,
    cursor: Map<number, number>,
  ) => {
    const old = new GroupReader(prev(storeFile), key);
    const w = await StreamWriter.create(next(storeFile));
    let fetched = 0;
    try {
      for await (const parent of readNdjson<{ id: number }>(layout.unit(parents))) {
        const stored = await old.take(parent.id);
        for await (const line of readLines(layout.unit(dir, `${parent.id}.ndjson`))) {
          fetched++;
          await w.line(line);
        }
        if (cursor.has(parent.id)) for (const line of stored) await w.line(line);
      }
    } finally {
      await old.close();
    }
    const summary = await w.close();
    changes[storeFile] = { total: summary.lines, fetched };
  };

  for (const resource of resources) {
    if (await exists(layout.unit(`${resource}.missing`))) continue;
    switch (resource) {
      case 'profile':
        await copyFile(layout.unit('profile.json'), next(STORE_FILES.profile));
        changes[STORE_FILES.profile] = { total: 1, fetched: 1 };
        break;
      case 'habits':
        await copyList('habits.ndjson', STORE_FILES.habits);
        await children('habits.ndjson', 'checks', STORE_FILES.checks, 'habit_id', cursors.checks);
        await children('habits.ndjson', 'skips', STORE_FILES.skips, 'habit_id', cursors.skips);
        break;
      case 'goals':
        await copyList('goals.ndjson', STORE_FILES.goals);
        await children('goals.ndjson', 'updates', STORE_FILES.updates, 'goal_id', cursors.updates);
        break;
      case 'focus_sessions':
        await copyList('focus_sessions.ndjson', STORE_FILES.focus);
        break;
      case 'tasks':
        changes[STORE_FILES.tasks] = await assembleTasks(layout, next(STORE_FILES.tasks));
        break;
    }
  }
  return changes;
}

/** Tasks in list order, each the fetched detail or else the stored one (unchanged `updated_at`). */
async function assembleTasks(layout: Layout, path: string): Promise<{ total: number; fetched: number }> {
  const stored = readNdjson<{ id: number }>(join(layout.store, STORE_FILES.tasks));
  let pending = await stored.next();
  const w = await StreamWriter.create(path);
  let fetched = 0;
  for await (const task of readNdjson<{ id: number }>(layout.unit('tasks.ndjson'))) {
    while (!pending.done && pending.value.id < task.id) pending = await stored.next();
    const detail = layout.unit('tasks', `${task.id}.json`);
    if (await exists(detail)) {
      const { readFile } = await import('node:fs/promises');
      await w.line(JSON.stringify(JSON.parse(await readFile(detail, 'utf8'))));
      fetched++;
    } else if (!pending.done && pending.value.id === task.id) {
      await w.line(JSON.stringify(pending.value));
    } else {
      throw new Error(`task ${task.id}: neither fetched nor stored (corrupt export state)`);
    }
  }
  await stored.return(undefined);
  const summary = await w.close();
  return { total: summary.lines, fetched };
}
