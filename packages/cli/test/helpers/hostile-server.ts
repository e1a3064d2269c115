import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A node:http server whose every request is answered by `handle`, free to stall, lie or flood. */
export interface HostileServer {
  /** The API base URL on this server (`…/api/v1/public`). */
  baseUrl: string;
  origin: string;
  /** Requests seen so far, with their headers. */
  seen: IncomingMessage[];
  close(): Promise<void>;
}

export type HostileHandler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startHostileServer(handle: HostileHandler): Promise<HostileServer> {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/api/v1/public`,
    origin,
    seen,
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends a 200's headers and the start of a JSON body, then goes silent for good. */
export function stallAfterHeaders(headers: Record<string, string> = {}): HostileHandler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    res.write('{"data":[');
  };
}

/** Streams `total` bytes of a JSON string body, respecting backpressure, until done or the client leaves. */
export function flood(total: number, headers: Record<string, string> = {}): HostileHandler {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', ...headers });
    let sent = 0;
    const pump = () => {
      while (sent < total && !res.destroyed) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => {
      sent = total;
    });
    pump();
  };
}

/** The API's documented `GET /profile` answer (the SDK's fixture). */
export const PROFILE_BODY = readFileSync(
  new URL('../../../sdk/test/fixtures/profile-get.json', import.meta.url),
  'utf8',
);
