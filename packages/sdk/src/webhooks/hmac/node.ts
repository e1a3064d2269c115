import type * as NodeCrypto from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { HmacImplementation } from './contract.js';
import { webHmac } from './web.js';

// Synchronous node:crypto: on Node, awaiting `crypto.subtle.verify` per delivery is ~20× slower.
// It is loaded on first use, not imported: every program that imports the SDK for API calls alone would otherwise
// pay node:crypto's load at start (~9 % of `loggd habits list`). A runtime that takes the package's `node`
// condition without process.getBuiltinModule gets the Web Crypto implementation instead.
let loaded: typeof NodeCrypto | null | undefined;
function nodeCrypto(): typeof NodeCrypto | null {
  if (loaded === undefined) {
    const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
      ?.getBuiltinModule;
    loaded = typeof get === 'function' ? (get('node:crypto') as typeof NodeCrypto) : null;
  }
  return loaded;
}

/** Key objects per secret: skips re-encoding the secret on every delivery. */
const keys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 16;

function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value as string);
    key = nodeCrypto()!.createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** True when `signatureHex` is the HMAC-SHA256 of `body` under one of `secrets`, compared in constant time. */
export function verifyAny(
  secrets: readonly string[],
  body: string | Uint8Array,
  signatureHex: string,
): boolean | Promise<boolean> {
  const crypto = nodeCrypto();
  if (!crypto) return webHmac.verifyAny(secrets, body, signatureHex);
  // Comparing the hex text (both 64 ASCII bytes) is cheaper than decoding the header to bytes.
  const expected = Buffer.from(signatureHex, 'utf8');
  for (const secret of secrets) {
    const actual = Buffer.from(
      crypto.createHmac('sha256', keyFor(secret)).update(body).digest('hex'),
      'utf8',
    );
    if (actual.length === expected.length && crypto.timingSafeEqual(actual, expected)) return true;
  }
  return false;
}

/** Lowercase hex HMAC-SHA256 of `body` under `secret`. */
export function signHex(secret: string, body: string | Uint8Array): string | Promise<string> {
  const crypto = nodeCrypto();
  if (!crypto) return webHmac.signHex(secret, body);
  return crypto.createHmac('sha256', keyFor(secret)).update(body).digest('hex');
}

export const nodeHmac: HmacImplementation = { verifyAny, signHex };
