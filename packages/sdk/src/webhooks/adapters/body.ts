/** Collects body chunks up to a byte limit; past it, stops keeping them (the adapter then answers 413). */
export class BodyCollector {
  readonly #limit: number;
  #chunks: Uint8Array[] = [];
  #size = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Adds a chunk; false once the body is over the limit (nothing more is kept). */
  add(chunk: Uint8Array): boolean {
    this.#size += chunk.byteLength;
    if (this.#size > this.#limit) {
      this.#chunks = [];
      return false;
    }
    this.#chunks.push(chunk);
    return true;
  }

  /** The body so far as one byte array (the single chunk itself when there is only one). */
  bytes(): Uint8Array {
    const chunks = this.#chunks;
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(this.#size);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
}

/** True when a `Content-Length` header already says the body is over the limit, so nothing needs reading. */
export function declaredTooLarge(contentLength: string | null | undefined, limit: number): boolean {
  if (contentLength == null || !/^\d+$/.test(contentLength)) return false;
  return Number(contentLength) > limit;
}
