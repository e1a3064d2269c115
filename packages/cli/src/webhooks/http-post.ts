import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Headers as Node's `rawHeaders`: a flat [name, value, name, value…] list, names in their original case. */
export type RawHeaders = readonly string[];

export interface PostResult {
  /** The HTTP status, or undefined when no response came (connection refused, timeout). */
  status: number | undefined;
  /** The response headers (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  /** The response body bytes. */
  body: Buffer;
  /** Milliseconds from sending to the end of the response (or to the failure). */
  ms: number;
  /** Why no response came. */
  error?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * POSTs `body` with exactly `rawHeaders` (order and name case kept, nothing added but Host when absent, which HTTP/1.1 needs): unlike
 * fetch, node:http adds no Accept, Accept-Language or Sec-Fetch-Mode, so a relayed delivery stays as Loggd sent it.
 * Never rejects: a failure is reported in `error`.
 */
export function postRaw(
  url: URL,
  rawHeaders: RawHeaders,
  body: Uint8Array,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<PostResult> {
  const start = performance.now();
  const elapsed = () => performance.now() - start;
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      { method: 'POST', headers: withHost(rawHeaders, url), timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: elapsed(),
          }),
        );
        res.on('error', (error) =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks),
            ms: elapsed(),
            error: error.message,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({
        status: undefined,
        headers: {},
        body: Buffer.alloc(0),
        ms: elapsed(),
        error: error.code ?? error.message,
      }),
    );
    req.end(body);
  });
}

/** Node adds no Host header when headers are given as a list, and HTTP/1.1 requires one. */
function withHost(rawHeaders: RawHeaders, url: URL): string[] {
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() === 'host') return [...rawHeaders];
  }
  return ['Host', url.host, ...rawHeaders];
}

/** Turns a header record into raw [name, value…] pairs. */
export function rawHeadersOf(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers).flat();
}
