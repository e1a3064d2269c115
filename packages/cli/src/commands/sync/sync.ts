import { resolve } from 'node:path';
import { RESOURCES, type Resource } from '../../account/resources.js';
import { runAccountJob } from '../../account/run-job.js';
import { usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import type { CommandContext } from '../../types.js';

/** Flags of `loggd sync`. */
export interface SyncFlags {
  db?: string;
  resources?: Resource[];
  full?: boolean;
  strict?: boolean;
  concurrency?: number;
}

/** `loggd sync --db FILE.sqlite`: mirror the account into SQLite, incrementally, in one transaction. */
export async function runSync(ctx: CommandContext, flags: SyncFlags): Promise<number> {
  if (!flags.db)
    throw usageError('missing --db FILE: the SQLite file to sync into', 'e.g. --db ~/loggd.sqlite');
  (await import('../../node-version.js')).requireNode('sync');
  await (await import('../../fs-errors.js')).checkFileFlag('--db', resolve(flags.db));
  const { syncAccount } = await import('../../sync/run.js');
  const db = resolve(flags.db);
  const r = await runAccountJob(
    ctx,
    'sync interrupted: nothing was changed (the run is one transaction)',
    (run) =>
      syncAccount({
        ...run,
        db,
        resources: new Set(flags.resources ?? RESOURCES),
        full: Boolean(flags.full),
        strict: Boolean(flags.strict),
        concurrency: flags.concurrency ?? 4,
      }),
  );
  const lines = Object.entries(r.skipped).map(([res, m]) => `skipped ${res}: ${m}`);
  const changed = Object.entries(r.counts)
    .filter(([, c]) => c.inserted + c.updated + c.deleted > 0)
    .map(([res, c]) => `${res} +${c.inserted} ~${c.updated} -${c.deleted}`);
  lines.push(
    `synced ${flags.db}: ${changed.join(', ') || 'no changes'}`,
    `  ${r.requests} requests, ${r.retries} retries, ${(r.elapsedMs / 1000).toFixed(1)} s`,
  );
  ctx.io.stderr.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
