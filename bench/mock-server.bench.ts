/**
 * Throughput of the standalone mock server (`startMockServer`) against a bare node:http server that returns the
 * same precomputed JSON, both measured in this run over keep-alive fetch from this process.
 * Run: node bench/mock-server.bench.ts [--quick]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockServer } from '@loggd/mock';

const quick = process.argv.includes('--quick');
const REQUESTS = quick ? 400 : 4000;
const CONCURRENCY = 8;
const headers = { authorization: 'Bearer mock_pro_all' };

async function run(urls: string[]): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++]!;
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return urls.length / ((performance.now() - start) / 1000);
}

const mock = await startMockServer({
  seed: 1,
  now: '2026-04-08T12:00:00Z',
  rateLimit: false,
  contract: !process.env.NO_CONTRACT,
});
const mockBase = mock.baseUrl;

// Precompute what the baseline will serve: the exact bodies the mock answers.
const habitsBody = await (await fetch(`${mockBase}/habits`, { headers })).text();
const account = mock.mock.dataset.accounts.find((a) => a.pro)!;
const habit = account.habits.reduce((a, b) =>
  (account.checks.get(a.id)?.length ?? 0) >= (account.checks.get(b.id)?.length ?? 0) ? a : b,
);
const pages: string[] = [];
let after: number | undefined;
for (;;) {
  const path = `/habits/${habit.id}/checks?limit=50${after === undefined ? '' : `&after=${after}`}`;
  pages.push(path);
  const page = JSON.parse(await (await fetch(`${mockBase}${path}`, { headers })).text());
  if (!page.has_more) break;
  after = page.data.at(-1).id;
}
const pageBodies = new Map<string, string>();
for (const p of pages) pageBodies.set(p, await (await fetch(`${mockBase}${p}`, { headers })).text());

const baseline = createServer((req, res) => {
  const path = (req.url ?? '').replace('/api/v1/public', '');
  const body = path === '/habits' ? habitsBody : (pageBodies.get(path) ?? '{}');
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
const baseBase = `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/api/v1/public`;

const cases: [string, string[]][] = [
  ['GET /habits', Array.from({ length: REQUESTS }, () => '/habits')],
  [
    `checks walk (${pages.length} pages of 50)`,
    Array.from({ length: REQUESTS }, (_, i) => pages[i % pages.length]!),
  ],
];
for (const [name, paths] of cases) {
  await run(paths.slice(0, 50).map((p) => mockBase + p)); // warm-up
  await run(paths.slice(0, 50).map((p) => baseBase + p));
  const ours = await run(paths.map((p) => mockBase + p));
  const base = await run(paths.map((p) => baseBase + p));
  console.log(
    `mock-server ${name}: ratio ${(ours / base).toFixed(2)} (ours ${Math.round(ours)} ops/s vs baseline ${Math.round(base)} ops/s)`,
  );
}
await mock.close();
mock.mock.webhooks.close();
baseline.close();
