import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Black-box checks of the built package (dist/): both module formats, and both HMAC builds that package.json
// `imports["#hmac"]` chooses between by the `node` condition. Run `pnpm --filter @loggd/sdk run build` first.
const dist = new URL('../dist/', import.meta.url);
const built = existsSync(new URL('webhooks.js', dist)) && existsSync(new URL('hmac-web.js', dist));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const require = createRequire(import.meta.url);

type HmacModule = {
  signHex(secret: string, body: string | Uint8Array): string | Promise<string>;
  verifyAny(secrets: string[], body: string | Uint8Array, hex: string): boolean | Promise<boolean>;
};

describe.skipIf(!built)('the built @loggd/sdk webhooks (skipped when dist/ is not built)', () => {
  it('routes #hmac to node:crypto under the node condition and to Web Crypto otherwise, in both formats', () => {
    expect(pkg.imports['#hmac']).toEqual({
      node: { import: './dist/hmac-node.js', require: './dist/hmac-node.cjs' },
      default: { import: './dist/hmac-web.js', require: './dist/hmac-web.cjs' },
    });
  });

  it('only the node HMAC build imports node:* modules', () => {
    const files = readdirSync(dist).filter((f) => /\.(c?js)$/.test(f) && !f.startsWith('hmac-node.'));
    for (const file of files) {
      expect(readFileSync(new URL(file, dist), 'utf8'), file).not.toMatch(/(from |require\()["']node:/);
    }
    // node:crypto is loaded on first use (process.getBuiltinModule), never imported at start.
    expect(readFileSync(new URL('hmac-node.js', dist), 'utf8')).toMatch(/get\("node:crypto"\)/);
  });

  it('importing the SDK loads no crypto module until a webhook is verified or signed', () => {
    const script = `
      const sdk = await import(${JSON.stringify(new URL('index.js', dist).href)});
      const before = process.moduleLoadList.filter((m) => /crypto/.test(m)).length;
      const sig = await sdk.signPayload('{}', 'whsec_x');
      console.log(JSON.stringify({ before, sig, after: process.moduleLoadList.filter((m) => /crypto/.test(m)).length }));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const { before, sig, after } = JSON.parse(out) as { before: number; sig: string; after: number };
    expect(before).toBe(0);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(after).toBeGreaterThan(0);
  });

  it('property: the four HMAC builds (node/web × ESM/CJS) agree with each other', async () => {
    const builds: HmacModule[] = [
      await import(new URL('hmac-node.js', dist).href),
      await import(new URL('hmac-web.js', dist).href),
      require('../dist/hmac-node.cjs'),
      require('../dist/hmac-web.cjs'),
    ];
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), fc.string({ minLength: 1 }), async (body, secret) => {
        const hexes = await Promise.all(builds.map((b) => b.signHex(secret, body)));
        expect(new Set(hexes).size).toBe(1);
        for (const b of builds) expect(await b.verifyAny(['other', secret], body, hexes[0]!)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('ESM and CJS entry points verify the same delivery and share one error class with the root', async () => {
    const esm = await import('@loggd/sdk/webhooks');
    const cjs = require('@loggd/sdk/webhooks') as typeof esm;
    const rootCjs = require('@loggd/sdk') as typeof esm & { LoggdError: ErrorConstructor };
    const secret = 'whsec_pkg';
    const test = await esm.createTestDelivery(
      'badge.unlocked',
      esm.WEBHOOK_EVENTS['badge.unlocked'].example,
      secret,
    );
    for (const mod of [esm, cjs, rootCjs]) {
      expect(await mod.constructEvent({ body: test.body, headers: test.headers, secret })).toMatchObject({
        event: 'badge.unlocked',
        known: true,
      });
    }
    expect(cjs.WebhookVerificationError).toBe(rootCjs.WebhookVerificationError);
    const error = await cjs
      .constructEvent({ body: {} as never, headers: test.headers, secret })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(rootCjs.LoggdError);
  });
});
