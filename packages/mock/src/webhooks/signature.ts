import { createHash } from 'node:crypto';
import { signPayload } from '@loggd/sdk';

/**
 * The `X-Loggd-Signature` value: `sha256=` + hex HMAC-SHA256 of the raw body with the endpoint's secret.
 * Signed by the SDK's own `signPayload`, so the mock and the SDK's verifier cannot drift apart.
 */
export function signBody(body: string, secret: string): Promise<string> {
  return signPayload(body, secret);
}

/** Hex derived from (seed, kind, n): the same seed yields the same secrets and delivery ids, run after run. */
function derivedHex(seed: number, kind: string, n: number): string {
  return createHash('sha256').update(`${seed}:${kind}:${n}`).digest('hex');
}

/** A generated endpoint secret, `whsec_` + 32 hex characters. */
export function generateSecret(seed: number, n: number): string {
  return `whsec_${derivedHex(seed, 'secret', n).slice(0, 32)}`;
}

/** A UUID-shaped delivery id, unique per (seed, n). */
export function generateDeliveryId(seed: number, n: number): string {
  const h = derivedHex(seed, 'delivery', n);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Secrets are never shown in full after creation: `whsec_1a2b…`. */
export function secretHint(secret: string): string {
  const prefix = secret.startsWith('whsec_') ? 10 : 4;
  return `${secret.slice(0, Math.min(prefix, Math.floor(secret.length / 2)))}…`;
}
