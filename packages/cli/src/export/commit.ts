import { readdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeDir } from '../make-dir.js';
import { exists, readJson, remove, writeJsonAtomic } from './files.js';
import type { Layout } from './layout.js';

/**
 * Publishing a finished run. The renames (rendered files into DIR, the new store into the state folder,
 * manifest.json last) are first written to commit.json; if the process dies half-way, the next run rolls the
 * commit forward before anything else, so DIR ends up with the whole new export and never stays mixed.
 */
interface CommitPlan {
  moves: Array<[from: string, to: string]>;
}

async function filesIn(dir: string): Promise<string[]> {
  if (!(await exists(dir))) return [];
  return (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
}

/** Plans and performs the commit of run/out and run/store. */
export async function commit(layout: Layout): Promise<void> {
  const out = await filesIn(layout.rendered);
  // manifest.json goes last: once it is in place, every file it describes is too.
  out.sort((a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json'));
  const store = await filesIn(layout.nextStore);
  const plan: CommitPlan = {
    moves: [
      ...store.map((f): [string, string] => [join(layout.nextStore, f), join(layout.store, f)]),
      ...out.map((f): [string, string] => [join(layout.rendered, f), join(layout.out, f)]),
    ],
  };
  await writeJsonAtomic(layout.commit, plan);
  await rollForward(layout);
}

/** Finishes a commit cut short (no-op without commit.json), then clears the run. */
export async function rollForward(layout: Layout): Promise<boolean> {
  const plan = await readJson<CommitPlan | null>(layout.commit, null);
  if (!plan) return false;
  await makeDir(layout.store);
  for (const [from, to] of plan.moves) {
    if (await exists(from)) {
      await makeDir(dirname(to));
      await rename(from, to);
    }
  }
  await remove(layout.run);
  await remove(layout.commit);
  return true;
}
