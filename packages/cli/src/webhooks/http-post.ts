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
 * POSTs `body` with exactly `rawHeaders` (order and name case kept, nothing added but Host when absent, which HTTP/1.1 needs, and
 * a `Content-Length` equal to the body's byte length, replacing any given one and any `Transfer-Encoding`): unlike
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
      { method: 'POST', headers: framed(rawHeaders, url, body.byteLength), timeout: timeoutMs },
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

/**
 * Node adds neither Host nor Content-Length when headers are given as a list, and then sends the body chunked: HTTP/1.1
 * requires Host, and receivers that read exactly Content-Length bytes (Python's http.server, PHP/CGI, several serverless
 * runtimes) see an empty body without it. Loggd's own sender sends Content-Length, so the body is framed the same way.
 */
function framed(rawHeaders: RawHeaders, url: URL, bodyBytes: number): string[] {
  const out: string[] = [];
  let hasHost = false;
  let lengthName = 'Content-Length';
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    const lower = name.toLowerCase();
    if (lower === 'transfer-encoding') continue;
    if (lower === 'content-length') {
      lengthName = name;
      continue;
    }
    if (lower === 'host') hasHost = true;
    out.push(name, rawHeaders[i + 1] as string);
  }
  if (!hasHost) out.unshift('Host', url.host);
  out.push(lengthName, String(bodyBytes));
  return out;
}

/** Turns a header record into raw [name, value…] pairs. */
export function rawHeadersOf(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers).flat();
}
