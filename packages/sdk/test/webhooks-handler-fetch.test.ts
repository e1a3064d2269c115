import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWebhookHandler } from '../src/webhooks/index.js';
import { delivery, fetchBridge, listen, receiverSuite, SECRET } from './webhooks-handler.support.js';

// The fetch adapter (Next.js route handlers, Hono, Bun, Deno, Workers), served under Node by a small bridge.
receiverSuite('fetch handler', (options) => listen(fetchBridge(createWebhookHandler(options).fetch)));

describe('fetch handler, without a server', () => {
  it('answers 400 naming the fix when the body was already read', async () => {
    const webhooks = createWebhookHandler({ secret: SECRET });
    const d = delivery();
    const request = new Request('https://example.test/webhooks', {
      method: 'POST',
      body: d.body,
      headers: d.headers,
    });
    await request.json();
    const response = await webhooks.fetch(request);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'body_not_raw' });
  });

  it('accepts a Request straight from a framework (no socket) and answers JSON', async () => {
    const webhooks = createWebhookHandler({ secret: SECRET });
    const d = delivery();
    const response = await webhooks.fetch(
      new Request('https://example.test/webhooks', { method: 'POST', body: d.body, headers: d.headers }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ received: true });
  });

  it('the core handler and the fetch adapter import nothing from node:*', () => {
    const files = [
      'handler.ts',
      'handler-dedupe.ts',
      'handler-response.ts',
      'receiver.ts',
      'adapters/fetch.ts',
      'adapters/body.ts',
    ];
    for (const file of files) {
      const source = readFileSync(new URL(`../src/webhooks/${file}`, import.meta.url), 'utf8');
      expect(source, file).not.toMatch(/from ['"]node:|require\(['"]node:/);
    }
  });
});
