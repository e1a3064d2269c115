/**
 * Live counters per resource, drawn as one status line on stderr when it is a terminal (redrawn at most every
 * 100 ms; nothing at all on a pipe, so logs stay clean).
 */
export class Progress {
  #done = new Map<string, number>();
  #total = new Map<string, number>();
  #last = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds `n` to a resource's known total (parents whose children are being fetched). */
  total(name: string, n: number): void {
    this.#total.set(name, (this.#total.get(name) ?? 0) + n);
    this.#draw();
  }

  /** One parent finished. */
  done(name: string): void {
    this.count(name);
  }

  /** One item fetched. */
  count(name: string, n = 1): void {
    this.#done.set(name, (this.#done.get(name) ?? 0) + n);
    this.#draw();
  }

  /** Items counted for `name` so far. */
  get(name: string): number {
    return this.#done.get(name) ?? 0;
  }

  #line(): string {
    const parts = [...this.#done.keys(), ...[...this.#total.keys()].filter((k) => !this.#done.has(k))].map(
      (name) => {
        const done = this.#done.get(name) ?? 0;
        const total = this.#total.get(name);
        if (total === undefined) return `${name} ${done}`;
        const width = 10;
        const filled = total === 0 ? width : Math.round((done / total) * width);
        return `${name} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
      },
    );
    return parts.join('  ');
  }

  #draw(force = false): void {
    if (!this.stream.isTTY || process.env.TERM === 'dumb') return;
    const t = this.now();
    if (!force && t - this.#last < 100) return;
    this.#last = t;
    const width = (this.stream.columns ?? 100) - 1;
    this.stream.write(`\r\x1b[K${this.#line().slice(0, width)}`);
  }

  /** Clears the status line. */
  finish(): void {
    if (this.stream.isTTY && process.env.TERM !== 'dumb') this.stream.write('\r\x1b[K');
  }
}
