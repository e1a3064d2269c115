/**
 * A read-only `Headers` over node:http's raw response header list. The global `Headers` class lives in Node's
 * undici bundle: touching it loads and compiles that bundle (~60 ms here), which is what this fetch avoids.
 * Behaves as a response's `Headers` does: names case-insensitive, repeated headers joined with ", ", iteration
 * sorted by lower-case name with each `set-cookie` on its own, and every mutation refused (the guard is immutable).
 */
export class HeaderView {
  private readonly map = new Map<string, string[]>();
  private sorted: [string, string][] | undefined;

  /** @param raw node:http's `rawHeaders`: name, value, name, value, … */
  constructor(raw: readonly string[]) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = (raw[i] as string).toLowerCase();
      // As the fetch spec's header value normalisation: leading and trailing HTTP whitespace dropped.
      const value = (raw[i + 1] as string).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
      const values = this.map.get(name);
      if (values) values.push(value);
      else this.map.set(name, [value]);
    }
  }

  get(name: string): string | null {
    return this.map.get(String(name).toLowerCase())?.join(', ') ?? null;
  }

  has(name: string): boolean {
    return this.map.has(String(name).toLowerCase());
  }

  getSetCookie(): string[] {
    return [...(this.map.get('set-cookie') ?? [])];
  }

  forEach(callback: (value: string, name: string, parent: HeaderView) => void, thisArg?: unknown): void {
    for (const [name, value] of this.list()) callback.call(thisArg, value, name, this);
  }

  *entries(): IterableIterator<[string, string]> {
    for (const [name, value] of this.list()) yield [name, value];
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.list()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.list()) yield value;
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Headers';
  }

  set(): never {
    throw immutable();
  }

  append(): never {
    throw immutable();
  }

  delete(): never {
    throw immutable();
  }

  /** The fetch spec's "sort and combine": by name, set-cookie values kept apart. */
  private list(): [string, string][] {
    if (this.sorted) return this.sorted;
    const out: [string, string][] = [];
    for (const name of [...this.map.keys()].sort()) {
      const values = this.map.get(name) as string[];
      if (name === 'set-cookie') for (const value of values) out.push([name, value]);
      else out.push([name, values.join(', ')]);
    }
    this.sorted = out;
    return out;
  }
}

function immutable(): TypeError {
  return new TypeError('Headers of a response are immutable');
}
