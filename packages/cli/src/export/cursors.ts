import { join } from 'node:path';
import { readNdjson } from './files.js';
import { STORE_FILES } from './layout.js';

/**
 * What the last committed export already holds, read once per run: the newest child id per parent (checks,
 * skips and goal updates are listed newest first, so paging stops there) and each task's `updated_at` (details
 * are fetched again only for new or changed tasks). Maps of ids only: a few bytes per parent, not per child.
 */
export interface Cursors {
  checks: Map<number, number>;
  skips: Map<number, number>;
  updates: Map<number, number>;
  tasks: Map<number, string>;
}

/** Empty cursors: a full export. */
export function noCursors(): Cursors {
  return { checks: new Map(), skips: new Map(), updates: new Map(), tasks: new Map() };
}

async function newestPerParent(path: string, key: string): Promise<Map<number, number>> {
  const newest = new Map<number, number>();
  for await (const row of readNdjson<Record<string, number>>(path)) {
    const parent = row[key]!;
    if ((newest.get(parent) ?? 0) < row.id!) newest.set(parent, row.id!);
  }
  return newest;
}

/** Reads the cursors of the store in `storeDir` (missing files: no cursor). */
export async function readCursors(storeDir: string): Promise<Cursors> {
  const tasks = new Map<number, string>();
  for await (const t of readNdjson<{ id: number; updated_at: string }>(join(storeDir, STORE_FILES.tasks))) {
    tasks.set(t.id, t.updated_at);
  }
  return {
    checks: await newestPerParent(join(storeDir, STORE_FILES.checks), 'habit_id'),
    skips: await newestPerParent(join(storeDir, STORE_FILES.skips), 'habit_id'),
    updates: await newestPerParent(join(storeDir, STORE_FILES.updates), 'goal_id'),
    tasks,
  };
}
