// `loggd export` and `loggd sync` against the standalone mock with 50 ms latency and the mock's rate limit
// scaled 10× (3000 requests per minute). Prints requests made ÷ the minimum needed, 429s
// met, wall time ÷ the lower bound set by the rate limit, the concurrency gain over a one-at-a-time export as
// `export: ratio X.XX (ours N ops/s vs baseline M ops/s)` (an op is one request), and peak RSS while a large
// account streams to NDJSON and to SQLite. Runs itself under --experimental-transform-types to load the CLI's
// TypeScript sources.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
if (!process.execArgv.includes('--experimental-transform-types')) {
  const r = spawnSync(
    process.execPath,
    ['--experimental-transform-types', '--no-warnings', self, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}

registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL) {
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (existsSync(fileURLToPath(ts))) return next(ts.href, context);
    }
    return next(specifier, context);
  },
});

const quick = process.argv.includes('--quick');
const { Loggd } = await import('@loggd/sdk');
const { startMockServer } = await import('@loggd/mock');
const { exportAccount } = await import('../packages/cli/src/export/run.js');
const { syncAccount } = await import('../packages/cli/src/sync/run.js');
const { Progress } = await import('../packages/cli/src/export/progress.js');
const { RESOURCES } = await import('../packages/cli/src/export/layout.js');
const { Writable } = await import('node:stream');

const NOW = '2026-04-08T12:00:00Z';
// 10× the real quota over the real window: the SDK sizes its bucket from X-RateLimit-Limit per minute.
const WINDOW_MS = 60_000;
const LIMIT = 3_000;
const LATENCY = 50;
const silent = () => new Progress(new Writable({ write: (_c, _e, cb) => cb() }));

/** The fewest requests an export can make: one per page of 100, one per task detail. */
function minimumRequests(account: import('@loggd/mock').Account): { requests: number; checks: number } {
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

async function timedExport(scale: number, concurrency: number) {
  const server = await startMockServer({
    port: 0,
    seed: 1,
    // Not frozen: the mock's rate window slides on its clock, which must follow real time here.
    scale,
    latency: LATENCY,
    rateLimit: { limit: LIMIT, windowMs: WINDOW_MS },
  });
  const account = server.mock.dataset.accounts.find(
    (a) => a.userId === server.mock.tokens.get('mock_pro_all')!.userId,
  )!;
  const min = minimumRequests(account);
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
  const r = await exportAccount({
    client,
    out,
    format: 'ndjson',
    resources: new Set(RESOURCES),
    now: new Date(NOW),
    progress: silent(),
    toolVersion: 'bench',
    concurrency,
  });
  const ms = performance.now() - t0;
  await server.close();
  await rm(out, { recursive: true, force: true });
  // Lower bound: the quota (a full window's worth may go at once) or the round trips at this concurrency.
  const bound = Math.max(
    (Math.max(0, min.requests - LIMIT) / LIMIT) * WINDOW_MS + LATENCY,
    (min.requests * LATENCY) / concurrency,
  );
  return { ms, requests: r.requests, min, tooMany, bound };
}

async function peakRss(scale: number, to: 'ndjson' | 'sqlite'): Promise<{ mb: number; checks: number }> {
  const server = await startMockServer({ port: 0, seed: 1, now: NOW, scale, rateLimit: false });
  void server.mock.dataset.accounts.length; // generate the dataset before measuring
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const client = new Loggd({
    token: 'mock_pro_all',
    baseUrl: server.baseUrl,
    validation: 'off',
    rateLimit: false,
  });
  const dir = await mkdtemp(join(tmpdir(), 'loggd-bench-'));
  const common = { client, resources: new Set(RESOURCES), now: new Date(NOW), progress: silent() };
  if (to === 'ndjson') {
    await exportAccount({ ...common, out: dir, format: 'ndjson', toolVersion: 'bench', concurrency: 4 });
  } else {
    await syncAccount({ ...common, db: join(dir, 'x.sqlite'), concurrency: 4 });
  }
  clearInterval(timer);
  const checks = minimumRequests(
    server.mock.dataset.accounts.find((a) => a.userId === server.mock.tokens.get('mock_pro_all')!.userId)!,
  ).checks;
  await server.close();
  await rm(dir, { recursive: true, force: true });
  // The mock runs in this process too: its dataset is in `before`; the peak above it is the export's.
  return { mb: (peak - before) / 1e6, checks };
}

const scale = quick ? 2 : 40;
const ours = await timedExport(scale, 4);
const base = await timedExport(scale, 1);
console.log(
  `export requests: ${ours.requests} made / ${ours.min.requests} needed = ${(ours.requests / ours.min.requests).toFixed(2)} (aim 1.00, ≤ 1.05); ${ours.min.checks} checks`,
);
console.log(`export 429s met: ${ours.tooMany} (aim 0)`);
console.log(
  `export wall time: ${(ours.ms / 1000).toFixed(1)} s / lower bound ${(ours.bound / 1000).toFixed(1)} s = ${(ours.ms / ours.bound).toFixed(2)} (aim ≤ 1.15)`,
);
const opsOurs = ours.requests / (ours.ms / 1000);
const opsBase = base.requests / (base.ms / 1000);
console.log(
  `export: ratio ${(opsOurs / opsBase).toFixed(2)} (ours ${opsOurs.toFixed(0)} ops/s vs baseline ${opsBase.toFixed(0)} ops/s)`,
);
const rssScale = quick ? 8 : 433;
for (const to of ['ndjson', 'sqlite'] as const) {
  const r = await peakRss(rssScale, to);
  console.log(
    `export peak RSS to ${to}: +${r.mb.toFixed(0)} MB over the mock for ${r.checks} checks (aim ≤ 200 MB)`,
  );
}
