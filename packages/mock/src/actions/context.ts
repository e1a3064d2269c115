import type { Account, IdKind } from '../data/types.js';
import type { DataHelpers } from '../data-helpers.js';
import type { MockEngine } from '../engine.js';
import { RESOURCE_NAMES } from '../errors.js';
import { MockHttpError } from '../reply.js';
import type { Body } from './body.js';

/** What every control action works with: the engine's accounts and clock, the data helpers and the event sink. */
export class ActionContext {
  constructor(
    readonly engine: MockEngine,
    readonly helpers: DataHelpers,
  ) {}

  /** The mock clock's time (ms). */
  now(): number {
    return this.engine.clock.nowMs();
  }

  /** The account of `userId`, or of the demo Pro user when it is absent; 404 for an unknown id. */
  account(userId: unknown): Account {
    const id = userId ?? this.engine.state.userForRole('pro');
    const account = typeof id === 'number' ? this.engine.state.account(id) : undefined;
    if (!account) throw new MockHttpError(404, `Unknown user_id ${JSON.stringify(id)}.`);
    return account;
  }

  /** The account owning record `id` of `kind`; 404 when no one does. */
  owner(kind: keyof typeof RESOURCE_NAMES, id: unknown): Account {
    const userId = typeof id === 'number' ? this.engine.dataset.owners[kind].get(id) : undefined;
    if (userId === undefined)
      throw new MockHttpError(404, `${RESOURCE_NAMES[kind]} ${String(id)} not found.`);
    return this.account(userId);
  }

  /** The next id of `kind` in the dataset. */
  nextId(kind: IdKind): number {
    return this.helpers.nextId(this.engine.dataset, kind);
  }

  /** Hand an event to the webhook dispatcher (it signs and delivers). */
  emit(account: Account, event: string, data: Body): void {
    this.engine.webhooks.emit(account.userId, event, data);
  }
}
