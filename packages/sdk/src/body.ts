/** Why a body read stopped early: the declared or received size passed the cap. */
export class BodyTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly declared: number | null,
  ) {
    super(`body over ${limit} bytes`);
  }
}

/**
 * Reads a response body as UTF-8 text, refusing more than `limit` bytes and settling the moment `stopped`
 * rejects (timeout or abort), whatever the underlying stream does.
 *
 * The SDK reads the stream itself rather than `response.text()` (except for a declared, uncompressed length
 * within the cap): that is the only way to stop at a size cap without buffering the whole body, and racing each
 * read against `stopped` makes a timeout or abort settle even when the fetch implementation never propagates the
 * signal to the body (undici's `new Request(…, { signal })` follows the signal through a WeakRef, lost after a
 * GC: the reason ky-based reads hung).
 */
export async function readBodyText(
  response: Response,
  limit: number,
  stopped: Promise<never>,
): Promise<string> {
  const declared = declaredLength(response.headers);
  if (declared !== null && declared > limit) {
    discard(response);
    throw new BodyTooLarge(limit, declared);
  }
  const body = response.body;
  if (!body) return '';
  // A declared length within the cap and no content coding: the body cannot run past its Content-Length (the
  // HTTP parser stops there), so the platform's own read, faster than a JS loop over the chunks, stays under the
  // cap too. A compressed body's length says nothing about its decoded size: that one is counted below.
  if (declared !== null && !response.headers.has('content-encoding'))
    return Promise.race([response.text(), stopped]);
  const reader = body.getReader();
  const chunks: (Uint8Array | undefined)[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), stopped]);
      if (done) break;
      total += value.byteLength;
      if (total > limit) throw new BodyTooLarge(limit, declared);
      // Kept as received: a body cut at the cap then costs the cap and no more (decoding as chunks arrive
      // would add a string per chunk and leave the chunks as garbage V8 frees late).
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (let i = 0; i < chunks.length; i++) {
    parts.push(decoder.decode(chunks[i], { stream: true }));
    chunks[i] = undefined;
  }
  parts.push(decoder.decode());
  return parts.join('');
}

function declaredLength(headers: Headers): number | null {
  const raw = headers.get('content-length');
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  return Number(raw);
}

/** Releases a body that will not be read, so the connection is not held open. */
export function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}
