import type { Loggd } from '@loggd/sdk';
import { Pool } from './pool.js';
import type { Resource, Skipped } from './resources.js';
import { isMissingScope } from './source.js';

export interface FetchesOptions {
  /** Requests in flight at once (the SDK's token bucket keeps them under the rate limit). */
  concurrency: number;
  /** Throw on a missing scope instead of skipping the resource. */
  strict: boolean;
  /** Called when a resource is skipped for a missing scope (export records it for a resumed run). */
  onSkip?: (resource: Resource, message: string) => Promise<unknown>;
}

/** What a job cost: requests sent and retries made by the client, and the time it took. */
export interface JobStats {
  requests: number;
  retries: number;
  elapsedMs: number;
}

/**
 * The fetches of a whole-account job (export, sync) on one pool: jobs may queue more jobs (a parent's children as
 * soon as its list page arrives), a missing scope skips that resource (unless strict) instead of failing the run,
 * and the client's counters say what the job cost.
 */
export class AccountFetches {
  readonly skipped: Skipped = {};
  readonly #pool: Pool;
  readonly #started = Date.now();
  readonly #startStats: { requests: number; retries: number };

  constructor(
    readonly client: Loggd,
    readonly options: FetchesOptions,
  ) {
    this.#pool = new Pool(options.concurrency);
    this.#startStats = { ...client.stats };
  }

  /** `job` with a missing scope turned into a skip of `resource`. */
  guard(resource: Resource, job: () => Promise<void>): () => Promise<void> {
    return async () => {
      try {
        await job();
      } catch (err) {
        if (!isMissingScope(err) || this.options.strict) throw err;
        const message = (err as Error).message;
        this.skipped[resource] ??= message;
        await this.options.onSkip?.(resource, message);
      }
    };
  }

  /** Queues a fetch of `resource` on the pool. */
  add(resource: Resource, job: () => Promise<void>): void {
    this.#pool.add(this.guard(resource, job));
  }

  /** Resolves once every queued fetch settled; rejects with the first failure. */
  drain(): Promise<void> {
    return this.#pool.drain();
  }

  /** What the job cost since these fetches were set up. */
  stats(): JobStats {
    return {
      requests: this.client.stats.requests - this.#startStats.requests,
      retries: this.client.stats.retries - this.#startStats.retries,
      elapsedMs: Date.now() - this.#started,
    };
  }
}
