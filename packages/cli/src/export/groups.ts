import { readLines } from './files.js';

/**
 * Reads an NDJSON file of children grouped by ascending parent id (`{"habit_id":7,…}` lines), one group at a
 * time: `take(7)` returns the lines of parent 7 and skips the groups of smaller parents (parents that are gone).
 * Only one group is held in memory.
 */
export class GroupReader {
  readonly #lines: AsyncGenerator<string>;
  readonly #pattern: RegExp;
  #pending: { parent: number; line: string } | undefined;
  #ended = false;

  constructor(path: string, key: string) {
    this.#lines = readLines(path);
    this.#pattern = new RegExp(`^\\{"${key}":(\\d+)`);
  }

  async #next(): Promise<{ parent: number; line: string } | undefined> {
    if (this.#pending) {
      const p = this.#pending;
      this.#pending = undefined;
      return p;
    }
    if (this.#ended) return undefined;
    const r = await this.#lines.next();
    if (r.done) {
      this.#ended = true;
      return undefined;
    }
    const m = this.#pattern.exec(r.value);
    if (!m) throw new Error(`corrupt export store line: ${r.value.slice(0, 80)}`);
    return { parent: Number(m[1]), line: r.value };
  }

  /** The lines of `parent`'s group (empty when it has none). Call with ascending parents. */
  async take(parent: number): Promise<string[]> {
    const out: string[] = [];
    for (;;) {
      const item = await this.#next();
      if (!item) return out;
      if (item.parent < parent) continue;
      if (item.parent > parent) {
        this.#pending = item;
        return out;
      }
      out.push(item.line);
    }
  }

  /** Stops reading. */
  async close(): Promise<void> {
    await this.#lines.return(undefined);
  }
}
