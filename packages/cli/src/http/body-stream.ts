import type { Readable } from 'node:stream';

/**
 * The part of a `ReadableStream<Uint8Array>` a response body needs (`getReader()`, `cancel()`, async iteration),
 * over a node:stream Readable. Node's web streams are a module of their own that `node -e 0` never loads; a
 * body here is read once, front to back, which the Readable's own async iterator already does.
 *
 * A failed read rejects with a `TypeError('terminated')` whose `cause` is the socket's or decoder's error, as
 * undici's fetch does, so the SDK's "response body was cut off" message reads the same with either fetch.
 */
export class BodyStream {
  private iterator: AsyncIterator<Buffer> | undefined;
  private reading = false;
  /** Why the request's signal stopped this body: every read rejects with it, as fetch's do. */
  private abortReason: { reason: unknown } | undefined;

  constructor(private readonly source: Readable) {}

  get locked(): boolean {
    return this.reading;
  }

  getReader(): BodyReader {
    if (this.reading) throw new TypeError('ReadableStream is locked');
    this.reading = true;
    const iterator = this.open();
    let closed = false;
    return {
      read: async () => {
        this.throwIfAborted();
        if (closed) return { done: true, value: undefined };
        try {
          const next = await iterator.next();
          this.throwIfAborted();
          if (next.done) closed = true;
          return next.done ? { done: true, value: undefined } : { done: false, value: next.value };
        } catch (error) {
          closed = true;
          this.throwIfAborted();
          throw terminated(error);
        }
      },
      cancel: async () => {
        closed = true;
        this.destroy();
      },
      releaseLock: () => {
        this.reading = false;
      },
    };
  }

  /** Stops the body: the socket is destroyed, so nothing more is downloaded. */
  async cancel(_reason?: unknown): Promise<void> {
    this.destroy();
  }

  private throwIfAborted(): void {
    if (this.abortReason) throw this.abortReason.reason;
  }

  /** The request's signal fired: stop downloading, and make every read reject with `reason`. */
  abort(reason: unknown): void {
    this.abortReason ??= { reason };
    this.destroy();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    const reader = this.getReader();
    let finished = false;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          finished = true;
          return;
        }
        yield value;
      }
    } finally {
      if (!finished) await reader.cancel();
    }
  }

  /** Reads the whole body (once). */
  async bytes(): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    for await (const chunk of this) chunks.push(chunk as Buffer);
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  }

  private open(): AsyncIterator<Buffer> {
    this.iterator ??= this.source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    return this.iterator;
  }

  private destroy(): void {
    // A cancel or abort is the reader's choice, not a stream failure: destroyed without an error.
    if (!this.source.destroyed) this.source.destroy();
  }
}

export interface BodyReader {
  read(): Promise<{ done: true; value: undefined } | { done: false; value: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}

/** undici's shape for a body that failed mid-read. */
function terminated(error: unknown): TypeError {
  return new TypeError('terminated', { cause: error });
}
