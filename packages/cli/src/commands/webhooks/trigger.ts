import type { WebhookEventName } from '@loggd/sdk';
import { Chalk } from 'chalk';
import { colorLevel } from '../../color.js';
import { usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import type { CommandContext } from '../../types.js';
import { type PostResult, postRaw, rawHeadersOf } from '../../webhooks/http-post.js';
import { httpUrl } from '../../webhooks/http-url.js';
import { applyOverrides, checkOverrides, parseOverrides } from '../../webhooks/overrides.js';
import { DEFAULT_TIME_SCALE, describeDelay, RETRY_DELAYS_MS, wait } from '../../webhooks/retry-schedule.js';
import { resolveSecret } from '../../webhooks/secret.js';

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
  // STREAM_FORMATS: table is one human line per delivery, json and ndjson one JSON object per line.
  const mode = ctx.format === 'table' ? 'pretty' : 'ndjson';
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
