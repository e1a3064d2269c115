/**
 * Sequential webhook signature checks per second: `verifySignature` from the built `@loggd/sdk/webhooks` (the
 * node:crypto fast path on Node) against the docs' raw createHmac + timingSafeEqual recipe, in the same run.
 * Also prints, for information, the Web Crypto build (what Deno, browsers and edge runtimes use).
 * Usage: node bench/webhook-verify.bench.ts [--quick]   (needs `pnpm --filter @loggd/sdk run build` first)
 */
import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { verifySignature } from '@loggd/sdk/webhooks';

// The Web Crypto build, which Node never selects through the package (its `node` condition wins): load it by path.
const webBuild = new URL('../packages/sdk/dist/hmac-web.js', import.meta.url).href;
const { verifyAny: webVerifyAny } = (await import(webBuild)) as {
  verifyAny(secrets: readonly string[], body: Uint8Array, signatureHex: string): Promise<boolean>;
};

const quick = process.argv.includes('--quick');
const ITERATIONS = quick ? 5_000 : 30_000;
const ROUNDS = quick ? 3 : 7;

const secret = 'whsec_5f1d0c3e9a7b4c2e8d6f0a1b3c5d7e9f';
const body = JSON.stringify({
  event: 'habit.completed',
  version: 1,
  timestamp: '2026-04-08T14:30:00+00:00',
  data: { habit_id: 456, habit_name: 'Morning Exercise', check_date: '2026-04-08', streak: 7 },
});
const rawBody = Buffer.from(body);
const signature = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;

/** The docs' recipe, sync: the fastest a correct check can be on Node. */
function baseline(): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function runBaseline(): Promise<number> {
  let ok = 0;
  for (let i = 0; i < ITERATIONS; i++) if (baseline()) ok++;
  return ok;
}

async function runOurs(): Promise<number> {
  let ok = 0;
  for (let i = 0; i < ITERATIONS; i++) if (await verifySignature({ body: rawBody, signature, secret })) ok++;
  return ok;
}

const hex = signature.slice('sha256='.length);
async function runWeb(): Promise<number> {
  let ok = 0;
  for (let i = 0; i < ITERATIONS; i++) if (await webVerifyAny([secret], rawBody, hex)) ok++;
  return ok;
}

/** Best ops/s over interleaved rounds: the machine is shared, so the best round is the least disturbed one. */
async function measure(runs: Record<string, () => Promise<number>>): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  for (const run of Object.values(runs)) await run(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(runs)) {
      const start = performance.now();
      const ok = await run();
      const seconds = (performance.now() - start) / 1000;
      if (ok !== ITERATIONS) throw new Error(`${name}: ${ok}/${ITERATIONS} signatures verified`);
      best[name] = Math.max(best[name] ?? 0, ITERATIONS / seconds);
    }
  }
  return best;
}

const ops = await measure({ baseline: runBaseline, ours: runOurs, web: runWeb });
const line = (name: string, ours: number, base: number) =>
  `${name}: ratio ${(ours / base).toFixed(2)} (ours ${Math.round(ours)} ops/s vs baseline ${Math.round(base)} ops/s)`;
console.log(line('webhook-verify', ops.ours!, ops.baseline!));
console.log(line('webhook-verify web-crypto (info)', ops.web!, ops.baseline!));
