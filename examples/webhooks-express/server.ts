// A Loggd webhook receiver in Express 5, with the SDK's ready-made handler.
//
//   LOGGD_WEBHOOK_SECRET=whsec_... PORT=3000 node examples/webhooks-express/server.ts
//
// During a secret rotation, also set LOGGD_WEBHOOK_SECRET_OLD: deliveries signed with either are accepted.

import { createWebhookHandler } from '@loggd/sdk';
import express from 'express';

export interface AppOptions {
  /** Accepted signing secrets, newest first. */
  secrets: string[];
  /** Where the app reports what it received (console.log by default). */
  log?: (line: string) => void;
}

/** The Express app: POST /webhooks/loggd receives Loggd's deliveries; the rest is an ordinary JSON API. */
export function createApp({ secrets, log = console.log }: AppOptions): express.Express {
  const webhooks = createWebhookHandler({
    secrets,
    on: {
      'habit.completed': (event) => {
        log(
          `habit.completed: ${event.data.habit_name} checked on ${event.data.check_date}, streak ${event.data.streak}`,
        );
      },
      'level.up': (event) => {
        log(`level.up: level ${event.data.new_level} (${event.data.tier_name})`);
      },
    },
    // Events without an `on` handler are still acknowledged; this sees them all.
    onEvent: (event) => {
      if (!event.known) log(`${event.event}: an event this SDK does not know yet`);
    },
    onError: (error, info) => {
      log(
        `rejected a delivery with ${info.status}: ${error instanceof Error ? error.message : String(error)}`,
      );
    },
  });

  const app = express();
  // The webhook route comes before express.json(): it needs the raw bytes the signature covers.
  app.post('/webhooks/loggd', webhooks.express());
  app.use(express.json());
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  return app;
}

if (import.meta.main) {
  const secrets = [process.env.LOGGD_WEBHOOK_SECRET, process.env.LOGGD_WEBHOOK_SECRET_OLD].filter(
    (s): s is string => Boolean(s),
  );
  if (secrets.length === 0) {
    console.error('Set LOGGD_WEBHOOK_SECRET to the endpoint secret shown in Settings → API.');
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 3000);
  const server = createApp({ secrets }).listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    console.log(`Listening on http://127.0.0.1:${actual}/webhooks/loggd`);
  });
}
