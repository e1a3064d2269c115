/**
 * Runs async jobs at most `size` at a time. Jobs may add more jobs; `drain()` resolves once every job (including
 * those added later) settled, and rejects with the first failure after the running ones finished (no new job
 * starts after a failure).
 */
export class Pool {
  #active = 0;
  #queue: Array<() => Promise<void>> = [];
  #error: unknown;
  #failed = false;
  #idle: Array<() => void> = [];

  constructor(readonly size: number) {}

  /** Queues `job`. */
  add(job: () => Promise<void>): void {
    this.#queue.push(job);
    this.#pump();
  }

  /** Queues `job` and resolves with its result (jobs run in the order queued). */
  run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.add(async () => {
        try {
          resolve(await job());
        } catch (err) {
          reject(err);
          throw err;
        }
      });
    });
  }

  #pump(): void {
    while (!this.#failed && this.#active < this.size && this.#queue.length > 0) {
      const job = this.#queue.shift()!;
      this.#active++;
      job()
        .catch((err) => {
          if (!this.#failed) {
            this.#failed = true;
            this.#error = err;
          }
        })
        .finally(() => {
          this.#active--;
          this.#pump();
        });
    }
    if (this.#active === 0 && (this.#queue.length === 0 || this.#failed)) {
      for (const done of this.#idle.splice(0)) done();
    }
  }

  /** Resolves when all jobs are done; rejects with the first error. */
  async drain(): Promise<void> {
    if (this.#active > 0 || (this.#queue.length > 0 && !this.#failed)) {
      await new Promise<void>((resolve) => this.#idle.push(resolve));
    }
    if (this.#failed) throw this.#error;
  }
}
