import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookHandler } from '../src/webhooks/index.js';

let server: Server | undefined;
afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

/** POSTs headers announcing `length` bytes and sends only `sent`: resolves with the status and body seen. */
async function drip(options: Parameters<typeof createWebhookHandler>[0], length: number, sent: string) {
  const handler = createWebhookHandler(options);
  server = createServer(handler.node);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(length) },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.write(sent);
  });
}

describe('node listener: a body that never finishes arriving', () => {
  it('answers 408 after bodyTimeoutMs and closes the connection', async () => {
    const reply = await drip({ secrets: ['whsec_t'], bodyTimeoutMs: 200 }, 1000, '{"event":');
    expect(reply.status).toBe(408);
    expect(JSON.parse(reply.body)).toMatchObject({ error: 'body_timeout' });
    expect(JSON.parse(reply.body).message).toContain('200 ms (bodyTimeoutMs)');
  });

  it('refuses a bodyTimeoutMs that is not a positive number', () => {
    expect(() => createWebhookHandler({ secrets: ['whsec_t'], bodyTimeoutMs: 0 })).toThrow(/bodyTimeoutMs/);
  });
});
