/**
 * mulberry32: a fast 32-bit seeded generator. One instance drives a whole generation run, so the output
 * depends only on the seed and the order of calls.
 */
export class Rng {
  #state: number;

  constructor(seed: number) {
    // Spread nearby seeds (1, 2, 3…) apart before the first draw.
    this.#state = Math.imul((seed | 0) ^ 0x5bd1e995, 0x9e3779b1) | 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A random element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}
