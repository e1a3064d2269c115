import type { Loggd } from '@loggd/sdk';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import type { CommandContext } from '../types.js';
import { Progress } from './progress.js';

/** What a whole-account job of a command (export, sync) is given to run with. */
export interface AccountJobRun {
  /** A batch client: it waits out every 429 with a Retry-After instead of failing. */
  client: Loggd;
  /** Live counters on stderr (a terminal only). */
  progress: Progress;
  /** Aborted by Ctrl-C (SIGINT): the job stops sending requests and rejects. */
  signal: AbortSignal;
  /** The current instant (the mock's clock with --demo). */
  now: Date;
  /** The zone when the profile cannot be read (missing read:profile): LOGGD_TZ, else UTC. */
  fallbackTimeZone: string;
}

/**
 * Runs a command's whole-account job: builds the batch client, draws progress on stderr, turns Ctrl-C into an
 * abort of the job (and then into `interrupted`, exit 130, with what a rerun does), and clears the status line
 * when the job fails.
 */
export async function runAccountJob<T>(
  ctx: CommandContext,
  interrupted: string,
  job: (run: AccountJobRun) => Promise<T>,
): Promise<T> {
  const client = await ctx.createClient({ batch: true });
  const progress = new Progress(ctx.io.stderr);
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  try {
    return await job({
      client,
      progress,
      signal: abort.signal,
      now: ctx.now ? await ctx.now() : new Date(),
      fallbackTimeZone: ctx.io.env.LOGGD_TZ ?? 'UTC',
    });
  } catch (err) {
    progress.finish();
    if (abort.signal.aborted) throw new CliError(interrupted, EXIT.interrupted, 'aborted');
    throw err;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
