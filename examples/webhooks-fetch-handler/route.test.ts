import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockApi } from '@loggd/mock';
import { Loggd } from '@loggd/sdk';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';

// Serves the route's POST under node:http through a tiny Request/Response bridge (what Next.js, Bun or Deno do
// for it), and lets the mock deliver a habit.completed event to it.
const SECRET = 'whsec_fetch_example';
let url: string;
let close: () => void;
const logged = vi.spyOn(console, 'log').mockImplementation(() => {});
vi.spyOn(console, 'error').mockImplementation(() => {});

beforeAll(async () => {
  process.env.LOGGD_WEBHOOK_SECRET = SECRET;
  const { POST } = await import('./route.js');
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([k, v]) =>
        v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((one): [string, string] => [k, one]),
      ),
      ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body: Buffer.concat(chunks) }),
    });
    const response = await POST(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/loggd`;
  close = () => {
    server.closeAllConnections();
    server.close();
  };
});
afterAll(() => close());

it('receives a habit.completed delivery from the mock and logs it', async () => {
  const mock = createMockApi({ seed: 5, now: '2026-04-08T12:00:00Z' });
  try {
    const userId = mock.dataset.accounts[0]!.userId;
    mock.webhooks.register(userId, { url, events: ['*'], secret: SECRET });
    const loggd = new Loggd({ fetch: mock.fetch, token: 'mock_pro_all' });
    const habit = (await loggd.habits.list().toArray()).find((h) => !h.checked_today)!;
    mock.control.completeHabit(habit.id);
    const delivery = await mock.webhooks.waitFor('habit.completed', { timeoutMs: 5000 });
    expect(delivery.envelope.data.habit_id).toBe(habit.id);
    expect(logged).toHaveBeenCalledWith(
      `habit.completed: ${habit.name} (streak ${delivery.envelope.data.streak})`,
    );
  } finally {
    mock.close();
  }
});

it('answers 401 to an unsigned request and 405 to a GET', async () => {
  const unsigned = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      event: 'habit.completed',
      version: 1,
      timestamp: '2026-04-08T14:30:00+00:00',
      data: {},
    }),
  });
  expect(unsigned.status).toBe(401);
  const get = await fetch(url);
  expect(get.status).toBe(405);
  expect(get.headers.get('allow')).toBe('POST');
});
