/**
 * Packs each published package and runs publint and @arethetypeswrong/cli on the tarball (what npm would
 * publish, with `workspace:*` already rewritten). Needs built packages; no network.
 *
 * Run: `npx -y pnpm@12 run check:packages`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, tail } from './lib/exec.ts';
import { type PackageDir, pack, ROOT } from './lib/pack.ts';

// The SDK ships ESM and CJS, so every resolution mode is checked (strict). mock, mcp and cli are ESM-only by design:
// a `require()` of them is not supported, which the esm-only profile accepts. The CLI has no library entry.
const ATTW_ARGS: Record<PackageDir, string[] | null> = {
  sdk: ['--profile', 'strict'],
  mock: ['--profile', 'esm-only'],
  mcp: ['--profile', 'esm-only'],
  cli: null,
};

const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
const destination = mkdtempSync(join(tmpdir(), 'loggd-check-'));
let failed = 0;

try {
  for (const dir of Object.keys(ATTW_ARGS) as PackageDir[]) {
    const tarball = pack(dir, destination);
    const publint = run(bin('publint'), ['run', tarball, '--strict'], ROOT);
    report(`publint @loggd/${dir}`, publint.status === 0, tail(publint, 30));
    const attwArgs = ATTW_ARGS[dir];
    if (attwArgs === null) continue;
    const attw = run(
      bin('attw'),
      [tarball, ...attwArgs, '--no-emoji', '--no-color', '--format', 'table-flipped'],
      ROOT,
    );
    report(`attw @loggd/${dir} (${attwArgs.join(' ')})`, attw.status === 0, tail(attw, 40));
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}

function report(name: string, ok: boolean, output: string): void {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : `\n${output.replace(/^/gm, '     ')}`}`);
}

if (failed > 0) {
  console.log(`\n${failed} package check(s) failed.`);
  process.exit(1);
}
console.log('\nall package checks passed.');
