import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, tail } from './exec.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The published packages, in dependency order. */
export const PACKAGES = ['sdk', 'mock', 'mcp', 'cli'] as const;
export type PackageDir = (typeof PACKAGES)[number];

/**
 * Packs `packages/<dir>` with pnpm (which rewrites `workspace:*` to real versions) into `destination` and
 * returns the tarball's path. The package must be built: packing does not build.
 */
export function pack(dir: PackageDir, destination: string): string {
  const cwd = join(ROOT, 'packages', dir);
  if (!existsSync(join(cwd, 'dist'))) {
    throw new Error(`packages/${dir}/dist is missing: run \`npx -y pnpm@12 run build\` first.`);
  }
  const before = new Set(readdirSync(destination));
  const result = run('npx', ['-y', 'pnpm@12', 'pack', '--pack-destination', destination], cwd);
  const made = readdirSync(destination).filter((f) => f.endsWith('.tgz') && !before.has(f));
  if (result.status !== 0 || made.length !== 1) {
    throw new Error(`pnpm pack failed in packages/${dir}:\n${tail(result)}`);
  }
  return join(destination, made[0]!);
}
