import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { Progress } from '../src/account/progress.js';
import { RESOURCES } from '../src/account/resources.js';
import { syncAccount } from '../src/sync/run.js';
import { filesOf, mockApi, NOW, runExport, tempDir } from './export.support.js';
import { addFaultMix, defaultClient } from './fault-mix.support.js';
import { fakeIO } from './helpers/fake-io.js';

// Bulk jobs under the mock's seeded 20 % fault mix (5xx, 429, resets, empty replies, cut and malformed bodies)
// finish in one run, with the SDK's default client, and produce what a clean run produces.

function sync(mock: Parameters<typeof defaultClient>[0], db: string) {
  return syncAccount({
    client: defaultClient(mock),
    db,
    resources: new Set(RESOURCES),
    now: new Date(NOW),
    progress: new Progress(fakeIO({ tty: false }).io.stderr),
  });
}

/** Every row of every mirrored table (the run log aside), in a stable order. */
function rowsOf(path: string): Record<string, unknown[]> {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sync_log') ORDER BY name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]),
    );
  } finally {
    db.close();
  }
}

describe('bulk jobs under a 20 % fault mix', () => {
  it('export finishes in one run, byte-identical to a clean export', async () => {
    const clean = await tempDir();
    await runExport(defaultClient(mockApi()), clean);

    const mock = mockApi();
    addFaultMix(mock);
    const faulty = await tempDir();
    const result = await runExport(defaultClient(mock), faulty);
    expect(result.retries).toBeGreaterThan(0);
    expect(await filesOf(faulty)).toEqual(await filesOf(clean));
  });

  it('sync finishes in one run, row-identical to a clean sync', async () => {
    const clean = join(await tempDir('loggd-sync-'), 'loggd.sqlite');
    await sync(mockApi(), clean);

    const mock = mockApi();
    addFaultMix(mock);
    const faulty = join(await tempDir('loggd-sync-'), 'loggd.sqlite');
    const result = await sync(mock, faulty);
    expect(result.retries).toBeGreaterThan(0);
    expect(rowsOf(faulty)).toEqual(rowsOf(clean));
  });

  it('a sync that fails part-way keeps its finished units and the re-run continues from them', async () => {
    const clean = join(await tempDir('loggd-sync-'), 'loggd.sqlite');
    await sync(mockApi(), clean);

    const mock = mockApi();
    // Goal updates are down for good: everything else lands, then the run fails.
    mock.faults.add({ fault: 'status', status: 503, route: '/goals/*/updates' });
    const db = join(await tempDir('loggd-sync-'), 'loggd.sqlite');
    await expect(sync(mock, db)).rejects.toMatchObject({ status: 503 });
    const partial = rowsOf(db);
    const full = rowsOf(clean);
    // The pool starts nothing after the failure: some histories landed whole, none half.
    expect(partial.habit_checks?.length).toBeGreaterThan(0);
    for (const row of partial.habit_checks ?? []) expect(full.habit_checks).toContainEqual(row);
    expect(partial.goal_updates).toEqual([]);

    mock.faults.clear();
    const rerun = await sync(mock, db);
    expect(rowsOf(db)).toEqual(full);
    // The re-run fetched only what the failed run had not stored.
    expect(rerun.counts.habit_checks?.inserted).toBe(
      (full.habit_checks?.length ?? 0) - (partial.habit_checks?.length ?? 0),
    );
  });
});
