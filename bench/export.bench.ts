// `loggd export` and `loggd sync` against the standalone mock with 50 ms latency and the mock's rate limit
// scaled 10× (3000 requests per minute). Prints requests made ÷ the minimum needed, 429s met, wall time ÷ the
// lower bound set by the rate limit and latency, the concurrency gain over a one-at-a-time export as
// `export: ratio X.XX (ours N ops/s vs baseline M ops/s)` (an op is one request; the baseline runs on the quick
// account to keep the run short: ops/s do not depend on the size), and the peak RSS of a process streaming a
// 1M-check account (--quick: ~20k) to NDJSON and to SQLite. The mock server always runs in its own process, so
// neither its dataset nor its CPU counts against the export; the peak-RSS exporters are processes of their own
// too, measured by the kernel (getrusage maxRSS), not sampled. Runs itself under --experimental-transform-types
// to load the CLI's TypeScript sources.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { resolveTsSources } from './lib/ts-sources.ts';

const self = fileURLToPath(import.meta.url);
if (!process.execArgv.includes('--experimental-transform-types')) {
  const r = spawnSync(
    process.execPath,
    ['--experimental-transform-types', '--no-warnings', self, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}

// Package sources are imported straight from .ts.
resolveTsSources();

const quick = process.argv.includes('--quick');
const child = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);
const NOW = '2026-04-08T12:00:00Z';
// 10× the real quota over the real window: the SDK sizes its limiter from X-RateLimit-Limit per minute.
const WINDOW_MS = 60_000;
const LIMIT = 3_000;
const LATENCY = 50;
const HEAP_FLAGS = ['--max-old-space-size=64', '--max-semi-space-size=4'];

interface Minimum {
  requests: number;
  checks: number;
}

/** The fewest requests an export can make: one per page of 100, one per task detail. */
function minimumRequests(account: import('@loggd/mock').Account): Minimum {
  const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
  let requests = 1 + pages(account.habits.length) + pages(account.tasks.length) + account.tasks.length;
  requests += pages(account.goals.length) + pages(account.focusSessions.length);
  let checks = 0;
  for (const h of account.habits) {
    const c = account.checks.get(h.id)?.length ?? 0;
    checks += c;
    requests += pages(c) + pages(account.skips.get(h.id)?.length ?? 0);
  }
  for (const g of account.goals) requests += pages(account.goalUpdates.get(g.id)?.length ?? 0);
  return { requests, checks };
}

/** A child process's one JSON line on stdout. */
function firstLine(proc: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout! });
    rl.once('line', (line) => resolve(JSON.parse(line)));
    proc.once('exit', (code) => reject(new Error(`bench child exited with ${code} before answering`)));
  });
}

function spawnSelf(args: string[]): ChildProcess {
  return spawn(process.execPath, [...process.execArgv, self, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
}

/** The standalone mock in its own process; resolves with its address and the minimum an export needs. */
async function mockServer(options: Record<string, unknown>) {
  const proc = spawnSelf(['--child=server', JSON.stringify(options)]);
  const info = (await firstLine(proc)) as { baseUrl: string; min: Minimum };
  return {
    ...info,
    close: () =>
      new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.stdin!.end();
      }),
  };
}

if (child === 'server') {
  const { startMockServer } = await import('@loggd/mock');
  const server = await startMockServer({ port: 0, ...JSON.parse(process.argv.at(-1)!) });
  const account = server.mock.dataset.accounts.find(
    (a) => a.userId === server.mock.tokens.get('mock_pro_all')!.userId,
  )!;
  console.log(JSON.stringify({ baseUrl: server.baseUrl, min: minimumRequests(account) }));
  // The parent closes stdin to stop the server.
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await server.close();
    process.exit(0);
  });
} else if (child === 'rss') {
  const { baseUrl, to, resources } = JSON.parse(process.argv.at(-1)!) as {
    baseUrl: string;
    to: 'ndjson' | 'sqlite';
    resources?: string[];
  };
  const { Loggd } = await import('@loggd/sdk');
  const { exportAccount } = await import('../packages/cli/src/export/run.js');
  const { syncAccount } = await import('../packages/cli/src/sync/run.js');
  const { Progress } = await import('../packages/cli/src/account/progress.js');
  const { RESOURCES } = await import('../packages/cli/src/account/resources.js');
  const { Writable } = await import('node:stream');
  const idle = process.memoryUsage().rss;
  const client = new Loggd({ token: 'mock_pro_all', baseUrl, validation: 'off', rateLimit: false });
  const dir = await mkdtemp(join(tmpdir(), 'loggd-bench-'));
  const common = {
    client,
    resources: new Set(resources ?? RESOURCES) as Set<(typeof RESOURCES)[number]>,
    now: new Date(NOW),
    progress: new Progress(new Writable({ write: (_c, _e, cb) => cb() })),
    concurrency: 8,
  };
  const t0 = performance.now();
  if (to === 'ndjson') await exportAccount({ ...common, out: dir, format: 'ndjson', toolVersion: 'bench' });
  else await syncAccount({ ...common, db: join(dir, 'x.sqlite') });
  const seconds = (performance.now() - t0) / 1000;
  await rm(dir, { recursive: true, force: true });
  // maxRSS is in KiB: the kernel's high-water mark of this process, whatever the sampling would have missed.
  console.log(
    JSON.stringify({ peakMb: (process.resourceUsage().maxRSS * 1024) / 1e6, idleMb: idle / 1e6, seconds }),
  );
} else {
  await main();
}

/** An export against a fresh mock; `capMs` stops it early (the baseline only needs its request rate). */
async function timedExport(scale: number, concurrency: number, capMs?: number) {
  const { Loggd } = await import('@loggd/sdk');
  const { exportAccount } = await import('../packages/cli/src/export/run.js');
  const { Progress } = await import('../packages/cli/src/account/progress.js');
  const { RESOURCES } = await import('../packages/cli/src/account/resources.js');
  const { Writable } = await import('node:stream');
  // Not frozen: the mock's rate window slides on its clock, which must follow real time here.
  const server = await mockServer({
    seed: 1,
    scale,
    latency: LATENCY,
    rateLimit: { limit: LIMIT, windowMs: WINDOW_MS },
  });
  let tooMany = 0;
  const client = new Loggd({
    token: 'mock_pro_all',
    baseUrl: server.baseUrl,
    validation: 'off',
    rateLimit: { requestsPerMinute: LIMIT },
    hooks: { onResponse: (e) => void (e.status === 429 && tooMany++) },
  });
  const out = await mkdtemp(join(tmpdir(), 'loggd-bench-'));
  const t0 = performance.now();
  const abort = new AbortController();
  const timer = capMs ? setTimeout(() => abort.abort(), capMs) : undefined;
  const r = await exportAccount({
    client,
    out,
    format: 'ndjson',
    resources: new Set(RESOURCES),
    now: new Date(NOW),
    progress: new Progress(new Writable({ write: (_c, _e, cb) => cb() })),
    toolVersion: 'bench',
    concurrency,
    signal: abort.signal,
  }).catch((err) => {
    if (!abort.signal.aborted) throw err;
    return { requests: client.stats.requests };
  });
  clearTimeout(timer);
  const ms = performance.now() - t0;
  await server.close();
  await rm(out, { recursive: true, force: true });
  const min = server.min;
  return { ms, requests: r.requests, min, tooMany, ...bounds(min.requests, concurrency) };
}

/**
 * The lower bound on the wall time of `n` requests with `concurrency` in flight and LATENCY each, under the mock's
 * sliding window (at most LIMIT starts in any WINDOW_MS): the physical limit. The SDK's limiter is a sliding log
 * of the same window, so this is also the best the client can do.
 */
function bounds(n: number, concurrency: number): { bound: number } {
  const gap = LATENCY / concurrency;
  const starts: number[] = [];
  for (let k = 0; k < n; k++) starts.push(Math.max(k * gap, k >= LIMIT ? starts[k - LIMIT]! + WINDOW_MS : 0));
  return { bound: starts[n - 1]! + LATENCY };
}

async function main(): Promise<void> {
  // Scale 43: the first with ≥ 100k checks (and thousands of tasks).
  const scale = quick ? 2 : 43;
  // The big account for the memory runs generates on the other core meanwhile (the timed export mostly waits).
  const rssServer = mockServer({ seed: 1, now: NOW, scale: quick ? 8 : 433, rateLimit: false });
  const ours = await timedExport(scale, 4);
  const base = await timedExport(2, 1, 4000);
  console.log(
    `export requests: ${ours.requests} made / ${ours.min.requests} needed = ${(ours.requests / ours.min.requests).toFixed(2)} (aim 1.00, ≤ 1.05); ${ours.min.checks} checks`,
  );
  console.log(`export 429s met: ${ours.tooMany} (aim 0)`);
  console.log(
    `export wall time: ${(ours.ms / 1000).toFixed(1)} s / lower bound ${(ours.bound / 1000).toFixed(1)} s = ${(ours.ms / ours.bound).toFixed(2)} (aim ≤ 1.15; the mock's sliding window at concurrency 4 and ${LATENCY} ms)`,
  );
  const opsOurs = ours.requests / (ours.ms / 1000);
  const opsBase = base.requests / (base.ms / 1000);
  console.log(
    `export: ratio ${(opsOurs / opsBase).toFixed(2)} (ours ${opsOurs.toFixed(0)} ops/s vs baseline ${opsBase.toFixed(0)} ops/s)`,
  );

  // Both exporters stream the habits with their checks and skips from one server at once. They run with V8's
  // heap capped: that they finish shows the live memory is bounded; uncapped, V8 grows its heap lazily and the
  // peak says more about its garbage-collection slack than about the export.
  const server = await rssServer;
  const measure = async (to: 'ndjson' | 'sqlite') => {
    const proc = spawn(
      process.execPath,
      [
        ...process.execArgv,
        ...HEAP_FLAGS,
        self,
        '--child=rss',
        JSON.stringify({ baseUrl: server.baseUrl, to, resources: ['profile', 'habits'] }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    proc.stdin!.end();
    return (await firstLine(proc)) as { peakMb: number; idleMb: number; seconds: number };
  };
  const results = await Promise.all([measure('ndjson'), measure('sqlite')]);
  await server.close();
  for (const [i, to] of (['ndjson', 'sqlite'] as const).entries()) {
    const r = results[i]!;
    console.log(
      `export peak RSS to ${to}: ${r.peakMb.toFixed(0)} MB (process at rest ${r.idleMb.toFixed(0)} MB, ${HEAP_FLAGS.join(' ')}) for ${server.min.checks} checks in ${r.seconds.toFixed(0)} s (aim ≤ 200 MB)`,
    );
  }
}
