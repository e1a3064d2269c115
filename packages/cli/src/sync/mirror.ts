import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { TABLES, type TableName, type TableSpec } from './schema.js';

type Row = Record<string, unknown>;
type Value = string | number | bigint | null;

/** Per resource: rows inserted, changed and deleted by this run (the sync log). */
export interface Counts {
  inserted: number;
  updated: number;
  deleted: number;
}

function sqlValue(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'bigint') return v;
  return JSON.stringify(v);
}

/**
 * Upserts API objects into the mirror's tables on one connection. `ON CONFLICT … DO UPDATE` (never REPLACE,
 * which would cascade-delete the children); an unchanged `raw` is left alone so counts say what really changed.
 * Ids seen this run go to a temporary table, which is how rows the API stopped returning are found.
 */
export class Mirror {
  readonly counts = new Map<string, Counts>();
  readonly #db: DatabaseSync;
  readonly #upserts = new Map<string, StatementSync>();
  readonly #reads = new Map<string, StatementSync>();
  readonly #seen: StatementSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(
      'CREATE TEMP TABLE IF NOT EXISTS seen (tbl TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (tbl, id))',
    );
    this.#seen = db.prepare('INSERT OR IGNORE INTO temp.seen (tbl, id) VALUES (?, ?)');
  }

  /** The counters of a resource (created on first use). */
  count(resource: string): Counts {
    let c = this.counts.get(resource);
    if (!c) {
      c = { inserted: 0, updated: 0, deleted: 0 };
      this.counts.set(resource, c);
    }
    return c;
  }

  #upsert(spec: TableSpec): StatementSync {
    let s = this.#upserts.get(spec.name);
    if (!s) {
      const cols = Object.keys(spec.columns);
      const quoted = cols.map((c) => `"${c}"`);
      const updates = cols.filter((c) => !spec.key.includes(c)).map((c) => `"${c}" = excluded."${c}"`);
      s = this.#db.prepare(
        `INSERT INTO ${spec.name} (${quoted.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
         ON CONFLICT (${spec.key.join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
      );
      this.#upserts.set(spec.name, s);
    }
    return s;
  }

  #read(spec: TableSpec): StatementSync {
    let s = this.#reads.get(spec.name);
    if (!s) {
      s = this.#db.prepare(`SELECT raw FROM ${spec.name} WHERE id = ?`);
      this.#reads.set(spec.name, s);
    }
    return s;
  }

  /** Upserts one row; `extra` adds computed columns (foreign keys, local dates). Counts under `resource`. */
  put(table: TableName, object: Row, extra: Row = {}, resource: string = table): void {
    const spec: TableSpec = TABLES[table];
    const row: Row = { ...object, ...extra };
    const hasRaw = 'raw' in spec.columns;
    if (hasRaw) row.raw = JSON.stringify(object);
    const c = this.count(resource);
    if (hasRaw) {
      const existing = this.#read(spec).get(row.id as number) as { raw: string } | undefined;
      if (existing && existing.raw === row.raw) return;
      if (existing) c.updated++;
      else c.inserted++;
    }
    this.#upsert(spec).run(...Object.keys(spec.columns).map((col) => sqlValue(row[col])));
  }

  /** Records that the API returned `id` for `table` this run. */
  seen(table: TableName, id: number): void {
    this.#seen.run(table, id);
  }

  /** Deletes the rows of `table` (optionally under one parent) not seen this run; counts them. */
  deleteUnseen(table: TableName, resource: string, parent?: { column: string; id: number }): void {
    const where = parent ? ` AND "${parent.column}" = ?` : '';
    const args: Value[] = parent ? [table, parent.id] : [table];
    const r = this.#db
      .prepare(`DELETE FROM ${table} WHERE id NOT IN (SELECT id FROM temp.seen WHERE tbl = ?)${where}`)
      .run(...args);
    this.count(resource).deleted += Number(r.changes);
  }

  /** Replaces the rows of a child table under one parent (subtasks, milestones, tag links). */
  replaceChildren(table: TableName, column: string, parentId: number, rows: Row[], resource: string): void {
    this.#db.prepare(`DELETE FROM ${table} WHERE "${column}" = ?`).run(parentId);
    const spec: TableSpec = TABLES[table];
    for (const r of rows) {
      const row: Row = { ...r, [column]: parentId };
      if ('raw' in spec.columns) row.raw = JSON.stringify(r);
      this.#upsert(spec).run(...Object.keys(spec.columns).map((col) => sqlValue(row[col])));
    }
    void resource;
  }
}
