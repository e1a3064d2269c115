import { signHex, verifyAny } from './hmac/runtime.js';
import { rawBodyOf, type WebhookRawBody } from './raw-body.js';
import { secretsOf, type WebhookSecretOptions } from './secrets.js';

/** `sha256=` then exactly 64 lowercase hex digits, as Loggd sends it; anything else is not a signature. */
const SIGNATURE_PATTERN = /^sha256=[0-9a-f]{64}$/;
const PREFIX_LENGTH = 'sha256='.length;
// Settled promises are immutable, so one of each serves every call: the node:crypto path then allocates no promise.
const TRUE = Promise.resolve(true);
const FALSE = Promise.resolve(false);

export interface VerifySignatureOptions extends WebhookSecretOptions {
  /** The raw request body, byte for byte as received. */
  body: WebhookRawBody;
  /** The `X-Loggd-Signature` header value; any type is accepted, anything malformed verifies false. */
  signature: unknown;
}

/**
 * Checks an `X-Loggd-Signature` header against the raw body: HMAC-SHA256, constant-time, any of the secrets.
 * Resolves false for any malformed or wrong signature; throws only for caller bugs (no secret, parsed body).
 *
 * @example
 * if (!(await verifySignature({ body: rawBody, signature: req.headers['x-loggd-signature'], secret }))) {
 *   return res.status(401).end();
 * }
 */
export function verifySignature(options: VerifySignatureOptions): Promise<boolean> {
  try {
    const secrets = secretsOf(options);
    const body = rawBodyOf(options.body);
    const { signature } = options;
    if (typeof signature !== 'string' || !SIGNATURE_PATTERN.test(signature)) return FALSE;
    const valid = verifyAny(secrets, body, signature.slice(PREFIX_LENGTH));
    if (typeof valid !== 'boolean') return valid;
    return valid ? TRUE : FALSE;
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The `X-Loggd-Signature` value Loggd would send for `body`: `sha256=<hex>`. For tests and local tools.
 *
 * @example
 * const signature = await signPayload(JSON.stringify(payload), 'whsec_test');
 */
export async function signPayload(body: WebhookRawBody, secret: string): Promise<string> {
  const [key] = secretsOf({ secret });
  return `sha256=${await signHex(key!, rawBodyOf(body))}`;
}
