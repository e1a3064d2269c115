import { CliError } from './errors.js';
import { EXIT } from './exit-codes.js';

/**
 * The oldest Node a command runs on, where it is newer than what the rest of loggd happens to run on: the
 * package's `engines` (>= 22.13) states the supported minimum for all of it.
 */
export const NODE_MINIMUM = {
  /** Built-in `node:sqlite` without a flag. */
  sync: '22.13.0',
} as const;

function parts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((p) => Number.parseInt(p, 10) || 0);
}

/** True when `version` (e.g. process.version) is at least `minimum`. */
export function nodeAtLeast(version: string, minimum: string): boolean {
  const [a, b] = [parts(version), parts(minimum)];
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

/** Throws "sync needs Node ≥ 22.13, you have 20.20.2" (exit 1) before a command that cannot run starts. */
export function requireNode(what: keyof typeof NODE_MINIMUM, version: string = process.versions.node): void {
  const minimum = NODE_MINIMUM[what];
  if (nodeAtLeast(version, minimum)) return;
  throw new CliError(
    `${what} needs Node ≥ ${minimum.replace(/\.0$/, '')}, you have ${version.replace(/^v/, '')}`,
    EXIT.failure,
    'unsupported_node',
    ['install a current Node LTS (https://nodejs.org) or use a version manager such as nvm or fnm'],
  );
}
