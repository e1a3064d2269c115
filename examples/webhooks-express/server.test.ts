import type { AddressInfo } from 'node:net';
import { createMockApi, type MockApi } from '@loggd/mock';
import { Loggd } from '@loggd/sdk';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp } from './server.js';

// The example app on a real socket, receiving deliveries from the mock's webhook dispatcher.
let mock: MockApi;
let close: () => Promise<void>;
let url: string;
let lines: string[];

async function start(secrets: string[]) {
  lines = [];
  const server = createApp({ secrets, log: (line) => lines.push(line) }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/loggd`;
  close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
}

beforeEach(() => {
  mock = createMockApi({ seed: 11, now: '2026-04-08T12:00:00Z' });
});
afterEach(async () => {
  mock.close();
  await close();
});

async function uncheckedHabit() {
  const loggd = new Loggd({ fetch: mock.fetch, token: 'mock_pro_all' });
  const habit = (await loggd.habits.list().toArray()).find((h) => !h.checked_today);
  if (!habit) throw new Error('the seeded dataset has no habit left to check today');
  return habit;
}

it('logs a habit completed in the mock, once, even when the mock delivers it twice', async () => {
  await start(['whsec_express_example']);
  const userId = mock.dataset.accounts[0]!.userId;
  mock.webhooks.register(userId, {
    url,
    events: ['habit.completed'],
    secret: 'whsec_express_example',
    chaos: { duplicate: 1 },
  });
  const habit = await uncheckedHabit();
  mock.control.completeHabit(habit.id);
  const delivered = await mock.webhooks.waitFor('habit.completed', {
    timeoutMs: 5000,
    predicate: (d) => d.envelope.data.habit_id === habit.id,
  });
  await mock.webhooks.flush();
  const attempts = mock.webhooks.log(delivered.endpointId);
  expect(attempts.length).toBe(2); // the delivery and its chaos duplicate
  expect(attempts.every((a) => a.status === 200)).toBe(true);
  expect(lines).toEqual([
    `habit.completed: ${habit.name} checked on 2026-04-08, streak ${delivered.envelope.data.streak}`,
  ]);
});

it('accepts the old secret during a rotation and rejects an unknown one with 401', async () => {
  await start(['whsec_new', 'whsec_old']);
  const userId = mock.dataset.accounts[0]!.userId;
  const old = mock.webhooks.register(userId, { url, events: ['*'], secret: 'whsec_old' });
  const stranger = mock.webhooks.register(userId, { url, events: ['*'], secret: 'whsec_stranger' });
  mock.webhooks.emit(userId, 'level.up', {
    new_level: 5,
    previous_level: 4,
    tier_name: 'Adventurer',
    total_points: 2500,
  });
  await mock.webhooks.flush();
  expect(mock.webhooks.log(old.id)[0]).toMatchObject({ status: 200 });
  expect(mock.webhooks.log(stranger.id)[0]).toMatchObject({ status: 401 });
  expect(lines).toContain('level.up: level 5 (Adventurer)');
  expect(lines.some((l) => l.startsWith('rejected a delivery with 401'))).toBe(true);
});
