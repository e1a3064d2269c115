import { toWireDateTime } from '../clock.js';
import { seededUnit } from '../random.js';
import { MockHttpError } from '../reply.js';
import { describeDeliveries } from './describe.js';
import { type EndpointPatch, type EndpointRecord, EndpointRegistry, toView } from './endpoints.js';
import { exampleData, isWebhookEventName, WEBHOOK_EVENT_NAMES, type WebhookEventName } from './events.js';
import { DEACTIVATE_AFTER_FAILURES, DEFAULT_TIMEOUT_MS, retryDelayAfter } from './schedule.js';
import { postWebhook } from './sender.js';
import { generateDeliveryId, signBody } from './signature.js';
import type {
  DeliveryAttempt,
  DeliveryFilter,
  RegisterEndpointInput,
  WaitForOptions,
  WebhookClock,
  WebhookDelivery,
  WebhookDispatcherOptions,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
  WebhookEnvelope,
} from './types.js';

/** One attempt waiting for its mock-clock time. */
interface QueuedAttempt {
  delivery: WebhookDelivery;
  /** Per-dispatcher delivery counter: the chaos draws' index. */
  seq: number;
  attempt: number;
  dueMs: number;
  chaos: string[];
  /** Let go by the outOfOrder hold: send as is, never hold again. */
  released?: boolean;
}

interface Waiter {
  event: WebhookEventName;
  predicate?: (d: WebhookDelivery) => boolean;
  resolve: (d: WebhookDelivery) => void;
  reject: (e: Error) => void;
  timer?: ReturnType<typeof setTimeout>;
}

const DUPLICATE_SALT = 0x0d0b1e;
const MAX_DELIVERIES = 10_000;

function snapshot(d: WebhookDelivery): WebhookDelivery {
  return { ...d, envelope: { ...d.envelope }, attempts: d.attempts.map((a) => ({ ...a })) };
}

/**
 * Sends signed webhook deliveries on the mock clock: retries at immediate, +1 min, +5 min, +15 min, +1 h,
 * deactivation after 10 failures in a row, a journal to assert on and opt-in receiver chaos.
 */
export class WebhookDispatcher {
  readonly defaultUserId: number;
  readonly #clock: WebhookClock;
  readonly #seed: number;
  readonly #fetch?: typeof fetch;
  readonly #timeoutMs: number;
  readonly #autoFlush: boolean;
  readonly #endpoints: EndpointRegistry;
  #deliveries: WebhookDelivery[] = [];
  #queue: QueuedAttempt[] = [];
  /** outOfOrder chaos: the delivery held back per endpoint until the next one overtakes it. */
  #held = new Map<number, QueuedAttempt>();
  #releaseHeld = false;
  #log = new Map<number, DeliveryAttempt[]>();
  #waiters = new Set<Waiter>();
  #seq = 0;
  #chain: Promise<void> = Promise.resolve();
  #unsubscribe?: () => void;
  #poll?: ReturnType<typeof setInterval>;

  constructor(options: WebhookDispatcherOptions) {
    this.#clock = options.clock;
    this.#seed = options.seed ?? 1;
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#autoFlush = options.autoFlush ?? true;
    this.defaultUserId = options.defaultUserId ?? 1;
    this.#endpoints = new EndpointRegistry(this.#seed);
    this.#unsubscribe = options.clock.onChange?.(() => {
      // Moving the clock ends any out-of-order hold: the held delivery would have gone out by then.
      this.#releaseHeld = this.#held.size > 0;
      if (this.#autoFlush) this.#background();
    });
    if (options.pollMs) {
      this.#poll = setInterval(() => this.#background(), options.pollMs);
      this.#poll.unref?.();
    }
  }

  /** Register an endpoint for a user; returns it with its secret (the only time it is shown in full). */
  register(userId: number, input: RegisterEndpointInput): WebhookEndpointWithSecret {
    return this.#endpoints.register(userId, input, this.#clock.nowMs());
  }

  /** Endpoints, of one user or of everyone, with secrets masked. */
  endpoints(userId?: number): WebhookEndpointView[] {
    return this.#endpoints.list(userId).map(toView);
  }

  /** One endpoint (secret masked), or undefined. */
  endpoint(endpointId: number): WebhookEndpointView | undefined {
    const e = this.#endpoints.get(endpointId);
    return e && toView(e);
  }

  /** Change url, events, chaos or re-activate a deactivated endpoint. */
  updateEndpoint(endpointId: number, patch: EndpointPatch): WebhookEndpointView {
    const e = this.#endpoints.update(endpointId, patch);
    if (!e.chaos.outOfOrder) this.#releaseHeldFor(e.id);
    return toView(e);
  }

  /** Delete an endpoint; its pending deliveries are abandoned. */
  remove(endpointId: number): void {
    this.#endpoints.remove(endpointId);
    this.#abandonPending(endpointId, 'endpoint deleted');
  }

  /** Replace the secret (generated unless given). The old one stops signing at once, retries included. */
  rotateSecret(endpointId: number, newSecret?: string): WebhookEndpointWithSecret {
    return this.#endpoints.rotate(endpointId, newSecret);
  }

  /**
   * Fire an event for a user: one delivery per active endpoint subscribed to it, sent now (or at the next
   * flush when autoFlush is off). The engine calls this on every state change.
   * @example dispatcher.emit(1, 'habit.completed', { habit_id: 456, habit_name: 'Run', check_date: '2026-04-08', streak: 7 })
   */
  emit(userId: number, event: string, data: Record<string, unknown>): WebhookDelivery[] {
    const name = this.#eventName(event);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new TypeError(`emit(${name}): data must be an object`);
    }
    const targets = this.#endpoints
      .list(userId)
      .filter((e) => e.active && (e.events.includes('*') || e.events.includes(name)));
    const envelope = this.#envelope(name, data);
    const created = targets.map((e) => this.#enqueue(e, envelope, false));
    if (this.#autoFlush && created.length > 0) this.#background();
    return created.map(snapshot);
  }

  /** "Send test event": the docs' example data for `event` (default: the endpoint's first event) to one endpoint. */
  sendTest(endpointId: number, event?: string): WebhookDelivery {
    const e = this.#endpoints.require(endpointId);
    const name = event === undefined ? this.#defaultTestEvent(e) : this.#eventName(event, 422);
    const delivery = this.#enqueue(e, this.#envelope(name, exampleData(name)), true);
    if (this.#autoFlush) this.#background();
    return snapshot(delivery);
  }

  /**
   * Send every attempt that is due on the mock clock (retries that fall due meanwhile included) and resolve
   * when done. `releaseHeld` also sends deliveries held back by the outOfOrder chaos.
   */
  flush(options: { releaseHeld?: boolean } = {}): Promise<void> {
    if (options.releaseHeld) this.#releaseHeld = this.#held.size > 0;
    const run = this.#chain.then(() => this.#drain());
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /** Alias of flush(). */
  runDue(): Promise<void> {
    return this.flush();
  }

  /** The delivery journal, oldest first. */
  deliveries(filter: DeliveryFilter = {}): WebhookDelivery[] {
    return this.#deliveries
      .filter(
        (d) =>
          (filter.endpointId === undefined || d.endpointId === filter.endpointId) &&
          (filter.event === undefined || d.event === filter.event) &&
          (filter.userId === undefined || d.userId === filter.userId),
      )
      .map(snapshot);
  }

  /** Every HTTP attempt made to one endpoint, oldest first (the "delivery log" of Settings → API). */
  log(endpointId: number): DeliveryAttempt[] {
    return (this.#log.get(endpointId) ?? []).map((a) => ({ ...a }));
  }

  /** Attempts waiting for their mock-clock time (plus any held by outOfOrder chaos). */
  get pendingCount(): number {
    return this.#queue.length + this.#held.size;
  }

  /**
   * Resolve with the first delivery of `event` that got a 2xx, past or future; reject after `timeoutMs`
   * real milliseconds with a message listing what was delivered.
   * @example const d = await dispatcher.waitFor('habit.completed', { timeoutMs: 2000 })
   */
  waitFor(event: string, options: WaitForOptions = {}): Promise<WebhookDelivery> {
    if (!isWebhookEventName(event)) {
      return Promise.reject(
        new TypeError(`waitFor: unknown event "${event}": expected one of ${WEBHOOK_EVENT_NAMES.join(', ')}`),
      );
    }
    const matches = (d: WebhookDelivery) =>
      d.event === event && d.state === 'succeeded' && (options.predicate?.(snapshot(d)) ?? true);
    const past = this.#deliveries.find(matches);
    if (past) return Promise.resolve(snapshot(past));
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { event, predicate: options.predicate, resolve, reject };
      waiter.timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(
          new Error(
            `waitFor('${event}'): no successful delivery within ${timeoutMs} ms. ${describeDeliveries(this.#deliveries)}`,
          ),
        );
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Forget endpoints, deliveries and logs (mock.reset()); pending waiters are rejected. */
  reset(): void {
    this.#endpoints.clear();
    this.#deliveries = [];
    this.#queue = [];
    this.#held.clear();
    this.#log.clear();
    this.#seq = 0;
    this.#rejectWaiters('the webhook dispatcher was reset');
  }

  /** Stop listening to the clock and the poll timer; pending waiters are rejected. */
  close(): void {
    this.#unsubscribe?.();
    if (this.#poll) clearInterval(this.#poll);
    this.#rejectWaiters('the webhook dispatcher was closed');
  }

  #eventName(event: string, status?: number): WebhookEventName {
    if (isWebhookEventName(event)) return event;
    const message = `Unknown event "${String(event)}": expected one of ${WEBHOOK_EVENT_NAMES.join(', ')}.`;
    throw status ? new MockHttpError(status, message) : new TypeError(message);
  }

  #defaultTestEvent(e: EndpointRecord): WebhookEventName {
    const first = e.events[0];
    return first && isWebhookEventName(first) ? first : 'habit.completed';
  }

  #envelope(event: WebhookEventName, data: Record<string, unknown>): WebhookEnvelope {
    return { event, version: 1, timestamp: toWireDateTime(this.#clock.nowMs()), data };
  }

  #enqueue(e: EndpointRecord, envelope: WebhookEnvelope, test: boolean): WebhookDelivery {
    const seq = ++this.#seq;
    const nowMs = this.#clock.nowMs();
    const delivery: WebhookDelivery = {
      id: generateDeliveryId(this.#seed, seq),
      endpointId: e.id,
      userId: e.userId,
      event: envelope.event,
      envelope,
      body: JSON.stringify(envelope),
      state: 'pending',
      test,
      attempts: [],
      nextAttemptAt: toWireDateTime(nowMs),
    };
    this.#deliveries.push(delivery);
    if (this.#deliveries.length > MAX_DELIVERIES)
      this.#deliveries.splice(0, this.#deliveries.length - MAX_DELIVERIES);
    this.#queue.push({ delivery, seq, attempt: 1, dueMs: nowMs, chaos: [] });
    return delivery;
  }

  #background(): void {
    this.flush().catch(() => undefined);
  }

  async #drain(): Promise<void> {
    for (;;) {
      const now = this.#clock.nowMs();
      const due = this.#queue.filter((q) => q.dueMs <= now);
      if (this.#releaseHeld) {
        this.#releaseHeld = false;
        for (const held of this.#held.values()) due.push({ ...held, released: true });
        this.#held.clear();
      }
      if (due.length === 0) return;
      this.#queue = this.#queue.filter((q) => q.dueMs > now);
      due.sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq || a.attempt - b.attempt);
      const byEndpoint = new Map<number, QueuedAttempt[]>();
      for (const q of due)
        byEndpoint.set(q.delivery.endpointId, [...(byEndpoint.get(q.delivery.endpointId) ?? []), q]);
      // Endpoints are independent receivers: one slow URL must not hold the others back. Within an endpoint,
      // attempts go one at a time so ordering (and the out-of-order chaos) is deterministic.
      await Promise.all(
        [...byEndpoint].map(async ([endpointId, items]) => {
          for (const q of this.#order(endpointId, items)) await this.#attempt(q);
        }),
      );
    }
  }

  /** Apply the outOfOrder chaos: each new delivery waits for the next one and goes out after it. */
  #order(endpointId: number, items: QueuedAttempt[]): QueuedAttempt[] {
    const e = this.#endpoints.get(endpointId);
    if (!e?.chaos.outOfOrder) return items;
    const out: QueuedAttempt[] = [];
    for (const q of items) {
      const held = this.#held.get(endpointId);
      if (q.attempt !== 1 || q.released) out.push(q);
      else if (held) {
        this.#held.delete(endpointId);
        out.push(q, { ...held, released: true, chaos: [...held.chaos, 'out-of-order'] });
      } else this.#held.set(endpointId, q);
    }
    return out;
  }

  async #attempt(q: QueuedAttempt): Promise<void> {
    const { delivery } = q;
    if (delivery.state !== 'pending') return;
    const e = this.#endpoints.get(delivery.endpointId);
    if (!e) return this.#abandon(delivery, 'endpoint deleted');
    if (!e.active && !delivery.test) return this.#abandon(delivery, 'endpoint deactivated');
    const chaos = [...q.chaos];
    let secret = e.secret;
    if (e.signNextWithPrevious && e.previousSecret) {
      e.signNextWithPrevious = false;
      secret = e.previousSecret;
      chaos.push('old-secret');
    }
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'Loggd-Webhook/1.0',
      'X-Loggd-Event': delivery.event,
      'X-Loggd-Delivery': delivery.id,
      'X-Loggd-Signature': await signBody(delivery.body, secret),
    };
    const fetchImpl = this.#fetch ?? globalThis.fetch;
    let result = await postWebhook(fetchImpl, e.url, headers, delivery.body, this.#timeoutMs);
    if (e.chaos.slow && q.attempt === 1 && !result.timedOut) {
      // The receiver did get the request; pretending it answered too late forces the retry users must dedup.
      result = {
        timedOut: true,
        error: `timeout after ${this.#timeoutMs} ms (chaos: slow receiver; its ${result.status ?? result.error} answer was discarded)`,
        durationMs: this.#timeoutMs,
      };
      chaos.push('slow');
    }
    const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
    this.#record(delivery, q, result, ok, chaos);
    if (ok) {
      e.consecutiveFailures = 0;
      delivery.state = 'succeeded';
      delivery.nextAttemptAt = undefined;
      await this.#maybeDuplicate(e, q, headers, fetchImpl);
      this.#notify(delivery);
      return;
    }
    e.consecutiveFailures += 1;
    if (e.consecutiveFailures >= DEACTIVATE_AFTER_FAILURES && e.active) {
      e.active = false;
      this.#abandonPending(
        e.id,
        `endpoint deactivated after ${DEACTIVATE_AFTER_FAILURES} consecutive failures`,
      );
    }
    const delay = retryDelayAfter(q.attempt);
    if (delay === undefined) {
      delivery.state = 'failed';
      delivery.nextAttemptAt = undefined;
    } else if (!e.active && !delivery.test) {
      this.#abandon(delivery, `endpoint deactivated after ${DEACTIVATE_AFTER_FAILURES} consecutive failures`);
    } else {
      // Retries count from the attempt's own due time, so one big clock jump replays the whole schedule.
      const dueMs = q.dueMs + delay;
      delivery.nextAttemptAt = toWireDateTime(dueMs);
      this.#queue.push({ delivery, seq: q.seq, attempt: q.attempt + 1, dueMs, chaos: [] });
    }
  }

  async #maybeDuplicate(
    e: EndpointRecord,
    q: QueuedAttempt,
    headers: Record<string, string>,
    fetchImpl: typeof fetch,
  ): Promise<void> {
    const rate = e.chaos.duplicate ?? 0;
    if (rate <= 0 || seededUnit(this.#seed, q.seq, DUPLICATE_SALT) >= rate) return;
    const result = await postWebhook(fetchImpl, e.url, headers, q.delivery.body, this.#timeoutMs);
    const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
    this.#record(q.delivery, q, result, ok, ['duplicate']);
  }

  #record(
    delivery: WebhookDelivery,
    q: QueuedAttempt,
    result: { status?: number; error?: string; durationMs: number; responseBody?: string },
    ok: boolean,
    chaos: string[],
  ): void {
    const entry: DeliveryAttempt = {
      deliveryId: delivery.id,
      endpointId: delivery.endpointId,
      event: delivery.event,
      attempt: q.attempt,
      ok,
      durationMs: result.durationMs,
      time: toWireDateTime(q.dueMs),
      ...(result.status !== undefined && { status: result.status }),
      ...(result.error !== undefined && { error: result.error }),
      ...(chaos.length > 0 && { chaos }),
      ...(result.responseBody && { responseBody: result.responseBody }),
    };
    delivery.attempts.push(entry);
    const log = this.#log.get(delivery.endpointId) ?? [];
    log.push(entry);
    this.#log.set(delivery.endpointId, log);
  }

  #abandon(delivery: WebhookDelivery, reason: string): void {
    delivery.state = 'abandoned';
    delivery.reason = reason;
    delivery.nextAttemptAt = undefined;
  }

  #abandonPending(endpointId: number, reason: string): void {
    const keep: QueuedAttempt[] = [];
    for (const q of this.#queue) {
      if (q.delivery.endpointId === endpointId && !q.delivery.test) this.#abandon(q.delivery, reason);
      else keep.push(q);
    }
    this.#queue = keep;
    const held = this.#held.get(endpointId);
    if (held) {
      this.#held.delete(endpointId);
      this.#abandon(held.delivery, reason);
    }
  }

  #releaseHeldFor(endpointId: number): void {
    const held = this.#held.get(endpointId);
    if (!held) return;
    this.#held.delete(endpointId);
    this.#queue.push({ ...held, released: true });
    if (this.#autoFlush) this.#background();
  }

  #notify(delivery: WebhookDelivery): void {
    for (const w of this.#waiters) {
      if (w.event !== delivery.event || !(w.predicate?.(snapshot(delivery)) ?? true)) continue;
      this.#waiters.delete(w);
      clearTimeout(w.timer);
      w.resolve(snapshot(delivery));
    }
  }

  #rejectWaiters(reason: string): void {
    for (const w of this.#waiters) {
      clearTimeout(w.timer);
      w.reject(new Error(`waitFor('${w.event}'): ${reason}`));
    }
    this.#waiters.clear();
  }
}

/**
 * Create the webhook dispatcher. Pass the mock clock; advancing it sends the retries that fell due.
 * @example const webhooks = createWebhookDispatcher({ clock, seed: 42 })
 */
export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  return new WebhookDispatcher(options);
}
