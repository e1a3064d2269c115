/** One served request, as `GET /__mock/requests` and `mock.journal` show it (tokens masked). */
export interface JournalEntry {
  index: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The bearer token, masked (`mock_pro…`). */
  token: string | null;
  userId: number | null;
  status: number;
  /** Mock-clock time, ISO 8601. */
  time: string;
  /** Fault kinds applied, if any. */
  faults?: string[];
}

/** The request journal, bounded so a benchmark cannot grow it without limit. */
export class RequestJournal {
  #entries: JournalEntry[] = [];

  constructor(private readonly max = 10_000) {}

  record(entry: JournalEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.max) this.#entries.splice(0, this.#entries.length - this.max);
  }

  /** Every entry, oldest first; filter by method and/or path (exact, or a RegExp). */
  list(filter: { method?: string; path?: string | RegExp } = {}): JournalEntry[] {
    return this.#entries.filter(
      (e) =>
        (!filter.method || e.method === filter.method.toUpperCase()) &&
        (!filter.path ||
          (typeof filter.path === 'string' ? e.path === filter.path : filter.path.test(e.path))),
    );
  }

  /** The most recent entry. */
  last(): JournalEntry | undefined {
    return this.#entries.at(-1);
  }

  get size(): number {
    return this.#entries.length;
  }

  clear(): void {
    this.#entries = [];
  }
}
