import { Chalk } from 'chalk';
import { colorLevel } from '../../color.js';
import { CliError, usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import type { CommandContext } from '../../types.js';
import { ndjsonLine, prettyLine } from '../../webhooks/delivery-line.js';
import { httpUrl } from '../../webhooks/http-url.js';
import { type DeliveryRecord, startListenServer } from '../../webhooks/listen-server.js';
import { maskSecret, resolveSecret } from '../../webhooks/secret.js';

export interface ListenFlags {
  port?: number;
  path?: string;
  secret?: string;
  secretFile?: string;
  forwardTo?: string;
}

/** Lets a caller (a test, an embedding script) stop `listen` instead of a signal. */
export interface ListenControl {
  /** Resolves with the signal to behave as if it was received. Default: the process's SIGINT/SIGTERM. */
  stop?: Promise<'SIGINT' | 'SIGTERM'>;
}

/**
 * `loggd webhooks listen`: a receiver on 127.0.0.1 that verifies, dedupes and prints each delivery, and with
 * --forward-to relays it to the user's app. Runs until SIGINT (exit 130) or SIGTERM (exit 0).
 */
export async function webhooksListen(
  ctx: CommandContext,
  flags: ListenFlags,
  control: ListenControl = {},
): Promise<number> {
  const { io } = ctx;
  const secret = await resolveSecret(flags, io.env, (line) => io.stderr.write(`${line}\n`));
  const path = flags.path ?? '/';
  if (!path.startsWith('/') || /[?#\s]/.test(path)) {
    throw usageError(
      `invalid --path '${path}': accepted is a URL path starting with /`,
      'e.g. --path /webhooks/loggd',
    );
  }
  const forwardTo = flags.forwardTo === undefined ? undefined : httpUrl('--forward-to', flags.forwardTo);
  // STREAM_FORMATS: table is one human line per delivery, json and ndjson one JSON object per line.
  const mode = ctx.format === 'table' ? 'pretty' : 'ndjson';
  const chalk = new Chalk({ level: colorLevel(io.color, io.env) });
  const counts = { verified: 0, duplicates: 0, rejected: 0 };
  const print = (record: DeliveryRecord) => {
    if (record.duplicate) counts.duplicates++;
    else if (record.verified) counts.verified++;
    else counts.rejected++;
    io.stdout.write(mode === 'ndjson' ? ndjsonLine(record) : prettyLine(record, chalk));
  };
  const port = flags.port ?? 8787;
  let server: Awaited<ReturnType<typeof startListenServer>>;
  try {
    server = await startListenServer({
      port,
      path,
      secrets: [secret],
      ...(forwardTo ? { forwardTo } : {}),
      onDelivery: print,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot listen on 127.0.0.1:${port}: ${code === 'EADDRINUSE' ? 'the port is in use' : (error as Error).message}`,
      EXIT.failure,
      'listen_failed',
      ['pick another --port, or --port 0 for any free one'],
    );
  }
  const stop = control.stop ?? processSignal();
  io.stderr.write(`Ready! listening on ${server.url}\n`);
  io.stderr.write(
    `Verifying with secret ${maskSecret(secret)}${forwardTo ? `, forwarding to ${forwardTo.href}` : ''}\n`,
  );
  if (io.stderr.isTTY) io.stderr.write('Press Ctrl-C to stop.\n');
  const signal = await stop;
  await server.close();
  io.stderr.write(
    `Stopped: ${counts.verified} verified, ${counts.duplicates} duplicate(s), ${counts.rejected} rejected.\n`,
  );
  return signal === 'SIGINT' ? EXIT.interrupted : EXIT.ok;
}

function processSignal(): Promise<'SIGINT' | 'SIGTERM'> {
  return new Promise((resolve) => {
    const on = (signal: 'SIGINT' | 'SIGTERM') => () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = on('SIGINT');
    const onTerm = on('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}
