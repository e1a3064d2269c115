import { bodyNotRaw, payloadTooLarge, type WebhookHandlerResponse } from '../handler-response.js';
import type { WebhookReceiver } from '../receiver.js';
import { BodyCollector, declaredTooLarge } from './body.js';

/** `(request) => Promise<Response>`: Next.js route handlers, Hono (`c.req.raw`), Bun, Deno, Workers. */
export type FetchHandler = (request: Request) => Promise<Response>;

const BODY_USED_MESSAGE =
  'body: the request body was already read (e.g. `await request.json()`), so the signed raw bytes are gone. ' +
  'Pass the untouched Request to the webhook handler (in Hono: `c.req.raw`, before any `c.req.json()`).';

function toResponse(response: WebhookHandlerResponse): Response {
  return new Response(response.body, { status: response.status, headers: response.headers });
}

const TOO_LARGE = Symbol('too large');

/** Reads a fetch body up to `limit` bytes; past it, cancels the stream (nothing more is read). */
async function readFetchBody(request: Request, limit: number): Promise<Uint8Array | typeof TOO_LARGE> {
  if (request.body === null) return new Uint8Array(0);
  const body = new BodyCollector(limit);
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return body.bytes();
    if (!body.add(value)) {
      await reader.cancel().catch(() => {});
      return TOO_LARGE;
    }
  }
}

/** A fetch-style handler around a receiver. No `node:*` import: it runs on every runtime with `Request`. */
export function toFetchHandler(receiver: WebhookReceiver): FetchHandler {
  return async (request) => {
    const { method, headers } = request;
    if (method.toUpperCase() !== 'POST') {
      return toResponse(await receiver.handle({ method, headers, body: '' }));
    }
    if (request.bodyUsed) return toResponse(bodyNotRaw(BODY_USED_MESSAGE));
    if (declaredTooLarge(headers.get('content-length'), receiver.maxBodyBytes)) {
      await request.body?.cancel().catch(() => {});
      return toResponse(payloadTooLarge(receiver.maxBodyBytes));
    }
    let body: Awaited<ReturnType<typeof readFetchBody>>;
    try {
      body = await readFetchBody(request, receiver.maxBodyBytes);
    } catch {
      // The client went away mid-body; the answer is for the record only.
      return toResponse(bodyNotRaw('body: the request body could not be read to the end.'));
    }
    if (body === TOO_LARGE) return toResponse(payloadTooLarge(receiver.maxBodyBytes));
    return toResponse(await receiver.handle({ method, headers, body }));
  };
}
