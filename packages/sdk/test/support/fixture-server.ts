import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_PREFIX = '/api/v1/public';

/** A request as the fixture server saw it, path relative to the API prefix. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

/** What a handler answers. `destroy` drops the socket (a network error); `hang` never answers. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent verbatim; anything else as JSON. */
  body?: unknown;
  destroy?: boolean;
  hang?: boolean;
}

export type Handler = (req: SeenRequest) => Reply | Promise<Reply>;

export interface FixtureServer {
  baseUrl: string;
  requests: SeenRequest[];
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** The text of test/fixtures/<name>.json, exactly as copied from the API docs. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8');
}

export function fixture<T = any>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

/** A real node:http server on 127.0.0.1, port 0, answering through the current handler. */
export async function startFixtureServer(initial?: Handler): Promise<FixtureServer> {
  let handler: Handler = initial ?? (() => ({ status: 404, body: { message: 'No handler.' } }));
  const requests: SeenRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(seen);
    const reply = await handler(seen);
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    if (reply.hang) return;
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null);
    res.writeHead(reply.status ?? 200, {
      'content-type': 'application/json',
      ...reply.headers,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${API_PREFIX}`,
    requests,
    handle(next) {
      handler = next;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A fake clock: `sleep` resolves at once, moving virtual time forward by the wait, and records each wait. */
export function virtualClock(start = 0) {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    advance(ms: number) {
      time += ms;
    },
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      time += ms;
    },
  };
}
