import { bodyNotRaw } from '../handler-response.js';
import type { WebhookReceiver } from '../receiver.js';
import {
  type NodeRequestLike,
  type NodeResponseLike,
  receiveNodeRequest,
  writeNodeResponse,
} from './node.js';

/** An Express request: Node's, plus what body parsers may have left on it. */
export interface ExpressRequestLike extends NodeRequestLike {
  /** Set by a body parser: bytes (`express.raw`), text (`express.text`) or a parsed object (`express.json`). */
  body?: unknown;
  /** Set by `express.json({ verify: (req, _res, buf) => { req.rawBody = buf } })`: the bytes before parsing. */
  rawBody?: unknown;
}

/** Express (or Connect) middleware. */
export type ExpressMiddleware = (
  req: ExpressRequestLike,
  res: NodeResponseLike,
  next: (error?: unknown) => void,
) => void;

const PARSED_BODY_MESSAGE =
  'body: a JSON body parser (express.json()) read this request before the webhook handler, so the signed raw ' +
  'bytes are gone. Mount the webhook route before express.json(), or keep the bytes with ' +
  'express.json({ verify: (req, _res, buf) => { req.rawBody = buf } }).';

function isRaw(value: unknown): value is string | Uint8Array {
  return typeof value === 'string' || value instanceof Uint8Array;
}

/** The raw body a parser left behind, 'parsed' when only a parsed object is left, undefined when unread. */
function bodyLeftBy(req: ExpressRequestLike): string | Uint8Array | 'parsed' | undefined {
  if (isRaw(req.rawBody)) return req.rawBody;
  if (isRaw(req.body)) return req.body;
  // A parser that consumed the stream: whatever is in req.body, the bytes are no longer readable.
  if (req.body !== undefined || req.readableEnded) return 'parsed';
  return undefined;
}

async function receive(
  receiver: WebhookReceiver,
  req: ExpressRequestLike,
  res: NodeResponseLike,
): Promise<void> {
  const method = req.method ?? '';
  // Not a POST (answered without reading), or a body no parser has touched: the plain Node path does it all.
  const left = method.toUpperCase() === 'POST' ? bodyLeftBy(req) : undefined;
  if (left === undefined) return receiveNodeRequest(receiver, req, res);
  if (left === 'parsed') {
    // Through the receiver so onError hears of it; the answer then names the Express-specific fixes.
    const response = await receiver.handle({ method, headers: req.headers, body: req.body as never });
    writeNodeResponse(res, response.status === 400 ? bodyNotRaw(PARSED_BODY_MESSAGE) : response);
    return;
  }
  writeNodeResponse(res, await receiver.handle({ method, headers: req.headers, body: left }));
}

/**
 * Express middleware around a receiver. Works with no body parser (it reads the stream), after `express.raw()`
 * or `express.text()`, and after `express.json({ verify })` that keeps `req.rawBody`; after a plain
 * `express.json()` it answers 400 naming the fix.
 */
export function toExpressMiddleware(receiver: WebhookReceiver): ExpressMiddleware {
  return (req, res, next) => {
    receive(receiver, req, res).catch(next);
  };
}
