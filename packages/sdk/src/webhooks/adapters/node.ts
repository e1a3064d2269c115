import { bodyTimeout, payloadTooLarge, type WebhookHandlerResponse } from '../handler-response.js';
import type { WebhookReceiver } from '../receiver.js';
import { BodyCollector, declaredTooLarge } from './body.js';

/**
 * The parts of Node's `IncomingMessage` the listener uses; declared here so the SDK's types need no
 * `@types/node` and this module imports nothing from `node:*`.
 */
export interface NodeRequestLike {
  method?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  on(event: string, listener: (...args: any[]) => void): unknown;
  readonly readableEnded?: boolean;
}

/** The parts of Node's `ServerResponse` the listener uses. */
export interface NodeResponseLike {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
  readonly headersSent?: boolean;
}

/** A Node `http` request listener (also usable as Connect middleware). */
export type NodeListener = (req: NodeRequestLike, res: NodeResponseLike) => void;

/** Writes a handler response to a Node response. */
export function writeNodeResponse(res: NodeResponseLike, response: WebhookHandlerResponse): void {
  if (res.headersSent) return;
  res.writeHead(response.status, response.headers);
  res.end(response.body);
}

const TOO_LARGE = Symbol('too large');
const ABORTED = Symbol('aborted');
const TIMED_OUT = Symbol('timed out');

/**
 * Reads a Node request body up to `limit` bytes. Past the limit it stops keeping chunks and resolves
 * TOO_LARGE at once; a client that goes away mid-body resolves ABORTED; one still sending after `timeoutMs`
 * resolves TIMED_OUT.
 */
export function readNodeBody(
  req: NodeRequestLike,
  limit: number,
  timeoutMs?: number,
): Promise<Uint8Array | typeof TOO_LARGE | typeof ABORTED | typeof TIMED_OUT> {
  return new Promise((resolve, reject) => {
    const body = new BodyCollector(limit);
    // Listeners stay until the request is gone (cheaper than removing four per request); `done` mutes them.
    let done = false;
    const timer =
      timeoutMs === undefined || req.readableEnded
        ? undefined
        : setTimeout(() => {
            if (done) return;
            done = true;
            resolve(TIMED_OUT);
          }, timeoutMs);
    const settle = () => {
      done = true;
      if (timer !== undefined) clearTimeout(timer);
    };
    req.on('data', (chunk: Uint8Array | string) => {
      if (done) return;
      if (body.add(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk)) return;
      settle();
      // Node discards the rest of the body (or closes the connection, as the 413 asks) once we answer.
      resolve(TOO_LARGE);
    });
    req.on('end', () => {
      if (done) return;
      settle();
      resolve(body.bytes());
    });
    req.on('error', (error: unknown) => {
      if (done) return;
      settle();
      reject(error);
    });
    req.on('close', () => {
      if (done) return;
      settle();
      resolve(ABORTED);
    });
  });
}

/** Answers a Node request whose body still has to be read. */
export async function receiveNodeRequest(
  receiver: WebhookReceiver,
  req: NodeRequestLike,
  res: NodeResponseLike,
): Promise<void> {
  const method = req.method ?? '';
  if (method.toUpperCase() !== 'POST') {
    writeNodeResponse(res, await receiver.handle({ method, headers: req.headers, body: '' }));
    return;
  }
  const contentLength = req.headers['content-length'];
  if (
    declaredTooLarge(typeof contentLength === 'string' ? contentLength : undefined, receiver.maxBodyBytes)
  ) {
    writeNodeResponse(res, payloadTooLarge(receiver.maxBodyBytes));
    return;
  }
  let body: Awaited<ReturnType<typeof readNodeBody>>;
  try {
    body = await readNodeBody(req, receiver.maxBodyBytes, receiver.bodyTimeoutMs);
  } catch {
    return; // the connection failed mid-body: nobody is left to answer
  }
  if (body === ABORTED) return;
  if (body === TIMED_OUT) {
    writeNodeResponse(res, bodyTimeout(receiver.bodyTimeoutMs ?? 0));
    return;
  }
  if (body === TOO_LARGE) {
    writeNodeResponse(res, payloadTooLarge(receiver.maxBodyBytes));
    return;
  }
  writeNodeResponse(res, await receiver.handle({ method, headers: req.headers, body }));
}

/** A Node `http` listener around a receiver. */
export function toNodeListener(receiver: WebhookReceiver): NodeListener {
  return (req, res) => {
    void receiveNodeRequest(receiver, req, res);
  };
}
