#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { describeListenError, MockOptionError, parseServeOptions, SERVE_FLAG_HELP } from './serve-options.js';
import { startMockServer } from './server.js';
import { DEMO_TOKENS } from './tokens.js';

const USAGE = `Usage: loggd-mock [options]\n\nOptions:\n${SERVE_FLAG_HELP.map(([flag, text]) => `  ${flag.padEnd(22)} ${text}`).join('\n')}\n  ${'-h, --help'.padEnd(22)} show this help`;

/** Exit codes shared with `loggd mock serve`: 2 a bad flag, 6 the address cannot be listened on. */
function fail(message: string, code: 2 | 6, usage = true): never {
  process.stderr.write(`loggd-mock: ${message}\n${usage ? 'Run loggd-mock --help for the flags.\n' : ''}`);
  process.exit(code);
}

let values: ReturnType<typeof parse>['values'];
function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      scale: { type: 'string' },
      'rate-limit': { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
try {
  values = parse().values;
} catch (e) {
  fail((e as Error).message, 2);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
let options: ReturnType<typeof parseServeOptions>;
try {
  options = parseServeOptions({ ...values, rateLimit: values['rate-limit'] });
} catch (e) {
  if (e instanceof MockOptionError) fail(e.message, 2);
  throw e;
}

const server = await startMockServer(options).catch((e: unknown) => {
  const message = describeListenError(e, options.host, options.port);
  return fail(message ?? `cannot start: ${(e as Error).message}`, 6, false);
});

const lines = [
  `Loggd mock API listening on ${server.baseUrl}`,
  `Control API: ${server.url}/__mock/health  (seed ${server.mock.seed})`,
  'Demo tokens:',
  ...Object.entries(DEMO_TOKENS).map(
    ([token, t]) => `  ${token.padEnd(16)} ${t.role.padEnd(6)} ${t.scopes.join(' ')}`,
  ),
  `Try: curl -H "Authorization: Bearer mock_pro_all" ${server.baseUrl}/habits/42`,
];
process.stdout.write(`${lines.join('\n')}\n`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.mock.webhooks.close();
    void server.close().then(() => process.exit(0));
  });
}
