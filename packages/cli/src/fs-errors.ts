import { CliError, usageError } from './errors.js';
import { EXIT } from './exit-codes.js';

/** What to do about each file-system failure a user can meet. */
const REMEDIES: Record<string, (path: string) => [reason: string, remedy: string]> = {
  ENOENT: () => ['a folder on the way does not exist', 'create the parent folder, or pick another path'],
  ENOTDIR: () => ['a part of the path is a file, not a folder', 'pick a path whose parents are folders'],
  EEXIST: () => ['a file is in the way', 'remove it, or pick another path'],
  EISDIR: () => ['it is a folder', 'give a file name inside it, e.g. …/report.html'],
  EACCES: () => ['permission denied', 'pick a folder you can write to, or fix its permissions'],
  EPERM: () => ['not permitted', 'pick a folder you can write to, or fix its permissions'],
  EROFS: () => ['the file system is read-only', 'pick a folder on a writable disk'],
  ENOSPC: () => ['the disk is full', 'free some space (or pick another disk), then run the command again'],
  EDQUOT: () => ['the disk quota is exceeded', 'free some space, then run the command again'],
  EMFILE: () => ['too many open files', 'lower --concurrency or raise `ulimit -n`'],
};

/** The path a user named: a temp sibling (`x.tmp-123`, `.x.partial`) is reported as the file it stands for. */
function userPath(path: string): string {
  return path.replace(/\.tmp-\d+(-\d+)?$/, '').replace(/\.partial$/, '');
}

/** A Node errno error (ENOENT, ENOSPC…) as one line with the path and the remedy; null for anything else. */
export function fileSystemError(err: unknown, fallbackPath?: string): CliError | null {
  const e = err as NodeJS.ErrnoException | undefined;
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (!code || !(code in REMEDIES)) return null;
  const path = userPath(e?.path ?? fallbackPath ?? '');
  const [reason, remedy] = (e as { parentExists?: boolean }).parentExists
    ? [
        'this file system does not allow new folders here',
        'pick a folder on a regular disk, e.g. ~/loggd-export',
      ]
    : REMEDIES[code]!(path);
  const verb =
    e?.syscall === 'open' || e?.syscall === 'read' || e?.syscall === 'scandir'
      ? 'cannot open'
      : 'cannot write';
  const what = e?.syscall === 'mkdir' ? 'cannot create' : verb;
  return new CliError(`${what} ${path || 'a file'}: ${reason} (${code})`, EXIT.failure, 'filesystem', [
    remedy,
  ]);
}

/** --out must be a folder (or not exist yet): a file there is a usage error, said before any request. */
export async function checkFolderFlag(flag: string, path: string): Promise<void> {
  const { stat } = await import('node:fs/promises');
  const info = await stat(path).catch(() => null);
  if (info && !info.isDirectory())
    throw usageError(
      `${flag} ${path} is a file: give a folder (it is created if missing)`,
      `e.g. ${flag} ~/loggd-export`,
    );
}

/** --html/--db must name a file: an existing folder is a usage error, said before any request. */
export async function checkFileFlag(flag: string, path: string): Promise<void> {
  const { stat } = await import('node:fs/promises');
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory())
    throw usageError(
      `${flag} ${path} is a folder: give a file name`,
      `e.g. ${flag} ${path.replace(/\/+$/, '')}/${flag === '--db' ? 'loggd.sqlite' : 'report.html'}`,
    );
}
