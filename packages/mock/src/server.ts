import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX } from './api.js';
import type { MockOptions } from './engine.js';
import { createMockApi, type MockApi } from './mock-api.js';
import { errorReply, MockHttpError, type MockReply } from './reply.js';
import { readNodeRequestBody } from './request-body.js';

export interface StartMockServerOptions extends MockOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Serve an existing mock (same engine as its fetch and handlers); otherwise one is created from the options. */
  mock?: MockApi;
}

export interface RunningMockServer {
  /** http://host:port */
  url: string;
  /** url + /api/v1/public: give it to the SDK as `baseUrl`. */
  baseUrl: string;
  port: number;
  mock: MockApi;
  /** Stop listening and drop every open connection (hung ones included). */
  close(): Promise<void>;
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** Play a reply onto a real socket; transport faults become real socket behaviour. */
function send(req: IncomingMessage, res: ServerResponse, reply: MockReply): void {
  const t = reply.transport;
  if (t?.kind === 'reset') {
    req.socket.resetAndDestroy();
    return;
  }
  if (t?.kind === 'empty') {
    req.socket.destroy();
    return;
  }
  if (t?.kind === 'hang') return; // closed by server.close() or the client giving up
  const bytes = Buffer.from(reply.body, 'utf8');
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(bytes.byteLength) });
  if (t?.kind === 'truncate') {
    const cut = Math.min(t.bytes ?? Math.floor(bytes.byteLength / 2), Math.max(0, bytes.byteLength - 1));
    res.write(bytes.subarray(0, cut), () => req.socket.destroy());
    return;
  }
  if (t?.kind === 'dribble') {
    const size = Math.max(1, Math.ceil(bytes.byteLength / t.chunks));
    let offset = 0;
    const next = () => {
      if (res.destroyed) return;
      const chunk = bytes.subarray(offset, offset + size);
      offset += size;
      if (offset >= bytes.byteLength) res.end(chunk);
      else {
        res.write(chunk);
        setTimeout(next, t.intervalMs);
      }
    };
    next();
    return;
  }
  res.end(bytes);
}

/**
 * The standalone door: a real HTTP server over the same engine, for curl and non-JS clients, with the control
 * API under /__mock. Used by the `loggd-mock` bin and `loggd mock serve`.
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  const { port = 0, host = '127.0.0.1', mock: given, ...mockOptions } = options;
  const mock = given ?? createMockApi(mockOptions);
  const engine = mock.engine;
  const server: Server = createServer(async (req, res) => {
    try {
      const method = req.method ?? 'GET';
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readNodeRequestBody(req);
      const url = new URL(req.url ?? '/', `http://${req.headers.host ?? `${host}:${port}`}`);
      const reply = await engine.handle({ method, url, headers: toHeaders(req), ...(body ? { body } : {}) });
      if (reply.latencyMs) setTimeout(() => send(req, res, reply), reply.latencyMs);
      else send(req, res, reply);
    } catch (e) {
      if (e instanceof MockHttpError) {
        // An over-limit body: answer and close, so the rest of it is never read.
        const reply = errorReply(e.status, e.message);
        res.writeHead(reply.status, { ...reply.headers, connection: 'close' });
        res.end(reply.body);
        return;
      }
      // Strict-mode contract violations land here: answer, and say why on stderr, but keep serving.
      const message = e instanceof Error ? e.message : String(e);
      console.error(`[loggd-mock] ${message}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message }));
      } else res.destroy();
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${hostForUrl}:${address.port}`;
  return {
    url,
    baseUrl: `${url}${API_PREFIX}`,
    port: address.port,
    mock,
    close: () =>
      new Promise<void>((resolve) => {
        if (!given) mock.close(); // a mock we created is ours to stop; a given one belongs to the caller
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
