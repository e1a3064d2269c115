// Startup cost of the `loggd` binary, as a ratio to `node -e 0` measured in the same run (and, for the one
// command that makes a request, to `curl` of the same request against the same local standalone mock).
// Run: node bench/cli-startup.bench.ts [--quick] [--compare <other loggd.js>]   (needs `pnpm --filter @loggd/cli run
// build` first). --compare times another build's `habits list` in the same interleaved runs, for an A/B of a change
// (copy a build of the base commit somewhere under the repo, so its external packages still resolve).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@loggd/mock';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 5 : 25;
const compareAt = process.argv.indexOf('--compare');
const other = compareAt === -1 ? undefined : process.argv[compareAt + 1];
if (compareAt !== -1 && (!other || !existsSync(other))) {
  console.error(
    `cli-startup: --compare needs the path of another build's loggd.js (got ${other ?? 'nothing'})`,
  );
  process.exit(1);
}
const bin = fileURLToPath(new URL('../packages/cli/dist/loggd.js', import.meta.url));
if (!existsSync(bin)) {
  console.error(`cli-startup: ${bin} is missing: run \`pnpm --filter @loggd/cli run build\` first`);
  process.exit(1);
}

interface Case {
  name: string;
  file: string;
  args: string[];
  env?: Record<string, string>;
}

// Async spawn: the mock server lives in this process, so a blocking spawnSync would starve it.
function timeOnce(c: Case): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(c.file, c.args, {
      env: { ...process.env, ...c.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code === 0) resolve(ms);
      else reject(new Error(`${c.name} exited ${code}: ${stderr}`));
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Interleaves the cases run by run so drift on a shared machine hits all of them alike. */
async function measure(cases: Case[]): Promise<Map<string, number>> {
  const samples = new Map(cases.map((c) => [c.name, [] as number[]]));
  for (const c of cases) await timeOnce(c); // warm the file cache (and the mock's dataset)
  for (let i = 0; i < RUNS; i++) for (const c of cases) samples.get(c.name)?.push(await timeOnce(c));
  return new Map([...samples].map(([k, v]) => [k, median(v)]));
}

function line(name: string, ours: number, baseline: number): string {
  return `${name}: ratio ${(ours / baseline).toFixed(2)} (ours ${(1000 / ours).toFixed(1)} ops/s vs baseline ${(1000 / baseline).toFixed(1)} ops/s)`;
}

const server = await startMockServer({ port: 0, host: '127.0.0.1' });
try {
  const node = process.execPath;
  const env = {
    LOGGD_TOKEN: 'mock_pro_all',
    LOGGD_BASE_URL: server.baseUrl,
    LOGGD_CONFIG_DIR: '/nonexistent-loggd-bench',
  };
  let hasCurl = false;
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    hasCurl = true;
  } catch {
    // No curl on this machine: the ratio to curl is skipped.
  }
  const cases: Case[] = [
    { name: 'node -e 0', file: node, args: ['-e', '0'] },
    { name: 'loggd --version', file: node, args: [bin, '--version'] },
    { name: 'loggd --help', file: node, args: [bin, '--help'] },
    {
      name: 'loggd habits list --format json',
      file: node,
      args: [bin, 'habits', 'list', '--format', 'json'],
      env,
    },
  ];
  if (other)
    cases.push({
      name: 'other habits list',
      file: node,
      args: [other, 'habits', 'list', '--format', 'json'],
      env,
    });
  if (hasCurl) {
    cases.push({
      name: 'curl',
      file: 'curl',
      args: [
        '-sf',
        '-H',
        'Authorization: Bearer mock_pro_all',
        '-H',
        'Accept: application/json',
        `${server.baseUrl}/habits`,
      ],
    });
  }
  const t = await measure(cases);
  const base = t.get('node -e 0') as number;
  console.log(line('cli-startup loggd --version vs node -e 0', t.get('loggd --version') as number, base));
  console.log(line('cli-startup loggd --help vs node -e 0', t.get('loggd --help') as number, base));
  const list = t.get('loggd habits list --format json') as number;
  console.log(line('cli-startup loggd habits list --format json vs node -e 0', list, base));
  if (other) {
    const theirs = t.get('other habits list') as number;
    console.log(line(`cli-startup ${other} habits list --format json vs node -e 0`, theirs, base));
    console.log(line('cli-startup loggd habits list --format json vs --compare build', list, theirs));
  }
  if (hasCurl)
    console.log(line('cli-startup loggd habits list --format json vs curl', list, t.get('curl') as number));
} finally {
  await server.close();
}
