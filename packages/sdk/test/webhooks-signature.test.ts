import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as nodeHmac from '../src/webhooks/hmac/node.js';
import * as webHmac from '../src/webhooks/hmac/web.js';
import { signPayload, verifySignature, WebhookVerificationError } from '../src/webhooks/index.js';

/** The docs' own recipe (Node): an implementation independent of ours. */
function docsSignature(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const BODY =
  '{"event":"level.up","version":1,"timestamp":"2026-04-08T14:30:00+00:00","data":{"new_level":5}}';
const SECRET = 'whsec_0123456789abcdef';

const bodies = fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 512 }));
const secrets = fc.string({ unit: 'binary', minLength: 1, maxLength: 64 });

describe('verifySignature', () => {
  it('accepts signatures made by node:crypto, for string and byte bodies', async () => {
    const bytes = new TextEncoder().encode(BODY);
    expect(
      await verifySignature({ body: BODY, signature: docsSignature(BODY, SECRET), secret: SECRET }),
    ).toBe(true);
    expect(
      await verifySignature({ body: bytes, signature: docsSignature(bytes, SECRET), secrets: [SECRET] }),
    ).toBe(true);
    expect(
      await verifySignature({
        body: Buffer.from(BODY),
        signature: docsSignature(BODY, SECRET),
        secret: SECRET,
      }),
    ).toBe(true);
    expect(
      await verifySignature({ body: bytes.buffer, signature: docsSignature(BODY, SECRET), secret: SECRET }),
    ).toBe(true);
  });

  it('rejects a tampered body, a wrong secret and malformed headers without throwing', async () => {
    const good = docsSignature(BODY, SECRET);
    const cases: unknown[] = [
      docsSignature(`${BODY} `, SECRET),
      docsSignature(BODY, `${SECRET}x`),
      good.slice(0, -1),
      `${good}0`,
      good.toUpperCase(),
      `sha256=${good.slice(7).toUpperCase()}`,
      good.slice(7),
      `SHA256=${good.slice(7)}`,
      `sha1=${good.slice(7)}`,
      ` ${good}`,
      '',
      'sha256=',
      `sha256=${'z'.repeat(64)}`,
      null,
      undefined,
      42,
      [good],
      { toString: () => good },
    ];
    for (const signature of cases) {
      await expect(
        verifySignature({ body: BODY, signature, secret: SECRET }),
        String(signature),
      ).resolves.toBe(false);
    }
  });

  it('accepts any of several secrets (rotation) and no other', async () => {
    const signature = docsSignature(BODY, 'old-secret');
    expect(await verifySignature({ body: BODY, signature, secrets: ['new-secret', 'old-secret'] })).toBe(
      true,
    );
    expect(
      await verifySignature({ body: BODY, signature, secret: 'old-secret', secrets: ['new-secret'] }),
    ).toBe(true);
    expect(await verifySignature({ body: BODY, signature, secrets: ['new-secret', 'other'] })).toBe(false);
  });

  it('throws for caller bugs: no secret, an empty secret, a parsed body', async () => {
    const signature = docsSignature(BODY, SECRET);
    await expect(verifySignature({ body: BODY, signature })).rejects.toThrow(TypeError);
    await expect(
      verifySignature({ body: BODY, signature, secret: process.env.UNSET_VARIABLE_FOR_TEST }),
    ).rejects.toThrow(/secrets/);
    await expect(verifySignature({ body: BODY, signature, secrets: [''] })).rejects.toThrow(/empty string/);
    const parsed = verifySignature({ body: JSON.parse(BODY), signature, secret: SECRET });
    await expect(parsed).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(parsed).rejects.toMatchObject({
      reason: 'body_not_raw',
      message: /express\.raw\(\).*request\.text\(\)/s,
    });
  });

  it('property: sign then verify is true for any body and secret', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, secrets, async (body, secret) => {
        const signature = await signPayload(body, secret);
        expect(signature).toBe(docsSignature(body, secret));
        expect(await verifySignature({ body, signature, secret })).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('property: flipping any single bit of the body or signature makes it false', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 256 }),
        secrets,
        fc.nat(),
        fc.nat({ max: 7 }),
        fc.boolean(),
        async (body, secret, index, bit, inSignature) => {
          const signature = docsSignature(body, secret);
          if (inSignature) {
            const digest = Buffer.from(signature.slice(7), 'hex');
            digest[index % digest.length]! ^= 1 << bit;
            const flipped = `sha256=${digest.toString('hex')}`;
            expect(await verifySignature({ body, signature: flipped, secret })).toBe(false);
          } else {
            const flipped = Uint8Array.from(body);
            flipped[index % flipped.length]! ^= 1 << bit;
            expect(await verifySignature({ body: flipped, signature, secret })).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: arbitrary header strings never throw and never verify', async () => {
    const headerish = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: fc.constantFrom(...'sha256=0123456789abcdefABCDEF ,'.split('')), maxLength: 80 }),
      fc.stringMatching(/^sha256=[0-9a-fA-F]{60,68}$/),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(headerish, async (signature) => {
        expect(await verifySignature({ body: BODY, signature, secret: SECRET })).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the node:crypto and Web Crypto implementations', () => {
  it('property: produce and accept the same signatures on random inputs', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, secrets, fc.array(secrets, { maxLength: 3 }), async (body, secret, others) => {
        const hex = await webHmac.signHex(secret, body);
        expect(hex).toBe(nodeHmac.signHex(secret, body));
        expect(await webHmac.verifyAny([...others, secret], body, hex)).toBe(true);
        expect(nodeHmac.verifyAny([...others, secret], body, hex)).toBe(true);
        const wrong = others.filter((s) => s !== secret);
        expect(await webHmac.verifyAny(wrong, body, hex)).toBe(nodeHmac.verifyAny(wrong, body, hex));
      }),
      { numRuns: 150 },
    );
  });
});

// The announcement's Python snippet, verbatim, plus a signer built on the same library.
const PYTHON = `
import hmac, hashlib, json, sys
def verify_signature(payload_body, signature, secret):
    expected = hmac.new(
        secret.encode(),
        payload_body,
        hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(f"sha256={expected}", signature)

out = []
for case in json.load(sys.stdin):
    body = bytes.fromhex(case["body_hex"])
    out.append({
        "python_signature": "sha256=" + hmac.new(case["secret"].encode(), body, hashlib.sha256).hexdigest(),
        "python_accepts_ours": verify_signature(body, case["our_signature"], case["secret"]),
    })
print(json.dumps(out))
`;

const python = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const hasPython = python.status === 0;

describe('against the docs’ Python snippet', () => {
  it.skipIf(!hasPython)('agrees both ways (skipped when python3 is absent)', async () => {
    const samples = fc.sample(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 200 }), secrets), {
      numRuns: 30,
      seed: 7,
    });
    samples.push([BODY, SECRET]);
    const cases = await Promise.all(
      samples.map(async ([body, secret]) => ({
        body,
        secret,
        body_hex: Buffer.from(body).toString('hex'),
        our_signature: await signPayload(body, secret),
      })),
    );
    const run = spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as { python_signature: string; python_accepts_ours: boolean }[];
    expect(results).toHaveLength(cases.length);
    for (const [i, result] of results.entries()) {
      const { body, secret } = cases[i]!;
      expect(result.python_accepts_ours).toBe(true);
      expect(await verifySignature({ body, signature: result.python_signature, secret })).toBe(true);
    }
  });
});
