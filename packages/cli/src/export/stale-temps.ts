import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** The suffix `writeAtomic` gives a file while it is being written (`<name>.tmp-<pid>`). */
const TEMP = /\.tmp-(\d+)$/;

/**
 * Removes the half-written temp files that a killed run (kill -9, power loss) left under `dir`, at any depth.
 * Only the holder of the folder's lock calls this, so any temp not of this process is stale. Returns their paths.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      removed.push(...(await removeStaleTemps(path)));
      continue;
    }
    const pid = TEMP.exec(entry.name)?.[1];
    if (pid === undefined || Number(pid) === process.pid) continue;
    await unlink(path).catch(() => {});
    removed.push(path);
  }
  return removed;
}
