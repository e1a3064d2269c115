/**
 * Verified webhook deliveries per second through `createWebhookHandler(...).node` (read the body, verify the
 * HMAC, parse and validate the event, dedupe, run a no-op handler, answer 200) against a bare `node:http`
 * server that only reads the body and answers 200, in the same run, over keep-alive with 32 requests in flight.
 * Every delivery has a fresh id, so none is short-circuited as a duplicate.
 * Usage: node bench/webhook-handler.bench.ts [--quick]   (needs `pnpm --filter @loggd/sdk run build` first)
 */
import { createHmac, randomUUID } from 'node:crypto';
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebhookHandler } from '@loggd/sdk/webhooks';

const quick = process.argv.includes('--quick');
const REQUESTS = quick ? 2_000 : 10_000;
const ROUNDS = quick ? 3 : 5;
const IN_FLIGHT = 32;
const secret = 'whsec_5f1d0c3e9a7b4c2e8d6f0a1b3c5d7e9f';

let handled = 0;
const ours = createWebhookHandler({
  secret,
  on: {
    'habit.completed': () => {
      handled++;
    },
  },
});

function bare(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    Buffer.concat(chunks);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
  });
}

async function serve(listener: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer({ keepAliveTimeout: 10_000 }, listener);
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

interface Delivery {
  body: Buffer;
  headers: Record<string, string>;
}

/** Signed deliveries with fresh ids; signing happens before the clock starts. */
function deliveries(count: number): Delivery[] {
  return Array.from({ length: count }, (_, i) => {
    const body = Buffer.from(
      JSON.stringify({
        event: 'habit.completed',
        version: 1,
        timestamp: '2026-04-08T14:30:00+00:00',
        data: { habit_id: i + 1, habit_name: 'Morning Exercise', check_date: '2026-04-08', streak: 7 },
      }),
    );
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'x-loggd-event': 'habit.completed',
        'x-loggd-delivery': randomUUID(),
        'x-loggd-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
    };
  });
}

function send(agent: Agent, port: number, d: Delivery): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: d.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(d.body);
  });
}

/** Requests per second for one batch, at most IN_FLIGHT at a time. */
async function run(port: number, batch: Delivery[]): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  let next = 0;
  let ok = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < batch.length) if ((await send(agent, port, batch[next++]!)) === 200) ok++;
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  if (ok !== batch.length) throw new Error(`${ok}/${batch.length} deliveries answered 200`);
  return batch.length / seconds;
}

const baseline = await serve(bare);
const handler = await serve(ours.node);
const best = { baseline: 0, ours: 0 };
await run(baseline.port, deliveries(500)); // warm-up
await run(handler.port, deliveries(500));
// Interleaved rounds, best of each: the machine is shared, so the best round is the least disturbed one.
for (let round = 0; round < ROUNDS; round++) {
  best.baseline = Math.max(best.baseline, await run(baseline.port, deliveries(REQUESTS)));
  const before = handled;
  best.ours = Math.max(best.ours, await run(handler.port, deliveries(REQUESTS)));
  if (handled - before !== REQUESTS)
    throw new Error(`handler ran ${handled - before} times for ${REQUESTS} deliveries`);
}
baseline.server.close();
handler.server.close();
console.log(
  `webhook-handler: ratio ${(best.ours / best.baseline).toFixed(2)} (ours ${Math.round(best.ours)} ops/s vs baseline ${Math.round(best.baseline)} ops/s)`,
);
