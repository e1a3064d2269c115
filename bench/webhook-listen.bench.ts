/**
 * Verified deliveries per second through `loggd webhooks listen`'s receiver (startListenServer: the SDK's
 * createWebhookHandler verifying, parsing and deduping, plus the ndjson line it prints, written to a discarding sink)
 * against a bare node:http server that only reads the body, same client, same run. The client (keep-alive, fixed
 * concurrency) sends pre-signed deliveries with unique ids, so signing and dedupe hits stay out of the measurement.
 * Usage: node bench/webhook-listen.bench.ts [--quick]   (needs `pnpm --filter @loggd/sdk run build` first)
 */
import { createHmac } from 'node:crypto';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveTsSources } from './lib/ts-sources.ts';

// Package sources are imported straight from .ts.
resolveTsSources();
const { startListenServer } = await import('../packages/cli/src/webhooks/listen-server.ts');
const { ndjsonLine } = await import('../packages/cli/src/webhooks/delivery-line.ts');

const quick = process.argv.includes('--quick');
const REQUESTS = quick ? 1_500 : 6_000;
const ROUNDS = quick ? 3 : 5;
const CONCURRENCY = 16;
const SECRET = 'whsec_5f1d0c3e9a7b4c2e8d6f0a1b3c5d7e9f';

interface Delivery {
  body: Buffer;
  headers: string[];
}

let nextId = 0;
function deliveries(count: number): Delivery[] {
  return Array.from({ length: count }, () => {
    const id = `bench-${nextId++}`;
    const body = Buffer.from(
      JSON.stringify({
        event: 'habit.completed',
        version: 1,
        timestamp: '2026-04-08T14:30:00+00:00',
        data: { habit_id: 456, habit_name: 'Morning Exercise', check_date: '2026-04-08', streak: 7 },
      }),
    );
    const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    return {
      body,
      headers: [
        'Content-Type',
        'application/json',
        'User-Agent',
        'Loggd-Webhook/1.0',
        'X-Loggd-Event',
        'habit.completed',
        'X-Loggd-Delivery',
        id,
        'X-Loggd-Signature',
        signature,
        'Content-Length',
        String(body.byteLength),
      ],
    };
  });
}

/** Sends every delivery with CONCURRENCY in flight; resolves the number of 2xx answers. */
async function send(port: number, batch: Delivery[]): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let ok = 0;
  let next = 0;
  const host = `127.0.0.1:${port}`;
  const worker = async () => {
    while (next < batch.length) {
      const d = batch[next++]!;
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/',
            method: 'POST',
            agent,
            headers: ['Host', host, ...d.headers],
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(d.body);
      });
      if (status >= 200 && status < 300) ok++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  return ok;
}

const baseline = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"received":true}');
  });
});
await new Promise<void>((resolve) => baseline.listen(0, '127.0.0.1', resolve));
const baselinePort = (baseline.address() as AddressInfo).port;

let printed = 0;
const ours = await startListenServer({
  port: 0,
  path: '/',
  secrets: [SECRET],
  onDelivery: (record) => {
    if (record.verified && !record.duplicate) printed += ndjsonLine(record).length > 0 ? 1 : 0;
  },
});

const targets = { baseline: baselinePort, ours: ours.port };
const best: Record<string, number> = {};
await send(baselinePort, deliveries(200)); // warm-up
await send(ours.port, deliveries(200));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, port] of Object.entries(targets)) {
    const batch = deliveries(REQUESTS);
    const start = performance.now();
    const ok = await send(port, batch);
    const seconds = (performance.now() - start) / 1000;
    if (ok !== REQUESTS) throw new Error(`${name}: ${ok}/${REQUESTS} deliveries answered 2xx`);
    best[name] = Math.max(best[name] ?? 0, REQUESTS / seconds);
  }
}
if (printed !== 200 + ROUNDS * REQUESTS) throw new Error(`listen printed ${printed} verified deliveries`);
await ours.close();
await new Promise<void>((resolve) => baseline.close(() => resolve()));

const o = best.ours!;
const b = best.baseline!;
console.log(
  `webhook-listen: ratio ${(o / b).toFixed(2)} (ours ${Math.round(o)} ops/s vs baseline ${Math.round(b)} ops/s)`,
);
