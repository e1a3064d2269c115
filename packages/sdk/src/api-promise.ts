import type { RateLimitState } from './rate-limit.js';

/** A result with the HTTP response it came from (`.withResponse()`). */
export interface WithResponse<T> {
  data: T;
  /** The fetch Response: status and headers (its body has been read). */
  response: Response;
  /** Rate-limit headers seen on this response, or the last ones seen. */
  rateLimit: RateLimitState | null;
}

/**
 * The promise of one API call, with `.withResponse()`. The request starts when the call is made (like any
 * promise) and runs once however many times it is awaited. Subclasses may start lazily (PagePromise).
 */
export class ApiPromise<T> implements PromiseLike<T> {
  #run: () => Promise<WithResponse<T>>;
  #started: Promise<WithResponse<T>> | undefined;

  constructor(run: () => Promise<WithResponse<T>>, { lazy = false }: { lazy?: boolean } = {}) {
    this.#run = run;
    if (!lazy) this.#started = run();
  }

  /** A promise that rejects with `error` when used, without sending anything (bad parameters). */
  static failed<T>(error: unknown): ApiPromise<T> {
    return new ApiPromise<T>(() => Promise.reject(error));
  }

  /** Resolves with `{ data, response, rateLimit }`. */
  withResponse(): Promise<WithResponse<T>> {
    this.#started ??= this.#run();
    return this.#started;
  }

  // biome-ignore lint/suspicious/noThenProperty: this object is meant to be awaited.
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.withResponse()
      .then((r) => r.data)
      .then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'ApiPromise';
  }
}
