/**
 * Release smoke test: packs @loggd/sdk, @loggd/mock, @loggd/mcp and @loggd/cli, installs the tarballs with npm into a
 * fresh project outside the workspace, and checks what a user gets: ESM and CommonJS imports, TypeScript types
 * under node16/nodenext/bundler resolution, the `loggd` binary and `npx @loggd/mcp --demo`. Needs built packages and the npm registry.
 *
 * Run: `npx -y pnpm@12 run test:pack` (add `-- --keep` to keep the temporary project for inspection).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, tail } from './lib/exec.ts';
import { PACKAGES, pack, ROOT } from './lib/pack.ts';
import { consumerFiles, TSCONFIGS } from './pack-install/consumer.ts';

const keep = process.argv.includes('--keep');
const project = mkdtempSync(join(tmpdir(), 'loggd-pack-'));
const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
const failures: string[] = [];

function check(name: string, body: () => void): void {
  try {
    body();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}\n${(error as Error).message.replace(/^/gm, '     ')}`);
  }
}

/** Runs a command in the project; throws with its output unless it exits 0 and prints `expected`. */
function expectRun(command: string, args: string[], expected: RegExp): void {
  const result = run(command, args, project);
  if (result.status !== 0 || !expected.test(result.stdout)) {
    throw new Error(`\`${command} ${args.join(' ')}\` exited ${result.status}:\n${tail(result)}`);
  }
}

try {
  const tarballs = PACKAGES.map((dir) => pack(dir, project));
  console.log(`packed ${tarballs.map((t) => t.slice(project.length + 1)).join(', ')} into ${project}`);
  for (const [file, text] of Object.entries(consumerFiles())) writeFileSync(join(project, file), text);

  // One install of all of them, so @loggd/mock's and @loggd/cli's dependencies on @loggd/* resolve to the tarballs.
  const install = run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs],
    project,
    600_000,
  );
  if (install.status !== 0) throw new Error(`npm install failed:\n${tail(install, 30)}`);

  check('ESM: import { Loggd } from "@loggd/sdk" calls the API through @loggd/mock', () =>
    expectRun('node', ['esm.mjs'], /^esm ok \d+/m),
  );
  check('CommonJS: require("@loggd/sdk") and require("@loggd/sdk/webhooks") verify a signed delivery', () =>
    expectRun('node', ['cjs.cjs'], /^cjs ok level\.up/m),
  );
  for (const config of Object.keys(TSCONFIGS)) {
    check(`TypeScript types with ${config}`, () => expectRun('node', [tsc, '-p', config], /^$/));
  }
  check('npx loggd --demo habits list runs from the installed CLI', () =>
    expectRun('npx', ['--no-install', 'loggd', '--demo', 'habits', 'list'], /Morning Exercise/),
  );
  check('npx @loggd/mcp --demo starts and answers tools/list', () =>
    expectRun('node', ['mcp.mjs'], /^mcp ok 13$/m),
  );
} catch (error) {
  failures.push('setup');
  console.log(`FAIL setup\n${(error as Error).message}`);
} finally {
  if (keep) console.log(`kept ${project}`);
  else rmSync(project, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.log(`\n${failures.length} check(s) failed.`);
  process.exit(1);
}
console.log('\nall pack-and-install checks passed.');
