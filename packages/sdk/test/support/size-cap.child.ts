// `node size-cap.child.ts BASE_URL CAP`: one call against a flooding server with maxResponseBytes CAP, in a
// process of its own so the RSS it reports is the SDK's and not the test runner's. Prints one JSON line.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

// The sources' `./x.js` specifiers (written for tsup) resolve to their `.ts` files.
registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL) {
      const ts = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
      if (existsSync(fileURLToPath(ts))) return next(ts.href, context);
    }
    return next(specifier, context);
  },
});

const [baseUrl, cap] = process.argv.slice(2) as [string, string];
const { Loggd } = (await import(
  new URL('../../src/index.ts', import.meta.url).href
)) as typeof import('../../src/index.js');

const loggd = new Loggd({
  token: 't',
  baseUrl,
  rateLimit: false,
  maxRetries: 0,
  maxResponseBytes: Number(cap),
});
const baselineRss = process.memoryUsage.rss();
let peakRss = baselineRss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 5);
let error = 'none';
let limit: number | undefined;
try {
  await loggd.profile.get();
} catch (e) {
  error = (e as Error).name;
  limit = (e as { limit?: number }).limit;
}
clearInterval(sampler);
// maxRSS is the kernel's own high-water mark (KiB), catching any peak between samples.
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
process.stdout.write(`${JSON.stringify({ error, limit, baselineRss, peakRss })}\n`);
