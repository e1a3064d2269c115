import type { DatabaseSync } from 'node:sqlite';

/**
 * Applies `writes` (synchronous statements only) as one transaction: a unit of the sync lands whole or not at
 * all, and once landed survives a later failure of the run. Synchronous writes cannot interleave with the other
 * units still fetching, so one connection serves them all.
 */
export function checkpoint(db: DatabaseSync, writes: () => void): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    writes();
    db.exec('COMMIT');
  } catch (err) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}
