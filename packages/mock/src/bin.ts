#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startMockServer } from './server.js';
import { DEMO_TOKENS } from './tokens.js';

const USAGE = `Usage: loggd-mock [--port 4010] [--host 127.0.0.1] [--seed 1] [--now 2026-04-08T12:00:00Z] [--scale 1] [--strict]`;

function fail(message: string): never {
  process.stderr.write(`loggd-mock: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function int(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be an integer between ${min} and ${max} (got "${value}")`);
  return n;
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      scale: { type: 'string' },
      strict: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
try {
  args = parse();
} catch (e) {
  fail((e as Error).message);
}
if (args.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const { values } = args;
if (values.now !== undefined && !Number.isFinite(Date.parse(values.now))) {
  fail(`--now must be an ISO 8601 instant such as 2026-04-08T12:00:00Z (got "${values.now}")`);
}
const scale = values.scale === undefined ? undefined : Number(values.scale);
if (scale !== undefined && !(scale > 0)) fail(`--scale must be a positive number (got "${values.scale}")`);
const port = int('port', values.port, 0, 65535) ?? 4010;
const seed = int('seed', values.seed, 0, 2 ** 31 - 1);

const server = await startMockServer({
  port,
  ...(values.host ? { host: values.host } : {}),
  ...(seed === undefined ? {} : { seed }),
  ...(values.now ? { now: values.now } : {}),
  ...(scale === undefined ? {} : { scale }),
  ...(values.strict ? { strict: true } : {}),
}).catch((e: NodeJS.ErrnoException) =>
  fail(e.code === 'EADDRINUSE' ? `port ${port} is already in use` : e.message),
);

const lines = [
  `Loggd mock API listening on ${server.baseUrl}`,
  `Control API: ${server.url}/__mock/health  (seed ${server.mock.seed})`,
  'Demo tokens:',
  ...Object.entries(DEMO_TOKENS).map(
    ([token, t]) => `  ${token.padEnd(16)} ${t.role.padEnd(6)} ${t.scopes.join(' ')}`,
  ),
  `Try: curl -H "Authorization: Bearer mock_pro_all" ${server.baseUrl}/habits`,
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
