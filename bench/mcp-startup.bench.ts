// Startup of the MCP server as an assistant sees it: spawn `loggd-mcp --demo`, send initialize and tools/list, stop
// the clock at the tools/list answer. Ratio to `node -e 0` spawned in the same run (the target is ≤ 2). Two
// lines: with Node's compile cache warm (every start after the first; the binary enables it) and with it off
// (NODE_DISABLE_COMPILE_CACHE=1, a first start).
// Run: node bench/mcp-startup.bench.ts [--quick] [--compare <other bin.js>]   (needs `pnpm --filter @loggd/mcp run
// build` first). --compare adds another build's warm start to the same interleaved runs, for an A/B of a change
// (copy a build of the base commit somewhere under the repo, so its external packages still resolve).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 5 : 25;
const compareAt = process.argv.indexOf('--compare');
const other = compareAt === -1 ? undefined : process.argv[compareAt + 1];
if (compareAt !== -1 && (!other || !existsSync(other))) {
  console.error(
    `mcp-startup: --compare needs the path of another build's bin.js (got ${other ?? 'nothing'})`,
  );
  process.exit(1);
}
const bin = fileURLToPath(new URL('../packages/mcp/dist/bin/bin.js', import.meta.url));
if (!existsSync(bin)) {
  console.error(`mcp-startup: ${bin} is missing: run \`pnpm --filter @loggd/mcp run build\` first`);
  process.exit(1);
}

const FRAMES = `${[
  {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
  },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
]
  .map((f) => JSON.stringify(f))
  .join('\n')}\n`;

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** Time to the tools/list answer (then the child is stopped), or to exit when false. */
  rpc: boolean;
}

function timeOnce(c: Case): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, c.args, {
      env: { ...process.env, ...c.env },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    child.on('error', reject);
    if (!c.rpc) {
      child.stdin.end();
      child.on('close', (code) =>
        code === 0
          ? resolve(Number(process.hrtime.bigint() - start) / 1e6)
          : reject(new Error(`exit ${code}`)),
      );
      return;
    }
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (!out.includes('"id":2')) return;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (!out.includes('"weekly_review"')) reject(new Error(`${c.name}: no tools in the answer`));
      child.stdin.end();
      child.kill();
      resolve(ms);
    });
    child.on('close', () => reject(new Error(`${c.name} exited before answering tools/list`)));
    child.stdin.write(FRAMES);
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function line(name: string, ours: number, baseline: number): string {
  return `${name}: ratio ${(ours / baseline).toFixed(2)} (ours ${(1000 / ours).toFixed(1)} ops/s vs baseline ${(1000 / baseline).toFixed(1)} ops/s)`;
}

// A private compile cache, so the warm case measures this build and nothing else's.
const cache = mkdtempSync(join(tmpdir(), 'loggd-mcp-bench-cache-'));
const otherCache = mkdtempSync(join(tmpdir(), 'loggd-mcp-bench-cache-'));
try {
  const cases: Case[] = [
    { name: 'node -e 0', args: ['-e', '0'], rpc: false },
    { name: 'warm', args: [bin, '--demo'], env: { NODE_COMPILE_CACHE: cache }, rpc: true },
    { name: 'cold', args: [bin, '--demo'], env: { NODE_DISABLE_COMPILE_CACHE: '1' }, rpc: true },
  ];
  if (other)
    cases.push({
      name: 'other',
      args: [other, '--demo'],
      env: { NODE_COMPILE_CACHE: otherCache },
      rpc: true,
    });
  const samples = new Map(cases.map((c) => [c.name, [] as number[]]));
  for (const c of cases) await timeOnce(c); // warm the file cache (and fill the compile cache)
  // Interleaved run by run so drift on a shared machine hits every case alike.
  for (let i = 0; i < RUNS; i++) for (const c of cases) samples.get(c.name)?.push(await timeOnce(c));
  const t = new Map([...samples].map(([k, v]) => [k, median(v)]));
  const base = t.get('node -e 0') as number;
  console.log(
    line('mcp-startup to tools/list, compile cache warm, vs node -e 0', t.get('warm') as number, base),
  );
  console.log(
    line('mcp-startup to tools/list, compile cache off, vs node -e 0', t.get('cold') as number, base),
  );
  if (other) {
    const theirs = t.get('other') as number;
    console.log(line(`mcp-startup ${other}, compile cache warm, vs node -e 0`, theirs, base));
    console.log(line('mcp-startup warm vs --compare build warm', t.get('warm') as number, theirs));
  }
} finally {
  rmSync(cache, { recursive: true, force: true });
  rmSync(otherCache, { recursive: true, force: true });
}
