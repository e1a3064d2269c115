import type { IncomingMessage } from 'node:http';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createWebhookHandler, type WebhookHandlerOptions } from '../src/webhooks/index.js';
import { delivery, listen, post, receiverSuite, SECRET, send } from './webhooks-handler.support.js';

// Express 5, with the body parsers users really mount before a webhook route.
type Mount = (app: express.Express, middleware: express.RequestHandler) => void;

function startExpress(mount: Mount) {
  return (options: WebhookHandlerOptions) => {
    const app = express();
    mount(app, createWebhookHandler(options).express());
    return listen(app);
  };
}

const keepRawBody = (req: IncomingMessage & { rawBody?: Buffer }, _res: unknown, buf: Buffer) => {
  req.rawBody = buf;
};

receiverSuite(
  'express, no body parser',
  startExpress((app, mw) => app.all('/webhooks/loggd', mw)),
);
receiverSuite(
  'express, after express.json({ verify }) keeping req.rawBody',
  startExpress((app, mw) => {
    app.use(express.json({ verify: keepRawBody }));
    app.all('/webhooks/loggd', mw);
  }),
);
receiverSuite(
  'express, after express.raw()',
  startExpress((app, mw) => app.all('/webhooks/loggd', express.raw({ type: '*/*' }), mw)),
);

describe('express, after a plain express.json()', () => {
  const start = startExpress((app, mw) => {
    app.use(express.json());
    app.all('/webhooks/loggd', mw);
  });

  it('answers 400 naming the fix when only the parsed object is left, and never runs the handler', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const receiver = await start({
      secret: SECRET,
      on: { 'habit.completed': () => void calls++ },
      onError: (error) => errors.push(error),
    });
    try {
      const r = await post(receiver.url, delivery());
      expect(r.status).toBe(400);
      expect(r.json.error).toBe('body_not_raw');
      expect(r.json.message).toContain('before express.json()');
      expect(r.json.message).toContain('req.rawBody = buf');
    } finally {
      await receiver.close();
    }
    expect(calls).toBe(0);
    expect(errors).toEqual([
      expect.objectContaining({ name: 'WebhookVerificationError', reason: 'body_not_raw' }),
    ]);
  });

  it('reads the stream itself when express.json() skipped the request (another content type)', async () => {
    let calls = 0;
    const receiver = await start({ secret: SECRET, on: { 'habit.completed': () => void calls++ } });
    try {
      const d = delivery();
      const r = await send(receiver.url, {
        body: d.body,
        headers: { ...d.headers, 'content-type': 'text/plain' },
      });
      expect(r.status).toBe(200);
    } finally {
      await receiver.close();
    }
    expect(calls).toBe(1);
  });
});
