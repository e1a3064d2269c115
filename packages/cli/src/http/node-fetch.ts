import type * as Http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type * as Https from 'node:https';
import { BodyStream } from './body-stream.js';
import { acceptEncodingFor, decodeBody } from './decode.js';
import { HeaderView } from './header-view.js';
import { NodeResponse } from './node-response.js';
import { type RequestHeaders, requestHeadersOf } from './request-headers.js';

/** The fetch standard's redirect limit (undici's too). */
const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Statuses whose response has no body whatever the headers say. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
/** Headers that describe a request body: dropped with the body when a redirect turns the request into a GET. */
const BODY_HEADERS = [
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
  'content-length',
];
/** Credentials a redirect must not carry to another origin (undici drops the same ones). */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * `fetch` over node:http and node:https, for the CLI's requests. Node's global fetch loads and compiles its undici
 * bundle on first use, the largest single cost of a one-request `loggd` run (docs/performance.md); node:http is
 * already compiled into the binary. It keeps what the SDK's transport relies on from fetch: the response's
 * status, statusText, headers, url, redirected and body (a reader and `text()`); redirects followed (at most 20,
 * credentials dropped across origins, 303 and a redirected POST turned into a GET); the signal honoured while
 * connecting, waiting for headers and reading the body, rejecting with the signal's reason; gzip, deflate, br
 * (and zstd where Node has it) decoded; failures as fetch's `TypeError('fetch failed')` with the socket error as
 * `cause` (its `code`, e.g. ECONNREFUSED, is what the SDK reports); a body cut mid-read as
 * `TypeError('terminated')`.
 *
 * Anything beyond that (a `Request` object, a stream or form body, `redirect: 'manual'` filtering) is handed to the
 * global fetch unchanged, as is every call when an HTTP(S) proxy is configured: see {@link cliFetch}.
 */
export async function nodeFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  if (!isPlainInput(input) || !isPlainBody(init.body)) return globalThis.fetch(input, init);
  const signal = init.signal ?? undefined;
  signal?.throwIfAborted();

  let url: URL;
  try {
    url = new URL(String(input));
  } catch (cause) {
    throw new TypeError(`Failed to parse URL from ${String(input)}`, { cause });
  }
  let method = normaliseMethod(init.method ?? 'GET');
  let body = bodyBytes(init.body);
  if (body !== null && (method === 'GET' || method === 'HEAD'))
    throw new TypeError('Request with GET/HEAD method cannot have body.');
  const headers = requestHeadersOf(init.headers);
  if (headers['content-type'] === undefined) {
    // fetch's defaults for the body types that imply one.
    if (typeof init.body === 'string') headers['content-type'] = 'text/plain;charset=UTF-8';
    else if (init.body instanceof URLSearchParams)
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
  }
  const redirect = init.redirect ?? 'follow';

  for (let redirects = 0; ; redirects++) {
    checkScheme(url);
    const res = await send(url, method, headers, body, signal);
    if (signal?.aborted) {
      res.destroy();
      throw signal.reason;
    }
    const status = res.statusCode ?? 0;
    const location = REDIRECT_STATUSES.has(status) ? res.headers.location : undefined;
    if (location === undefined || redirect === 'manual')
      return respond(res, url, redirects > 0, method, signal);
    // A redirect's own body is never read: drop it (and its socket) rather than download it.
    res.destroy();
    if (redirect === 'error') throw fetchFailed(new Error('unexpected redirect'));
    if (redirects >= MAX_REDIRECTS) throw fetchFailed(new Error('redirect count exceeded'));
    let next: URL;
    try {
      next = new URL(location, url);
    } catch (cause) {
      throw fetchFailed(cause);
    }
    if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
    if (
      (status === 303 && method !== 'GET' && method !== 'HEAD') ||
      ((status === 301 || status === 302) && method === 'POST')
    ) {
      method = 'GET';
      body = null;
      for (const name of BODY_HEADERS) delete headers[name];
    }
    url = next;
  }
}

/** Sends one request; resolves with the response once its headers are in. */
function send(
  url: URL,
  method: string,
  headers: RequestHeaders,
  body: Uint8Array | null,
  signal: AbortSignal | undefined,
): Promise<IncomingMessage> {
  const secure = url.protocol === 'https:';
  // Loaded on first use, not imported: process.getBuiltinModule skips an ES module wrapper around the builtin,
  // and node:https (with TLS) costs ~30 ms that a plain-http run (a local mock) never needs.
  const transport = process.getBuiltinModule(secure ? 'node:https' : 'node:http') as
    | typeof Https
    | typeof Http;
  const outgoing: Record<string, string> = {
    accept: '*/*',
    'user-agent': 'node',
    'accept-encoding': acceptEncodingFor(url.protocol),
    ...headers,
  };
  if (body !== null) outgoing['content-length'] = String(body.byteLength);
  else if (method === 'POST' || method === 'PUT') outgoing['content-length'] = '0';

  return new Promise<IncomingMessage>((resolve, reject) => {
    let request: Http.ClientRequest;
    try {
      request = transport.request(url, { method, headers: outgoing });
    } catch (cause) {
      // An invalid header name or value: fetch refuses it before sending, as a TypeError.
      reject(new TypeError((cause as Error).message, { cause }));
      return;
    }
    const onAbort = () => {
      request.destroy();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.once('response', (res) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(res);
    });
    // `on`, not `once`: a second error (a reset after a destroy) must not go unheard and crash the process.
    request.on('error', (cause) => {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? signal.reason : fetchFailed(cause));
    });
    request.end(body ?? undefined);
  });
}

/** Wraps the response in fetch's shape, with its body decoded and tied to the signal. */
function respond(
  res: IncomingMessage,
  url: URL,
  redirected: boolean,
  method: string,
  signal: AbortSignal | undefined,
): Response {
  const status = res.statusCode ?? 0;
  const headers = new HeaderView(res.rawHeaders);
  const empty = method === 'HEAD' || method === 'CONNECT' || NULL_BODY_STATUSES.has(status);
  let body: BodyStream | null = null;
  if (empty) res.resume();
  else {
    let source: import('node:stream').Readable;
    try {
      source = decodeBody(res, res.headers['content-encoding']);
    } catch (cause) {
      res.destroy();
      throw fetchFailed(cause);
    }
    const stream = new BodyStream(source);
    body = stream;
    if (signal) {
      const onAbort = () => stream.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      // Once the body is read or dropped, the signal has nothing left to stop.
      source.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return new NodeResponse({
    status,
    statusText: res.statusMessage ?? '',
    headers,
    url: url.href,
    redirected,
    body,
  }) as unknown as Response;
}

function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}

function checkScheme(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw fetchFailed(new Error(`URL scheme "${url.protocol.slice(0, -1)}" is not supported.`));
}

function isPlainInput(input: unknown): input is string | URL {
  return typeof input === 'string' || input instanceof URL;
}

function isPlainBody(body: unknown): boolean {
  return (
    body === undefined ||
    body === null ||
    typeof body === 'string' ||
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    body instanceof URLSearchParams
  );
}

function bodyBytes(body: RequestInit['body']): Uint8Array | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString());
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return body as Uint8Array;
}

/** fetch upper-cases the standard methods only (so `patch` stays as written, as the spec says). */
function normaliseMethod(method: string): string {
  const upper = method.toUpperCase();
  return ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(upper) ? upper : method;
}
