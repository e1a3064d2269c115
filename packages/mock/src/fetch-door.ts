import type { MockEngine } from './engine.js';
import { errorReply, MockHttpError, type MockReply, type MockRequest } from './reply.js';
import { readWebRequestBody } from './request-body.js';

/** What `fetch` rejects with when the connection is reset or closed without a reply (undici's shape). */
function fetchFailed(reason: string): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error(reason), { code: 'UND_ERR_SOCKET' }),
  });
}

/** Wait real milliseconds, rejecting early with the signal's reason if the caller aborts. */
export function wait(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never settles unless the caller aborts (a hung server). */
function hang(signal?: AbortSignal | null): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

const encoder = new TextEncoder();

/**
 * Turn a reply into a web Response, playing body-level transport faults as streams: a truncated body errors
 * mid-stream (like undici's "terminated"), a dribble trickles chunks on real timers. Reset, empty and hang are
 * the caller's business (they never produce a Response).
 */
export function toWebResponse(reply: MockReply, signal?: AbortSignal | null): Response {
  const t = reply.transport;
  const headers = new Headers(reply.headers);
  if (!t || t.kind === 'reset' || t.kind === 'empty' || t.kind === 'hang') {
    return new Response(reply.body === '' ? null : reply.body, { status: reply.status, headers });
  }
  const bytes = encoder.encode(reply.body);
  headers.set('content-length', String(bytes.byteLength));
  if (t.kind === 'truncate') {
    const cut = Math.min(t.bytes ?? Math.floor(bytes.byteLength / 2), bytes.byteLength - 1);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        if (cut > 0) controller.enqueue(bytes.slice(0, cut));
        controller.error(new TypeError('terminated', { cause: new Error('other side closed') }));
      },
    });
    return new Response(stream, { status: reply.status, headers });
  }
  const size = Math.max(1, Math.ceil(bytes.byteLength / t.chunks));
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset > 0) {
        try {
          await wait(t.intervalMs, signal);
        } catch (e) {
          controller.error(e);
          return;
        }
      }
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
      if (offset >= bytes.byteLength) controller.close();
    },
  });
  return new Response(stream, { status: reply.status, headers });
}

/** Read a fetch-style request into the engine's request shape. */
export async function fromWebRequest(request: Request): Promise<MockRequest> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;
  const body = hasBody ? await readWebRequestBody(request) : undefined;
  return {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    ...(body ? { body } : {}),
  };
}

/** Answers a fetch-style request from the engine; a body over the mock's cap is a 413, not a thrown error. */
export async function answerWebRequest(engine: MockEngine, request: Request): Promise<MockReply> {
  let mockRequest: MockRequest;
  try {
    mockRequest = await fromWebRequest(request);
  } catch (e) {
    if (e instanceof MockHttpError) return errorReply(e.status, e.message);
    throw e;
  }
  return engine.handle(mockRequest);
}

/**
 * The in-process door: a `fetch` that answers from the engine, for `new Loggd({ fetch: mock.fetch })`. It accepts
 * any host (the SDK's default https://loggd.life base URL works) and patches nothing global, so it is
 * parallel-safe. Reset/empty reject like undici (`TypeError('fetch failed')`); a hang waits for the abort signal.
 */
export function createMockFetch(engine: MockEngine): typeof fetch {
  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const signal = request.signal;
    if (signal.aborted) throw signal.reason;
    const reply = await answerWebRequest(engine, request);
    if (reply.latencyMs) await wait(reply.latencyMs, signal);
    switch (reply.transport?.kind) {
      case 'reset':
        throw fetchFailed('read ECONNRESET');
      case 'empty':
        throw fetchFailed('other side closed');
      case 'hang':
        return hang(signal);
      default:
        return toWebResponse(reply, signal);
    }
  };
  return mockFetch as typeof fetch;
}
