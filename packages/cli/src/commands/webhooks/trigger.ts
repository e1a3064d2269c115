import type { WebhookEventName } from '@loggd/sdk';
import { Chalk } from 'chalk';
import { colorLevel } from '../../color.js';
import { CliError, usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { resolveFormat } from '../../output/format.js';
import { render } from '../../output/render.js';
import type { CommandContext } from '../../types.js';
import { ndjsonLine, prettyLine } from '../../webhooks/delivery-line.js';
import { type PostResult, postRaw, rawHeadersOf } from '../../webhooks/http-post.js';
import { type DeliveryRecord, startListenServer } from '../../webhooks/listen-server.js';
import { streamMode } from '../../webhooks/output-mode.js';
import { applyOverrides, checkOverrides, parseOverrides } from '../../webhooks/overrides.js';
import { readRawInput } from '../../webhooks/raw-input.js';
import { DEFAULT_TIME_SCALE, describeDelay, RETRY_DELAYS_MS, wait } from '../../webhooks/retry-schedule.js';
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
  const mode = streamMode(ctx);
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

function httpUrl(flag: string, value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw usageError(
      `invalid ${flag} '${value}': accepted is an http:// or https:// URL`,
      `e.g. ${flag} http://localhost:3000/webhooks/loggd`,
    );
  }
  return url;
}

export interface TriggerFlags {
  all?: boolean;
  url?: string;
  secret?: string;
  secretFile?: string;
  set?: string[];
  retry?: boolean;
  timeScale?: number;
  verbose?: boolean;
}

/** Injected for tests: how to wait between retries. */
export interface TriggerDeps {
  wait?: (ms: number) => Promise<void>;
}

/** One attempt of one delivery, as `trigger` prints it. */
export interface AttemptRecord {
  event: string;
  delivery_id: string;
  attempt: number;
  /** The scaled delay waited before this attempt, in ms. */
  delay_ms: number;
  status: number | null;
  ok: boolean;
  ms: number;
  error?: string;
  body?: string;
}

/**
 * `loggd webhooks trigger <event|--all>`: sends signed deliveries of the docs' example data (overridable with
 * --set) to --url, optionally following Loggd's retry schedule on a scaled clock. Exit 0 when every delivery got a
 * 2xx, 1 otherwise.
 */
export async function webhooksTrigger(
  ctx: CommandContext,
  eventArg: string | undefined,
  flags: TriggerFlags,
  deps: TriggerDeps = {},
): Promise<number> {
  const { WEBHOOK_EVENTS, WEBHOOK_EVENT_NAMES, createTestDelivery, isWebhookEventName } = await import(
    '@loggd/sdk'
  );
  const { io } = ctx;
  if (flags.all && eventArg)
    throw usageError(`give an event or --all, not both (got '${eventArg}' and --all)`);
  if (!flags.all && !eventArg) {
    throw usageError(
      `missing event: give one of ${WEBHOOK_EVENT_NAMES.join(', ')}, or --all`,
      'e.g. loggd webhooks trigger habit.completed --url …',
    );
  }
  if (eventArg && !isWebhookEventName(eventArg)) {
    throw usageError(
      `unknown event '${eventArg}': accepted events are ${WEBHOOK_EVENT_NAMES.join(', ')}`,
      'list them with `loggd webhooks events`',
    );
  }
  if (!flags.url)
    throw usageError('missing --url: the receiver to send to', 'e.g. --url http://127.0.0.1:8787/');
  const url = httpUrl('--url', flags.url);
  const secret = await resolveSecret(flags, io.env, (line) => io.stderr.write(`${line}\n`));
  if (flags.timeScale !== undefined && !flags.retry) {
    throw usageError('--time-scale only applies with --retry', 'e.g. --retry --time-scale 0.01');
  }
  const names: WebhookEventName[] = flags.all ? [...WEBHOOK_EVENT_NAMES] : [eventArg as WebhookEventName];
  const overrides = parseOverrides(flags.set ?? []);
  checkOverrides(
    overrides,
    names.map((n) => [n, WEBHOOK_EVENTS[n].example] as const),
  );
  const mode = streamMode(ctx);
  const chalk = new Chalk({ level: colorLevel(io.color, io.env) });
  const sleep = deps.wait ?? wait;
  const scale = flags.timeScale ?? DEFAULT_TIME_SCALE;
  const delays = flags.retry ? RETRY_DELAYS_MS : [0];
  let delivered = 0;
  for (const name of names) {
    const data = applyOverrides(WEBHOOK_EVENTS[name].example, overrides);
    // One delivery: one id, one body and timestamp, kept on every retry (as Loggd does).
    const delivery = await createTestDelivery(name, data, secret);
    const body = Buffer.from(delivery.body);
    const deliveryId = delivery.headers['X-Loggd-Delivery'] as string;
    for (const [index, delay] of delays.entries()) {
      const scaled = delay * scale;
      if (scaled > 0) await sleep(scaled);
      const result = await postRaw(url, rawHeadersOf(delivery.headers), body);
      const record = attemptRecord(name, deliveryId, index + 1, scaled, result, flags.verbose);
      io.stdout.write(
        mode === 'ndjson'
          ? `${JSON.stringify(record)}\n`
          : prettyAttempt(record, delays.length, delay, chalk),
      );
      if (record.ok) {
        delivered++;
        break;
      }
    }
  }
  io.stderr.write(`${delivered}/${names.length} deliveries got a 2xx from ${url.href}\n`);
  return delivered === names.length ? EXIT.ok : EXIT.failure;
}

function attemptRecord(
  event: string,
  deliveryId: string,
  attempt: number,
  delayMs: number,
  result: PostResult,
  verbose: boolean | undefined,
): AttemptRecord {
  const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
  return {
    event,
    delivery_id: deliveryId,
    attempt,
    delay_ms: delayMs,
    status: result.status ?? null,
    ok,
    ms: Math.round(result.ms * 10) / 10,
    ...(result.error ? { error: result.error } : {}),
    ...(verbose ? { body: result.body.toString('utf8') } : {}),
  };
}

function prettyAttempt(
  r: AttemptRecord,
  attempts: number,
  delay: number,
  chalk: InstanceType<typeof Chalk>,
): string {
  const outcome =
    r.status === null
      ? chalk.red(r.error ?? 'no response')
      : r.ok
        ? chalk.green(String(r.status))
        : chalk.red(String(r.status));
  const retry =
    attempts > 1
      ? `  attempt ${r.attempt}/${attempts}${r.attempt > 1 ? ` (${describeDelay(delay)}, waited ${Math.round(r.delay_ms)} ms)` : ''}`
      : '';
  const body = r.body === undefined ? '' : `${r.body.replace(/^/gm, '    ')}\n`;
  return `${chalk.cyan(r.event.padEnd(23))}  ${chalk.dim(r.delivery_id.slice(0, 8))}  → ${outcome} in ${Math.round(r.ms)} ms${retry}\n${body}`;
}

export interface VerifyFlags {
  secret?: string;
  secretFile?: string;
  signature?: string;
}

/** `loggd webhooks verify`: exit 0 when --signature matches the raw bytes of FILE (or stdin), 7 when not. */
export async function webhooksVerify(
  ctx: CommandContext,
  file: string | undefined,
  flags: VerifyFlags,
): Promise<number> {
  const { io } = ctx;
  const secret = await resolveSecret(flags, io.env, (line) => io.stderr.write(`${line}\n`));
  if (!flags.signature) {
    throw usageError('missing --signature: the X-Loggd-Signature header value (sha256=<hex>)');
  }
  // A value that cannot be a signature at all is a usage error (2), not a mismatch (7).
  if (!/^sha256=[0-9a-f]{64}$/i.test(flags.signature.trim()))
    throw usageError(
      `invalid --signature '${flags.signature.slice(0, 20)}${flags.signature.length > 20 ? '…' : ''}': accepted is sha256= and 64 hex digits, as in X-Loggd-Signature`,
      'pass the header value exactly, e.g. --signature "$HTTP_X_LOGGD_SIGNATURE"',
    );
  const body = await readRawInput(file, io);
  const { verifySignature } = await import('@loggd/sdk');
  if (await verifySignature({ body, signature: flags.signature, secret })) {
    if (io.stderr.isTTY) io.stderr.write('valid\n');
    return EXIT.ok;
  }
  throw new CliError(
    `invalid signature: --signature does not match the ${body.byteLength}-byte body under the secret ${maskSecret(secret)}`,
    EXIT.invalidSignature,
    'invalid_signature',
    [
      /^sha256=[0-9a-f]{64}$/.test(flags.signature)
        ? 'check the secret, and that the body is the raw bytes received (not re-serialised JSON)'
        : 'a signature is sha256= and 64 lowercase hex digits, exactly as in X-Loggd-Signature',
    ],
  );
}

/** `loggd webhooks events [event]`: the 15 events (name, category, description), or one with its example data. */
export async function webhooksEvents(ctx: CommandContext, eventArg: string | undefined): Promise<number> {
  const { WEBHOOK_EVENTS, WEBHOOK_EVENT_NAMES, isWebhookEventName } = await import('@loggd/sdk');
  const row = (name: WebhookEventName) => {
    const { category, description, note, example } = WEBHOOK_EVENTS[name];
    return { name, category, description, note: note ?? null, example: example as Record<string, unknown> };
  };
  if (eventArg !== undefined) {
    if (!isWebhookEventName(eventArg)) {
      throw usageError(`unknown event '${eventArg}': accepted events are ${WEBHOOK_EVENT_NAMES.join(', ')}`);
    }
    await render(ctx, row(eventArg), { fields: ['name', 'category', 'description', 'note', 'example'] });
    return EXIT.ok;
  }
  // CSV/TSV keep to the flat fields (an example per event would add a column per data key of every event);
  // json/ndjson print whole rows, examples included.
  const delimited = ['csv', 'tsv'].includes(resolveFormat(ctx.opts, ctx.io));
  const rows = WEBHOOK_EVENT_NAMES.map(row).map(({ example, ...flat }) =>
    delimited ? flat : { ...flat, example },
  );
  await render(ctx, rows, {
    fields: ['name', 'category', 'description', 'note'],
    columns: ['name', 'category', 'description'],
  });
  return EXIT.ok;
}
