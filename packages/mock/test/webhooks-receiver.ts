import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a user's handler would see it. */
export interface Received {
  headers: IncomingMessage['headers'];
  raw: Buffer;
  /** Mock-clock time when it arrived. */
  at: number;
}

/** What the receiver answers: a status, or 'hang' to never answer (timeout tests). */
export type Answer = number | 'hang';

/** The docs' verification snippet, verbatim in spirit: HMAC over the raw bytes, constant-time compare. */
export function verifyWithNodeCrypto(raw: Buffer, signature: string | undefined, secret: string): boolean {
  const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  const a = Buffer.from(signature ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A real node:http receiver on 127.0.0.1:0 recording every request. */
export async function startReceiver(
  now: () => number,
  answer: (n: number, r: Received) => Answer = () => 200,
) {
  const received: Received[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { headers: req.headers, raw: Buffer.concat(chunks), at: now() };
      received.push(r);
      const a = answer(received.length, r);
      if (a === 'hang') return void hanging.push(res);
      res.writeHead(a, { 'content-type': 'text/plain' }).end(`answered ${a}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    bodies: () => received.map((r) => JSON.parse(r.raw.toString('utf8'))),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
