/**
 * Size budget of @loggd/sdk in a browser/edge bundle: esbuild (platform browser, minify, `browser` condition)
 * bundles (1) the core (client, pagination, errors, webhooks) with zod external, and (2) the same with zod,
 * whose difference is zod's cost. Prints min+gzip sizes (node:zlib) and fails when (1) exceeds the budget.
 * `--compare-mini` also estimates what `zod/mini` would cost for the same kinds of schemas (report only).
 *
 * Run: `npx -y pnpm@12 run size` (needs the built SDK).
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROOT } from './lib/pack.ts';

/**
 * Budget for bundle (1), min+gzip bytes: the aim of issue #11. The core measured 20.2 kB with ky (≈ 6 kB of it)
 * and 14.4 kB once the SDK owned its fetch and body read. Lower it when the core shrinks; raise it only with a
 * reason.
 */
const CORE_BUDGET = 15 * 1024;

// What an app that lists data and verifies webhooks imports.
const CORE_ENTRY = `export {
  Loggd, PagePromise, LoggdError, LoggdApiError, NotFoundError, RateLimitError,
  constructEvent, verifySignature, createDeliveryDeduper,
} from '@loggd/sdk';`;

interface Measured {
  min: number;
  gzip: number;
}

async function bundle(contents: string, resolveDir: string, external: string[]): Promise<Measured> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['browser'],
    external,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const line = (name: string, m: Measured) =>
  `${name.padEnd(48)} ${kb(m.min).padStart(9)} min ${kb(m.gzip).padStart(8)} min+gzip`;

const core = await bundle(CORE_ENTRY, ROOT, ['zod']);
const withZod = await bundle(CORE_ENTRY, ROOT, []);
const zodCost = { min: withZod.min - core.min, gzip: withZod.gzip - core.gzip };
console.log(line('(1) core + pagination + errors + webhooks', core));
console.log(line('(2) zod, as the SDK uses it', zodCost));
console.log(line('    total', withZod));

if (process.argv.includes('--compare-mini')) {
  // The same kinds of schemas the SDK declares (loose objects, ISO dates, ints, enums, nullables, preprocess).
  const body = `const D = z.iso.datetime({ offset: true });
    export const S = z.looseObject({ id: z.number().int().positive(), d: z.iso.date().nullable(), t: D,
      s: z.enum(['a', 'b']), a: z.array(z.string()).optional(), r: z.record(z.string(), z.array(z.string())) });
    export const P = z.preprocess((x) => x, S);
    export const parse = (x: unknown) => P.safeParse(x);`;
  const mini = `const D = z.iso.datetime({ offset: true });
    export const S = z.looseObject({ id: z.number().check(z.int(), z.positive()), d: z.nullable(z.iso.date()), t: D,
      s: z.enum(['a', 'b']), a: z.optional(z.array(z.string())), r: z.record(z.string(), z.array(z.string())) });
    export const P = z.pipe(z.transform((x: unknown) => x), S);
    export const parse = (x: unknown) => P.safeParse(x);`;
  const sdkDir = join(ROOT, 'packages/sdk');
  // `import { z }` binds zod's namespace object, which bundlers cannot tree-shake (every locale, JSON Schema
  // conversion…); `import * as z` lets them drop what is unused.
  console.log(
    line(
      "zod, import { z } from 'zod' (as the SDK does)",
      await bundle(`import { z } from 'zod';${body}`, sdkDir, []),
    ),
  );
  console.log(
    line("zod, import * as z from 'zod'", await bundle(`import * as z from 'zod';${body}`, sdkDir, [])),
  );
  console.log(
    line('zod/mini, same schemas', await bundle(`import * as z from 'zod/mini';${mini}`, sdkDir, [])),
  );
}

if (core.gzip > CORE_BUDGET) {
  console.error(`(1) is ${kb(core.gzip)} min+gzip, over the ${kb(CORE_BUDGET)} budget.`);
  process.exit(1);
}
console.log(`(1) is within the ${kb(CORE_BUDGET)} min+gzip budget.`);
