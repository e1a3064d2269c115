import { WebhookVerificationError } from './errors.js';

/** The raw request body as received: text, or bytes (a Node `Buffer` is a `Uint8Array`). */
export type WebhookRawBody = string | Uint8Array | ArrayBuffer;

const RAW_BODY_HINT =
  'pass the raw request body: express.raw({ type: "application/json" }) in Express, ' +
  '`await request.text()` with fetch/Next.js, `await c.req.text()` in Hono';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'a parsed object' : typeof value;
}

/**
 * The body as a string or bytes, ready to HMAC. Throws `body_not_raw` for anything else: a parsed object means
 * a JSON body parser ran first, and re-serialising it would not reproduce the signed bytes.
 */
export function rawBodyOf(body: unknown): string | Uint8Array {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new WebhookVerificationError(
    'body_not_raw',
    `body: got ${describe(body)}, but the signature covers the raw bytes; ${RAW_BODY_HINT}.`,
  );
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The body as text, or undefined when its bytes are not UTF-8. */
export function textOf(body: string | Uint8Array): string | undefined {
  if (typeof body === 'string') return body;
  try {
    return decoder.decode(body);
  } catch {
    return undefined;
  }
}
