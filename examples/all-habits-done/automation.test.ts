import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createMockApi, type MockApi, startMockServer } from '@loggd/mock';
import { Loggd } from '@loggd/sdk';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createAllDoneAutomation, isDueOn } from './automation.js';

// The automation against the mock: the mock's API (mock.fetch, or the standalone server for the real program)
// and the mock's webhook delivery to the automation's node:http listener.
const SECRET = 'whsec_all_done';
const TODAY = '2026-04-08';
let mock: MockApi;
const cleanups: (() => unknown)[] = [];

beforeEach(() => {
  mock = createMockApi({ seed: 21, now: `${TODAY}T12:00:00Z` });
  cleanups.push(() => mock.close());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  cleanups.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The habits due today that are still open, straight from the API. */
async function openHabits() {
  const loggd = new Loggd({ fetch: mock.fetch, token: 'mock_pro_all' });
  const due = (await loggd.habits.list().toArray()).filter((h) => isDueOn(h, TODAY));
  return { due, open: due.filter((h) => !h.checked_today) };
}

async function complete(habitId: number) {
  mock.control.completeHabit(habitId);
  await mock.webhooks.waitFor('habit.completed', {
    timeoutMs: 5000,
    predicate: (d) => d.envelope.data.habit_id === habitId,
  });
}

it('announces once, right after the last habit due today is checked', async () => {
  const notified: string[] = [];
  const automation = createAllDoneAutomation({
    loggd: new Loggd({ fetch: mock.fetch, token: 'mock_pro_all' }),
    secrets: [SECRET],
    notify: (message) => notified.push(message),
  });
  const url = await listen(createServer(automation.node));
  mock.webhooks.register(mock.dataset.accounts[0]!.userId, { url, events: ['*'], secret: SECRET });

  const { due, open } = await openHabits();
  expect(open.length, 'the seeded day needs at least two open habits').toBeGreaterThan(1);
  for (const habit of open.slice(0, -1)) await complete(habit.id);
  expect(notified).toEqual([]);

  await complete(open.at(-1)!.id);
  expect(notified).toEqual([
    `All ${due.length} habits due on ${TODAY} are done: ${due.map((h) => h.name).join(', ')}.`,
  ]);

  // Another completion the same day (a habit not due today) does not announce again.
  const loggd = new Loggd({ fetch: mock.fetch, token: 'mock_pro_all' });
  const other = (await loggd.habits.list().toArray()).find((h) => !isDueOn(h, TODAY) && !h.checked_today);
  if (other) await complete(other.id);
  expect(notified).toHaveLength(1);
});

it('the program prints and POSTs "all done" to NOTIFY_URL, reading the API of a mock server', async () => {
  const api = await startMockServer({ mock });
  cleanups.push(() => api.close());
  const posted: unknown[] = [];
  let gotPost!: () => void;
  const postArrived = new Promise<void>((resolve) => {
    gotPost = resolve;
  });
  const notifyUrl = await listen(
    createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      posted.push(JSON.parse(body));
      res.writeHead(204).end();
      gotPost();
    }),
  );

  const child: ChildProcess = spawn(
    process.execPath,
    [fileURLToPath(new URL('./automation.ts', import.meta.url))],
    {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        LOGGD_TOKEN: 'mock_pro_all',
        LOGGD_BASE_URL: api.baseUrl,
        LOGGD_WEBHOOK_SECRET: SECRET,
        NOTIFY_URL: notifyUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  cleanups.push(() => child.kill());
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /Listening on (\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`automation exited with ${code}: ${stderr}`)));
  });
  const url = await listening;
  mock.webhooks.register(mock.dataset.accounts[0]!.userId, {
    url,
    events: ['habit.completed'],
    secret: SECRET,
  });

  const { due, open } = await openHabits();
  for (const habit of open) await complete(habit.id);
  await postArrived;
  const message = `All ${due.length} habits due on ${TODAY} are done: ${due.map((h) => h.name).join(', ')}.`;
  expect(posted).toEqual([{ text: message }]);
  // The program prints before it POSTs, but the two pipes are read independently.
  if (!stdout.includes(message)) {
    await new Promise<void>((resolve) =>
      child.stdout!.on('data', () => {
        if (stdout.includes(message)) resolve();
      }),
    );
  }
  expect(stdout).toContain(message);
});
