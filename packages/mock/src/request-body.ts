import type { IncomingMessage } from 'node:http';
import { MockHttpError } from './reply.js';

/**
 * The largest request body the mock reads (1 MiB). Only the control API takes bodies, and its documents (a clock,
 * a few faults, a token) are a few hundred bytes; without a cap a 200 MB POST was buffered whole.
 */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

function tooLarge(limit: number): MockHttpError {
  return new MockHttpError(
    413,
    `Request body over ${limit} bytes: the control API takes small JSON documents (see docs/mock.md).`,
  );
}

/** A Node request's body as text; rejects with a 413 as soon as it passes `limit`, reading no further. */
export function readNodeRequestBody(req: IncomingMessage, limit = MAX_REQUEST_BODY_BYTES): Promise<string> {
  if (Number(req.headers['content-length']) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.byteLength;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A fetch Request's body as text, under the same cap. */
export async function readWebRequestBody(request: Request, limit = MAX_REQUEST_BODY_BYTES): Promise<string> {
  if (Number(request.headers.get('content-length')) > limit) throw tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
