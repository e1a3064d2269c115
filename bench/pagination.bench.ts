// Client-side overhead of paging with @loggd/sdk versus a bare fetch loop over the same pages, both against a
// local node:http server. Prints `name: ratio X.XX (ours N ops/s vs baseline M ops/s)`, where an op is one page
// and the ratio is our time per page over the baseline's (1.00 = no overhead; the aim is ≤ 1.3).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Loggd } from '@loggd/sdk';
import { resolveTsSources } from './lib/ts-sources.ts';

resolveTsSources();
const { ResponseValidator } = await import('../packages/sdk/src/response-validation.ts');
const { HabitSchema } = await import('../packages/sdk/src/schemas/habits.ts');

const quick = process.argv.includes('--quick');
const PAGES = quick ? 20 : 50;
const PER_PAGE = 100;
const ROUNDS = quick ? 5 : 15;

// A habit as the docs show it; ids descend like a newest-first list.
const template = {
  name: 'Morning Exercise',
  description: '30 minutes of cardio or strength',
  emoji: '💪',
  color: '#10B981',
  url: null,
  frequency: 'daily',
  custom_days: null,
  tracking_mode: 'check',
  weekly_target: null,
  daily_time_goal: null,
  data_source: null,
  allow_multiple_checks: false,
  display_order: 1,
  current_streak: 14,
  longest_streak: 45,
  status: 'active',
  start_date: '2026-01-01',
  checked_today: true,
  last_checked_at: '2026-04-08T07:15:00+00:00',
  created_at: '2026-01-01T08:00:00+00:00',
  updated_at: '2026-03-15T10:00:00+00:00',
};
const total = PAGES * PER_PAGE;
// Pre-rendered pages: the server's own cost stays identical for both clients.
const pages = new Map<string, string>();
for (let p = 0; p < PAGES; p++) {
  const first = total - p * PER_PAGE;
  const data = Array.from({ length: PER_PAGE }, (_, i) => ({ id: first - i, ...template }));
  // Keyed by the cursor that asks for it: the previous page's last id, which is first + 1.
  pages.set(p === 0 ? 'start' : String(first + 1), JSON.stringify({ data, has_more: p < PAGES - 1 }));
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const body = pages.get(url.searchParams.get('after') ?? 'start');
  res.writeHead(body ? 200 : 404, {
    'content-type': 'application/json',
    'x-ratelimit-limit': '300',
    'x-ratelimit-remaining': '299',
  });
  res.end(body ?? '{"message":"Not found."}');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/public`;

/** The baseline: what a careful hand-written loop does, fetch + JSON + cursor. */
async function bareFetch(): Promise<number> {
  let after: number | undefined;
  let count = 0;
  for (;;) {
    const url = `${baseUrl}/habits?limit=${PER_PAGE}${after ? `&after=${after}` : ''}`;
    const res = await fetch(url, { headers: { Authorization: 'Bearer t', Accept: 'application/json' } });
    if (!res.ok) throw new Error(`baseline got ${res.status}`);
    const body = (await res.json()) as { data: Array<{ id: number }>; has_more?: boolean };
    count += body.data.length;
    if (!body.has_more) return count;
    after = body.data.at(-1)!.id;
  }
}

function sdkLoop(validation: 'warn' | 'off') {
  // The bench measures per-page overhead, not pacing: the client's 300/min pacing is turned off.
  const loggd = new Loggd({ token: 't', baseUrl, rateLimit: false, validation });
  return async (): Promise<number> => {
    let count = 0;
    for await (const _habit of loggd.habits.list()) count++;
    return count;
  };
}

async function time(run: () => Promise<number>): Promise<number> {
  const start = performance.now();
  const count = await run();
  if (count !== total) throw new Error(`expected ${total} items, got ${count}`);
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function compare(name: string, ours: () => Promise<number>) {
  // Warm-up rounds on both sides: with a single one, the bare loop of the first comparison was still being
  // optimised while measured (its baseline came out half the speed of the same loop in the next comparison).
  for (let r = 0; r < (quick ? 2 : 5); r++) {
    await time(bareFetch);
    await time(ours);
  }
  const base: number[] = [];
  const mine: number[] = [];
  // Interleaved so drift (GC, CPU contention) hits both sides alike.
  for (let r = 0; r < ROUNDS; r++) {
    base.push(await time(bareFetch));
    mine.push(await time(ours));
  }
  const baseOps = (PAGES * 1000) / median(base);
  const oursOps = (PAGES * 1000) / median(mine);
  console.log(
    `${name}: ratio ${(baseOps / oursOps).toFixed(2)} (ours ${oursOps.toFixed(0)} ops/s vs baseline ${baseOps.toFixed(0)} ops/s)`,
  );
}

/**
 * The validation step alone, on one parsed page of 100 habits: the SDK's validator (compiled structural pass, zod
 * only for flagged items) against what it did before, one zod `safeParse` of the whole page.
 */
function compareValidation() {
  const page = (JSON.parse(pages.get('start') as string) as { data: unknown[] }).data;
  const where = { route: '/habits', method: 'GET', path: '/habits' };
  const validator = new ResponseValidator('warn', () => {
    throw new Error('the bench page should raise no warning');
  });
  const zodPage = HabitSchema.array();
  const n = quick ? 50 : 200;
  const run = (f: () => unknown) => {
    const start = performance.now();
    for (let i = 0; i < n; i++) f();
    return performance.now() - start;
  };
  const ours: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    base.push(run(() => zodPage.safeParse(page)));
    ours.push(run(() => validator.checkList(HabitSchema, page, where)));
  }
  const baseOps = (n * 1000) / median(base);
  const oursOps = (n * 1000) / median(ours);
  console.log(
    `validating a page of 100 habits, SDK validator vs one zod safeParse (the previous path): ratio ${(baseOps / oursOps).toFixed(2)} (ours ${oursOps.toFixed(0)} pages/s vs zod ${baseOps.toFixed(0)} pages/s)`,
  );
}

try {
  await compare('pagination, validation off', sdkLoop('off'));
  await compare('pagination, validation warn (default)', sdkLoop('warn'));
} finally {
  server.close();
}
compareValidation();
