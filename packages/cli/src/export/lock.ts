import { open, readFile, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { makeDir } from '../make-dir.js';
import { removeStaleTemps } from './stale-temps.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One export per folder at a time: an exclusive lock file holding the pid. A lock left by a dead process
 * (kill -9, power loss) is taken over, which is what lets the next run resume; the new holder then removes the
 * temp files such a process left half-written in the lock's folder (e.g. `commit.json.tmp-<pid>`).
 */
export async function acquireLock(path: string): Promise<() => Promise<void>> {
  await makeDir(dirname(path));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      await removeStaleTemps(dirname(path));
      return () => unlink(path).catch(() => {});
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new CliError(`another export is running in this folder (pid ${pid})`, EXIT.failure, 'locked', [
          `wait for it to finish, or remove ${path} if that process is gone`,
        ]);
      }
      await unlink(path).catch(() => {});
    }
  }
  throw new CliError(`could not lock ${path}`, EXIT.failure, 'locked');
}
