import { type Command, Option } from 'commander';
import { usageError } from '../../errors.js';
import type { FormatRule } from '../../output/format.js';
import type { ActionBinder } from '../../types.js';

// Declarations only (commander and errors.ts): each action imports its verb's module when it runs, so
// `loggd --help` does not load the SDK.

/**
 * The formats of a stream of deliveries (`listen`, `trigger`): table is one human line per delivery, json and
 * ndjson one JSON object per line; human lines on a terminal and NDJSON when piped.
 */
export const STREAM_FORMATS: FormatRule = {
  accepts: ['table', 'ndjson', 'json'],
  tty: 'table',
  pipe: 'ndjson',
  hint: 'use --format ndjson and jq for other shapes',
};

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) {
    throw usageError(
      `invalid --port '${value}': accepted is an integer from 0 to 65535`,
      'use --port 0 for any free port',
    );
  }
  return n;
}

function parseTimeScale(value: string): number {
  const n = Number(value);
  if (!/^\d*\.?\d+(e-?\d+)?$/i.test(value) || !(n > 0) || n > 1) {
    throw usageError(
      `invalid --time-scale '${value}': accepted is a number above 0 and at most 1`,
      'e.g. --time-scale 0.001 (1 min → 60 ms)',
    );
  }
  return n;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `loggd webhooks listen | trigger | verify | events`. */
export function registerWebhooksCommands(program: Command, action: ActionBinder): void {
  const webhooks = program
    .command('webhooks')
    .description('receive, send, verify and list webhook deliveries locally');
  const secret = () =>
    new Option('--secret <secret>', 'endpoint secret (shows in ps: prefer env LOGGD_WEBHOOK_SECRET)');
  const secretFile = () => new Option('--secret-file <path>', 'read the endpoint secret from this file');

  action(
    webhooks
      .command('listen')
      .description('a local receiver on 127.0.0.1 that verifies, dedupes and prints each delivery')
      .addOption(new Option('--port <port>', 'port (0 = any free port)').default(8787).argParser(parsePort))
      .option('--path <path>', 'path deliveries are accepted on', '/')
      .addOption(secret())
      .addOption(secretFile())
      .option(
        '--forward-to <url>',
        'relay verified deliveries (raw body and headers) to your app; answer with its status',
      )
      .addHelpText(
        'after',
        `
Answers like the SDK's createWebhookHandler: 200 (a duplicate delivery id too, not handled again), 401 bad or
missing signature, 400 bad payload, 405 not POST, 413 over 1 MiB, 404 another path. With --forward-to, Loggd gets
your app's status (so its retries work) and each line shows it and the latency. Output: one line per delivery
on a terminal; ndjson when piped or with --format ndjson / --json (event, delivery_id, verified, data, status…).
"Ready! listening on …" goes to stderr once listening. Ctrl-C stops (exit 130).

Examples:
  $ LOGGD_WEBHOOK_SECRET=whsec_test loggd webhooks listen --forward-to http://localhost:3000/webhooks/loggd
  $ loggd webhooks listen --secret-file ~/.config/loggd/webhook-secret
  $ loggd webhooks listen --port 0 --format ndjson | jq -c 'select(.verified) | .data'
`,
      ),
    async (ctx, _a, o) => (await import('./listen.js')).webhooksListen(ctx, o),
    STREAM_FORMATS,
  );

  action(
    webhooks
      .command('trigger')
      .description('send signed test deliveries of an event (or --all) with the docs’ example data')
      .argument('[event]', 'event name, e.g. habit.completed (see `loggd webhooks events`)')
      .option('--all', 'send one delivery of each of the 15 events')
      .option('--url <url>', 'the receiver, e.g. http://127.0.0.1:8787/')
      .addOption(secret())
      .addOption(secretFile())
      .addOption(
        new Option('--set <path=value>', 'override a data field (repeatable); JSON values parsed').argParser(
          collect,
        ),
      )
      .option('--retry', 'retry non-2xx answers on Loggd’s schedule: immediately, 1 min, 5 min, 15 min, 1 h')
      .addOption(
        new Option(
          '--time-scale <factor>',
          'with --retry: clock scale (default 0.001, 1 min → 60 ms; 1 = real time)',
        ).argParser(parseTimeScale),
      )
      .option('--verbose', 'show each response body')
      .addHelpText(
        'after',
        `
Each delivery has the documented headers (X-Loggd-Signature, X-Loggd-Event, X-Loggd-Delivery, Content-Type,
User-Agent), a fresh delivery id and the current timestamp; retries keep the id and body. --set takes a path in
the event's data (data.streak=30 or streak=30); an unknown path is an error listing the valid ones.
Exit status: 0 when every delivery got a 2xx, 1 otherwise, 2 for an unknown event or path.

Examples:
  $ loggd webhooks trigger habit.completed --url http://127.0.0.1:8787/ --secret-file secret.txt --set streak=30
  $ loggd webhooks trigger --all --url http://127.0.0.1:8787/ --retry
`,
      ),
    async (ctx, [event], o) =>
      (await import('./trigger.js')).webhooksTrigger(ctx, event as string | undefined, o),
    STREAM_FORMATS,
  );

  action(
    webhooks
      .command('verify')
      .description('check a signature against a raw body: exit 0 when valid, 7 when not')
      .argument('[file]', 'file holding the raw body; - or nothing reads stdin')
      .addOption(secret())
      .addOption(secretFile())
      .option('--signature <sig>', 'the X-Loggd-Signature value, sha256=<hex>')
      .addHelpText(
        'after',
        `
The bytes are read as they are (no decoding, no newline added or removed).

Example:
  $ loggd webhooks verify --signature "sha256=…" < body.json && echo ok   # secret from LOGGD_WEBHOOK_SECRET
`,
      ),
    async (ctx, [file], o) =>
      (await import('./verify.js')).webhooksVerify(ctx, file as string | undefined, o),
  );

  action(
    webhooks
      .command('events')
      .description('the 15 webhook events, when they fire, and example data')
      .argument('[event]', 'one event, with its example data')
      .addHelpText('after', '\nFields: name, category, description, note, example (json)\n'),
    async (ctx, [event]) => (await import('./events.js')).webhooksEvents(ctx, event as string | undefined),
  );
}
