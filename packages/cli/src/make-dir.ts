import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Creates a folder and its missing parents, like `mkdir -p`.
 *
 * Node's own `mkdir(path, { recursive: true })` never returns on a pseudo file system that answers ENOENT to every
 * mkdir while the parent exists (`/proc/x` spun at 45 % CPU for 40 minutes): it keeps retrying the parent. Here each
 * level is tried at most twice, and an ENOENT under an existing parent is final, flagged `parentExists` so the
 * message can say the file system refuses folders rather than that a folder is missing.
 *
 * @example await makeDir('/tmp/loggd-export/.loggd-export/run');
 */
export async function makeDir(path: string, mode?: number): Promise<void> {
  try {
    await mkdir(path, { mode });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await isFolder(path))) return;
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw err;
    await makeDir(parent, mode);
    try {
      await mkdir(path, { mode });
    } catch (again) {
      const e = again as NodeJS.ErrnoException & { parentExists?: boolean };
      if (e.code === 'EEXIST' && (await isFolder(path))) return;
      if (e.code === 'ENOENT') e.parentExists = true;
      throw e;
    }
  }
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
