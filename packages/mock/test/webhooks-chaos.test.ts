import { afterEach, describe, expect, it } from 'vitest';
import { createClock } from '../src/clock.js';
import { createWebhookDispatcher, type WebhookChaos } from '../src/webhooks/index.js';
import { type Answer, type Received, startReceiver, verifyWithNodeCrypto } from './webhooks-receiver.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(chaos: WebhookChaos, answer?: (n: number, r: Received) => Answer, seed = 3) {
  const clock = createClock({ now: '2026-04-08T14:30:00Z' });
  const receiver = await startReceiver(() => clock.nowMs(), answer);
  const webhooks = createWebhookDispatcher({ clock, seed });
  cleanups.push(() => webhooks.close(), receiver.close);
  const endpoint = webhooks.register(1, { url: receiver.url, events: ['*'], chaos });
  return { clock, receiver, webhooks, endpoint };
}

const deliveryIds = (received: Received[]) => received.map((r) => r.headers['x-loggd-delivery'] as string);

describe('receiver-side chaos', () => {
  it('duplicate: 1 sends every delivery twice, same id and bytes', async () => {
    const { receiver, webhooks, endpoint } = await setup({ duplicate: 1 });
    webhooks.emit(1, 'habit.completed', { habit_id: 1 });
    webhooks.emit(1, 'habit.completed', { habit_id: 2 });
    await webhooks.flush();
    const ids = deliveryIds(receiver.received);
    expect(ids).toHaveLength(4);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[3]);
    expect(ids[0]).not.toBe(ids[2]);
    expect(receiver.received[0]!.raw.equals(receiver.received[1]!.raw)).toBe(true);
    expect(webhooks.log(endpoint.id).map((a) => a.chaos ?? [])).toEqual([
      [],
      ['duplicate'],
      [],
      ['duplicate'],
    ]);
  });

  it('duplicate: a rate picks a seed-determined subset of deliveries', async () => {
    const duplicated = async (seed: number) => {
      const { receiver, webhooks } = await setup({ duplicate: 0.5 }, undefined, seed);
      for (let i = 0; i < 30; i++) webhooks.emit(1, 'level.up', { new_level: i });
      await webhooks.flush();
      const counts = new Map<string, number>();
      for (const id of deliveryIds(receiver.received)) counts.set(id, (counts.get(id) ?? 0) + 1);
      return [...counts.values()];
    };
    const a = await duplicated(11);
    expect(a).toHaveLength(30);
    const twice = a.filter((n) => n === 2).length;
    expect(twice).toBeGreaterThan(0);
    expect(twice).toBeLessThan(30);
    expect(await duplicated(11)).toEqual(a);
  });

  it('outOfOrder: consecutive deliveries are swapped; the clock moving releases a held one', async () => {
    const { clock, receiver, webhooks, endpoint } = await setup({ outOfOrder: true });
    for (const n of [1, 2, 3, 4, 5]) webhooks.emit(1, 'task.created', { task_id: n });
    await webhooks.flush();
    expect(receiver.bodies().map((b) => b.data.task_id)).toEqual([2, 1, 4, 3]);
    expect(webhooks.pendingCount).toBe(1);
    clock.advance('1s');
    await webhooks.flush();
    expect(receiver.bodies().map((b) => b.data.task_id)).toEqual([2, 1, 4, 3, 5]);
    expect(webhooks.log(endpoint.id).filter((a) => a.chaos?.includes('out-of-order'))).toHaveLength(2);
    // flush({ releaseHeld }) lets a held delivery go without moving the clock.
    webhooks.emit(1, 'task.created', { task_id: 6 });
    await webhooks.flush();
    expect(receiver.received).toHaveLength(5);
    await webhooks.flush({ releaseHeld: true });
    expect(receiver.bodies().at(-1).data.task_id).toBe(6);
  });

  it('oldSecretAfterRotation: the first attempt after rotation is signed with the old secret', async () => {
    const { receiver, webhooks, endpoint } = await setup({ oldSecretAfterRotation: true }, (_n, r) =>
      verifyWithNodeCrypto(r.raw, r.headers['x-loggd-signature'] as string, current) ? 200 : 401,
    );
    let current = endpoint.secret;
    const old = endpoint.secret;
    current = webhooks.rotateSecret(endpoint.id).secret;
    webhooks.emit(1, 'badge.unlocked', { badge_key: 'x' });
    webhooks.emit(1, 'badge.unlocked', { badge_key: 'y' });
    await webhooks.flush();
    const sig = (r: Received) => r.headers['x-loggd-signature'] as string;
    const [first, ...rest] = receiver.received;
    expect(verifyWithNodeCrypto(first!.raw, sig(first!), old)).toBe(true);
    expect(verifyWithNodeCrypto(first!.raw, sig(first!), current)).toBe(false);
    expect(rest.length).toBe(2);
    for (const r of rest) expect(verifyWithNodeCrypto(r.raw, sig(r), current)).toBe(true);
    expect(webhooks.log(endpoint.id).map((a) => [a.status, a.chaos ?? []])).toEqual([
      [401, ['old-secret']],
      [200, []],
      [200, []],
    ]);
  });

  it('oldSecretAfterRotation is off by default', async () => {
    const { receiver, webhooks, endpoint } = await setup({});
    const { secret } = webhooks.rotateSecret(endpoint.id);
    webhooks.emit(1, 'badge.unlocked', {});
    await webhooks.flush();
    const r = receiver.received[0]!;
    expect(verifyWithNodeCrypto(r.raw, r.headers['x-loggd-signature'] as string, secret)).toBe(true);
  });

  it('slow: the first attempt is treated as timed out, so the receiver sees the delivery again', async () => {
    const { receiver, webhooks, endpoint } = await setup({ slow: true });
    webhooks.emit(1, 'focus_session.completed', { session_id: 1 });
    await webhooks.flush();
    const ids = deliveryIds(receiver.received);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    const log = webhooks.log(endpoint.id);
    expect(log[0]).toMatchObject({ attempt: 1, ok: false, chaos: ['slow'] });
    expect(log[0]!.error).toMatch(/^timeout after 30000 ms/);
    expect(log[1]).toMatchObject({ attempt: 2, ok: true, status: 200 });
    expect(endpoint.chaos).toEqual({ slow: true });
  });
});
