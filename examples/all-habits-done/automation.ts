// "All daily habits done": on every habit.completed webhook, fetch today's habits with the SDK and, once every
// one of them is checked, announce it (print it, and POST it to NOTIFY_URL when set) — once per day.
//
//   LOGGD_TOKEN=... LOGGD_WEBHOOK_SECRET=whsec_... PORT=3000 [NOTIFY_URL=https://hooks.example/...] \
//     node examples/all-habits-done/automation.ts
import { createServer } from 'node:http';
import { createWebhookHandler, type Habit, Loggd, type WebhookHandler } from '@loggd/sdk';

export interface AllDoneOptions {
  /** The API client (the automation reads habits with it). */
  loggd: Loggd;
  /** Accepted webhook signing secrets, newest first. */
  secrets: string[];
  /** Called once per day when every habit due that day is checked. If it throws, Loggd retries the delivery. */
  notify: (message: string) => unknown;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Daily habits, and custom-days habits scheduled on `date`'s weekday; weekly targets are not per day. */
export function isDueOn(habit: Habit, date: string): boolean {
  if (habit.frequency === 'daily') return true;
  if (habit.frequency !== 'custom') return false;
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  return habit.custom_days?.includes(weekday) ?? false;
}

/** The webhook handler of the automation. */
export function createAllDoneAutomation({ loggd, secrets, notify }: AllDoneOptions): WebhookHandler {
  const announced = new Set<string>();
  return createWebhookHandler({
    secrets,
    on: {
      'habit.completed': async (event) => {
        const day = event.data.check_date;
        if (announced.has(day)) return;
        const due = (await loggd.habits.list({ status: 'active' }).toArray()).filter((h) => isDueOn(h, day));
        if (due.length === 0 || due.some((h) => !h.checked_today)) return;
        // Re-checked after the await: two completions close together both see "all done", only one announces.
        if (announced.has(day)) return;
        announced.add(day);
        try {
          await notify(
            `All ${due.length} habits due on ${day} are done: ${due.map((h) => h.name).join(', ')}.`,
          );
        } catch (error) {
          announced.delete(day); // the 500 makes Loggd retry, and the retry announces
          throw error;
        }
      },
    },
    onError: (error, info) => {
      console.error(`delivery ${info.deliveryId ?? '?'} → ${info.status}: ${(error as Error).message}`);
    },
  });
}

if (import.meta.main) {
  const secret = process.env.LOGGD_WEBHOOK_SECRET;
  if (!secret || !process.env.LOGGD_TOKEN) {
    console.error('Set LOGGD_TOKEN (a token with read:habits) and LOGGD_WEBHOOK_SECRET.');
    process.exit(2);
  }
  const notifyUrl = process.env.NOTIFY_URL;
  const automation = createAllDoneAutomation({
    loggd: new Loggd(), // LOGGD_TOKEN and LOGGD_BASE_URL from the environment
    secrets: [secret],
    notify: async (message) => {
      console.log(message);
      if (!notifyUrl) return;
      const response = await fetch(notifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: message }),
      });
      if (!response.ok) throw new Error(`NOTIFY_URL answered ${response.status}`);
    },
  });
  const server = createServer(automation.node).listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : process.env.PORT;
    console.log(`Listening on http://127.0.0.1:${port}/`);
  });
}
