/** What a transport fault does to the connection; each door turns it into its own behaviour (see docs/mock.md). */
export type TransportFault =
  | { kind: 'reset' }
  | { kind: 'empty' }
  | { kind: 'truncate'; bytes?: number }
  | { kind: 'dribble'; chunks: number; intervalMs: number }
  | { kind: 'hang' };

/**
 * The engine's answer to one request, before any door turns it into bytes. The body is already serialized
 * so every door sends exactly the same bytes.
 */
export interface MockReply {
  status: number;
  headers: Record<string, string>;
  body: string;
  transport?: TransportFault;
  /** Real milliseconds to wait before answering (latency faults). */
  latencyMs?: number;
}

/** A request as the engine sees it: doors adapt Request / IncomingMessage into this. */
export interface MockRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Raw body text, for control API POSTs. */
  body?: string;
}

/** Build a JSON reply. */
export function json(status: number, payload: unknown, headers: Record<string, string> = {}): MockReply {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  };
}

/** A documented-shape error reply: `{ message, ...extra }`. */
export function errorReply(status: number, message: string, extra: Record<string, unknown> = {}): MockReply {
  return json(status, { message, ...extra });
}

/** Laravel's 422 shape: the first message (plus "and N more errors") and every field's messages. */
export function validationReply(errors: Record<string, string[]>): MockReply {
  const messages = Object.values(errors).flat();
  const more = messages.length - 1;
  const message =
    more > 0
      ? `${messages[0]} (and ${more} more error${more === 1 ? '' : 's'})`
      : (messages[0] ?? 'Invalid input.');
  return json(422, { message, errors });
}

/** Raised by control actions and route code for a 4xx the caller should see; the engine turns it into a reply. */
export class MockHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'MockHttpError';
  }
}
