// The CLI's node:http fetch under the SDK's transport: the scenarios of the SDK's own transport tests
// (packages/sdk/test/transport-hostile.test.ts), run with `fetch: nodeFetch`, plus what fetch itself promises
// (decoding, redirects, headers, error shapes) that the SDK and `loggd api` rely on.
import { once } from 'node:events';
import { createServer } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import {
  AbortError,
  ConnectionError,
  Loggd,
  type LoggdOptions,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
} from '@loggd/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { cliFetch, withHeaders } from '../src/http/cli-fetch.js';
import { nodeFetch } from '../src/http/node-fetch.js';
import {
  flood,
  type HostileHandler,
  type HostileServer,
  PROFILE_BODY,
  stallAfterHeaders,
  startHostileServer,
} from './helpers/hostile-server.js';

/** Timers on two shared cores fire late: headroom over the bounds, far below the hangs they guard against. */
const SCHEDULING_HEADROOM_MS = 400;

const servers: HostileServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function hostile(handle: HostileHandler): Promise<HostileServer> {
  const server = await startHostileServer(handle);
  servers.push(server);
  return server;
}

function client(baseUrl: string, extra: Partial<LoggdOptions> = {}) {
  return new Loggd({
    token: 'tok_secret',
    baseUrl,
    rateLimit: false,
    maxRetries: 0,
    fetch: nodeFetch as typeof fetch,
    ...extra,
  });
}

/** Settles `promise` to its value or error, so a hang shows as the marker rather than a test timeout. */
function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | unknown | 'still pending'> {
  let timer: NodeJS.Timeout | undefined;
  const marker = new Promise<'still pending'>((resolve) => {
    timer = setTimeout(() => resolve('still pending'), ms);
  });
  return Promise.race([
    promise.then(
      (v) => v,
      (e: unknown) => e,
    ),
    marker,
  ]).finally(() => clearTimeout(timer));
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

describe('timeouts and aborts', () => {
  it('a body that stalls after the headers ends in TimeoutError within timeoutMs + 10 %', async () => {
    const server = await hostile(stallAfterHeaders());
    const started = performance.now();
    const error = await settleWithin(client(server.baseUrl, { timeoutMs: 500 }).profile.get(), 10_000);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(/timed out after 500 ms \(reading the body\)/);
    expect(elapsed).toBeLessThan(500 * 1.1 + SCHEDULING_HEADROOM_MS);
  });

  it('a server that never answers ends in TimeoutError, retried until the deadline', async () => {
    const server = await hostile(() => undefined);
    const loggd = client(server.baseUrl, { timeoutMs: 200, deadlineMs: 700, maxRetries: 5 });
    const started = performance.now();
    const error = await settleWithin(loggd.profile.get(), 10_000);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(700 * 1.1 + SCHEDULING_HEADROOM_MS);
    expect(server.seen.length).toBeGreaterThanOrEqual(2);
  });

  it('20 aborts during the body read each settle within 100 ms, and free the connection', async () => {
    const server = await hostile(stallAfterHeaders());
    const settleTimes: number[] = [];
    for (let run = 0; run < 20; run++) {
      const controller = new AbortController();
      let headersSeen!: () => void;
      const headers = new Promise<void>((resolve) => {
        headersSeen = resolve;
      });
      const loggd = client(server.baseUrl, { timeoutMs: 0, hooks: { onResponse: () => headersSeen() } });
      const call = loggd.profile.get({ signal: controller.signal });
      await headers;
      const aborted = performance.now();
      controller.abort();
      expect(await settleWithin(call, 5_000)).toBeInstanceOf(AbortError);
      settleTimes.push(performance.now() - aborted);
    }
    expect(Math.max(...settleTimes)).toBeLessThan(100 + SCHEDULING_HEADROOM_MS / 4);
    // Each aborted body's socket was destroyed: the server sees every connection close.
    const open = server.seen.filter((req) => !req.socket.destroyed);
    await Promise.all(open.map((req) => once(req.socket, 'close')));
  });

  it('an abort while waiting for the headers settles at once with the signal’s reason', async () => {
    const server = await hostile(() => undefined);
    const controller = new AbortController();
    const call = nodeFetch(`${server.baseUrl}/profile`, { signal: controller.signal });
    while (server.seen.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const reason = new Error('stop');
    controller.abort(reason);
    expect(await settleWithin(call, 1_000)).toBe(reason);
  });

  it('an abort while connecting, and a signal aborted before the call, reject with the reason', async () => {
    const before = AbortSignal.abort(new Error('already'));
    await expect(nodeFetch('http://127.0.0.1:9/x', { signal: before })).rejects.toThrow('already');
    // A TCP server that accepts and never speaks: an https request hangs in its TLS handshake.
    const silent = createServer(() => undefined);
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as { port: number };
    const accepted = once(silent, 'connection');
    const controller = new AbortController();
    const call = nodeFetch(`https://127.0.0.1:${port}/x`, { signal: controller.signal });
    const [socket] = (await accepted) as [import('node:net').Socket];
    const started = performance.now();
    controller.abort();
    const outcome = await settleWithin(call, 1_000);
    expect(outcome).toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(100 + SCHEDULING_HEADROOM_MS / 4);
    socket.destroy();
    silent.close();
  });

  it('a body read after an abort rejects with the reason, and a reader sees it mid-stream', async () => {
    const server = await hostile(stallAfterHeaders());
    const controller = new AbortController();
    const response = await nodeFetch(`${server.baseUrl}/x`, { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"data":[');
    const pending = reader.read();
    const reason = new Error('user left');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('maxResponseBytes', () => {
  it('refuses a declared Content-Length over the cap at once', async () => {
    const server = await hostile(stallAfterHeaders({ 'content-length': '2147483648' }));
    const error = await settleWithin(client(server.baseUrl, { timeoutMs: 0 }).profile.get(), 5_000);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limit: 16 * 1024 * 1024 });
  });

  it('stops a chunked 8 MiB body at a 1 MiB cap, never retried', async () => {
    const server = await hostile(flood(8 * 1024 * 1024));
    const loggd = client(server.baseUrl, { maxResponseBytes: 1024 * 1024, maxRetries: 3 });
    const error = await settleWithin(loggd.profile.get(), 10_000);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(server.seen).toHaveLength(1);
  });

  it('counts a gzip body by its decoded size, whatever its Content-Length declares', async () => {
    const zipped = gzipSync(`{"pad":"${'0'.repeat(8 * 1024 * 1024)}"}`);
    const server = await hostile((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(zipped.length),
      });
      res.end(zipped);
    });
    const error = await settleWithin(
      client(server.baseUrl, { maxResponseBytes: 1024 * 1024 }).profile.get(),
      10_000,
    );
    expect(zipped.length).toBeLessThan(1024 * 1024);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });
});

describe('content codings', () => {
  const codings: [string, (b: Buffer) => Buffer][] = [
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
    ['br', brotliCompressSync],
    ['gzip, br', (b) => brotliCompressSync(gzipSync(b))],
  ];

  it.each(codings)('decodes %s (%#)', async (coding, encode) => {
    const server = await hostile((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': coding });
      res.end(encode(Buffer.from(PROFILE_BODY)));
    });
    const { data, response } = await client(server.baseUrl).profile.get().withResponse();
    expect(data).toHaveProperty('username', 'jane');
    // As fetch: the header stays, the body is decoded.
    expect(response.headers.get('content-encoding')).toBe(coding);
  });

  it('leaves a body of an unknown coding as sent, and asks for the codings fetch asks for', async () => {
    const server = await hostile((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'identity-ish' });
      res.end('plain');
    });
    const response = await nodeFetch(`${server.baseUrl}/x`);
    expect(await response.text()).toBe('plain');
    expect(server.seen[0]?.headers['accept-encoding']).toBe('gzip, deflate');
  });

  it('a corrupt gzip body fails the read as fetch does (TypeError terminated)', async () => {
    const server = await hostile((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end('this is not gzip');
    });
    const response = await nodeFetch(`${server.baseUrl}/x`);
    await expect(response.text()).rejects.toMatchObject({ name: 'TypeError', message: 'terminated' });
  });
});

describe('failures fetch reports, as the SDK maps them', () => {
  it('connection refused: TypeError "fetch failed" with the socket error’s code as cause', async () => {
    const port = await closedPort();
    const error = await nodeFetch(`http://127.0.0.1:${port}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } });
    const mapped = await client(`http://127.0.0.1:${port}/api/v1/public`)
      .profile.get()
      .catch((e) => e);
    expect(mapped).toBeInstanceOf(ConnectionError);
    expect((mapped as Error).message).toMatch(/GET \/profile failed: fetch failed: connect ECONNREFUSED/);
  });

  it('a body cut short of its Content-Length is a ConnectionError that says so, and is retried', async () => {
    let calls = 0;
    const server = await hostile((_req, res) => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      if (calls === 1) {
        res.write('{"data":');
        res.socket?.end();
        return;
      }
      res.end(PROFILE_BODY.padEnd(5000, ' '));
    });
    const once = await settleWithin(client(server.baseUrl).profile.get(), 5_000);
    expect(once).toBeInstanceOf(ConnectionError);
    expect((once as Error).message).toMatch(/response body was cut off: terminated/);
    calls = 0;
    const retried = client(server.baseUrl, { maxRetries: 1, backoff: { baseMs: 1, capMs: 1 } });
    await expect(retried.profile.get()).resolves.toHaveProperty('username', 'jane');
    expect(calls).toBe(2);
  });

  it('an unsupported scheme or a bad URL is a TypeError', async () => {
    await expect(nodeFetch('ftp://127.0.0.1/x')).rejects.toMatchObject({ name: 'TypeError' });
    await expect(nodeFetch('not a url')).rejects.toMatchObject({ name: 'TypeError' });
  });
});

describe('redirects', () => {
  it('refuses a redirect to another origin, which never sees the token', async () => {
    const elsewhere = await hostile((_req, res) => res.end(PROFILE_BODY));
    const server = await hostile((req, res) => {
      res.writeHead(302, { location: `${elsewhere.origin}${req.url}` });
      res.end();
    });
    const error = await settleWithin(client(server.baseUrl, { maxRetries: 2 }).profile.get(), 5_000);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ code: 'redirect', location: `${elsewhere.baseUrl}/profile` });
    expect(server.seen).toHaveLength(1);
    expect(elsewhere.seen.map((r) => r.headers.authorization)).toEqual([undefined]);
  });

  it('follows a redirect within the API origin, keeping the token, and reports where it landed', async () => {
    const server = await hostile((req, res) => {
      if (req.url?.endsWith('/profile')) {
        res.writeHead(301, { location: '/api/v1/public/profile/' });
        res.end();
        return;
      }
      res.end(PROFILE_BODY);
    });
    const { data, response } = await client(server.baseUrl).profile.get().withResponse();
    expect(data).toHaveProperty('username', 'jane');
    expect(response).toMatchObject({ redirected: true, url: `${server.baseUrl}/profile/` });
    expect(server.seen.map((r) => r.headers.authorization)).toEqual([
      'Bearer tok_secret',
      'Bearer tok_secret',
    ]);
  });

  it('stops after 20 redirects with fetch’s error', async () => {
    const server = await hostile((_req, res) => {
      res.writeHead(307, { location: '/again' });
      res.end();
    });
    const error = await nodeFetch(`${server.origin}/start`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect((error as Error).cause).toMatchObject({ message: 'redirect count exceeded' });
    expect(server.seen).toHaveLength(21);
  });

  it('a 303 after a POST turns it into a GET without the body', async () => {
    const server = await hostile((req, res) => {
      if (req.method === 'POST') {
        res.writeHead(303, { location: '/done' });
        res.end();
        return;
      }
      res.end(`${req.method} ${req.headers['content-type'] ?? 'no type'}`);
    });
    const response = await nodeFetch(`${server.origin}/form`, { method: 'POST', body: 'a=1' });
    expect(await response.text()).toBe('GET no type');
  });
});

describe('headers', () => {
  it('sends the SDK’s headers with `loggd api -H` ones laid over them, names case-insensitive', async () => {
    const server = await hostile((_req, res) => res.end(PROFILE_BODY));
    const loggd = client(server.baseUrl, {
      fetch: withHeaders(nodeFetch as typeof fetch, {
        'Accept-Language': 'de',
        ACCEPT: 'application/x-test',
      }),
    });
    await loggd.profile.get();
    expect(server.seen[0]?.headers).toMatchObject({
      authorization: 'Bearer tok_secret',
      accept: 'application/x-test',
      'accept-language': 'de',
      'user-agent': expect.stringMatching(/loggd/),
    });
  });

  it('gives the response headers as a Headers does: case-insensitive, joined, sorted, immutable', async () => {
    const server = await hostile((_req, res) => {
      res.statusMessage = 'Fine Thanks';
      res.setHeader('X-Ratelimit-Remaining', '12');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('X-Multi', ['one', 'two']);
      res.end('{}');
    });
    const response = await nodeFetch(`${server.origin}/x`);
    expect(response).toMatchObject({ status: 200, ok: true, statusText: 'Fine Thanks', redirected: false });
    expect(response.headers.get('x-ratelimit-remaining')).toBe('12');
    expect(response.headers.get('X-MULTI')).toBe('one, two');
    expect(response.headers.has('nope')).toBe(false);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const names: string[] = [];
    response.headers.forEach((_value, name) => {
      names.push(name);
    });
    expect(names).toEqual([...names].sort());
    expect(names.filter((n) => n === 'set-cookie')).toHaveLength(2);
    expect(() => response.headers.set('x', 'y')).toThrow(TypeError);
    expect(await response.json()).toEqual({});
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('answers a 204 with a null body', async () => {
    const server = await hostile((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const response = await nodeFetch(`${server.origin}/x`);
    expect(response.body).toBeNull();
    expect(await response.text()).toBe('');
  });
});

describe('cliFetch', () => {
  it('uses node:http without a proxy, the global fetch when HTTPS_PROXY or http_proxy is set', () => {
    expect(cliFetch({})).toBe(nodeFetch);
    expect(cliFetch({ HTTPS_PROXY: 'http://proxy:3128' })).not.toBe(nodeFetch);
    expect(cliFetch({ http_proxy: 'http://proxy:3128' })).not.toBe(nodeFetch);
    expect(cliFetch({ HTTP_PROXY: '' })).toBe(nodeFetch);
  });
});
