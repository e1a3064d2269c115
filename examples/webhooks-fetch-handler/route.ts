// A Loggd webhook receiver as a fetch-style handler: `(request: Request) => Promise<Response>`.
// Drop it in as a Next.js route handler (app/api/webhooks/loggd/route.ts), or mount it in Hono, Bun, Deno or
// Cloudflare Workers (see README.md). It reads the raw body itself, so nothing may read the request before it.
import { createWebhookHandler } from '@loggd/sdk';

const secret = process.env.LOGGD_WEBHOOK_SECRET;
if (!secret) throw new Error('Set LOGGD_WEBHOOK_SECRET to the endpoint secret shown in Settings → API.');

const webhooks = createWebhookHandler({
  // During a rotation, list the new secret first and keep the old one until Loggd signs with the new one.
  secrets: [secret, ...(process.env.LOGGD_WEBHOOK_SECRET_OLD ? [process.env.LOGGD_WEBHOOK_SECRET_OLD] : [])],
  on: {
    'habit.completed': (event) => {
      console.log(`habit.completed: ${event.data.habit_name} (streak ${event.data.streak})`);
    },
    'task.completed': (event) => {
      console.log(`task.completed: ${event.data.task_title}`);
    },
  },
  onError: (error, info) => {
    console.error(`webhook rejected with ${info.status}:`, error instanceof Error ? error.message : error);
  },
});

/** Next.js App Router: `export { POST } from './route'` — any other method gets a 405 from the handler. */
export const POST = webhooks.fetch;
