import { Buffer } from 'node:buffer';
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import type { HmacImplementation } from './contract.js';

// Synchronous node:crypto: on Node, awaiting `crypto.subtle.verify` per delivery is ~20× slower.

/** Key objects per secret: skips re-encoding the secret on every delivery. */
const keys = new Map<string, KeyObject>();
const MAX_CACHED_KEYS = 16;

function keyFor(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value as string);
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

/** True when `signatureHex` is the HMAC-SHA256 of `body` under one of `secrets`, compared in constant time. */
export function verifyAny(
  secrets: readonly string[],
  body: string | Uint8Array,
  signatureHex: string,
): boolean {
  // Comparing the hex text (both 64 ASCII bytes) is cheaper than decoding the header to bytes.
  const expected = Buffer.from(signatureHex, 'utf8');
  for (const secret of secrets) {
    const actual = Buffer.from(createHmac('sha256', keyFor(secret)).update(body).digest('hex'), 'utf8');
    if (actual.length === expected.length && timingSafeEqual(actual, expected)) return true;
  }
  return false;
}

/** Lowercase hex HMAC-SHA256 of `body` under `secret`. */
export function signHex(secret: string, body: string | Uint8Array): string {
  return createHmac('sha256', keyFor(secret)).update(body).digest('hex');
}

export const nodeHmac: HmacImplementation = { verifyAny, signHex };
