import type { HmacImplementation } from './contract.js';

// Web Crypto only: this module is what browsers, Deno, Bun and edge runtimes load, so no `node:*` import here.

const encoder = new TextEncoder();
/** Imported keys per secret: importKey is async and costs about as much as the HMAC itself. */
const keys = new Map<string, Promise<CryptoKey>>();
const MAX_CACHED_KEYS = 16;

function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value as string);
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    // A rejected import must not stay cached.
    key.catch(() => keys.delete(secret));
    keys.set(secret, key);
  }
  return key;
}

function bytesOf(body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return (typeof body === 'string' ? encoder.encode(body) : body) as Uint8Array<ArrayBuffer>;
}

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length >>> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** True when `signatureHex` is the HMAC-SHA256 of `body` under one of `secrets` (`subtle.verify` is constant-time). */
export async function verifyAny(
  secrets: readonly string[],
  body: string | Uint8Array,
  signatureHex: string,
): Promise<boolean> {
  const signature = hexToBytes(signatureHex);
  const data = bytesOf(body);
  for (const secret of secrets) {
    if (await crypto.subtle.verify('HMAC', await keyFor(secret), signature, data)) return true;
  }
  return false;
}

/** Lowercase hex HMAC-SHA256 of `body` under `secret`. */
export async function signHex(secret: string, body: string | Uint8Array): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await keyFor(secret), bytesOf(body)));
  let hex = '';
  for (const byte of mac) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export const webHmac: HmacImplementation = { verifyAny, signHex };
