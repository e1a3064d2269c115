import { chmod } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { makeDir } from '../make-dir.js';

/** Where settings and the insecure token file live: `${XDG_CONFIG_HOME:-~/.config}/loggd` (on every OS, like gh). */
export function defaultConfigDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME?.trim() ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'loggd');
}

/** Creates the config directory owner-only (0700), tightening it if it already exists looser. */
export async function ensureConfigDir(dir: string): Promise<void> {
  await makeDir(dir, 0o700);
  // mkdir's mode is reduced by the umask and ignored for an existing directory: set it explicitly.
  await chmod(dir, 0o700);
}
