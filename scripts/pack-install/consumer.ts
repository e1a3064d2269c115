/** The temporary consumer project's files: runtime probes and TypeScript probes. */

const esm = `import { Loggd, NotFoundError, SDK_VERSION, TIME_HORIZONS } from '@loggd/sdk';
import * as constants from '@loggd/sdk/constants';
import { createMockApi } from '@loggd/mock';

if (constants.TIME_HORIZONS !== TIME_HORIZONS) throw new Error('@loggd/sdk/constants and @loggd/sdk must share one TIME_HORIZONS');

const mock = createMockApi();
const client = new Loggd({ token: 'mock_pro_all', fetch: mock.fetch });
const profile = await client.profile.get();
const missing = await client.habits.get(987654).catch((error) => error);
if (!(missing instanceof NotFoundError)) throw new Error('expected NotFoundError, got ' + missing);
if (typeof SDK_VERSION !== 'string') throw new Error('SDK_VERSION missing');
console.log('esm ok ' + profile.id);
`;

const cjs = `const { Loggd, LoggdError, WEEK_DAYS } = require('@loggd/sdk');
if (require('@loggd/sdk/constants').WEEK_DAYS !== WEEK_DAYS) throw new Error('one WEEK_DAYS expected');
const { constructEvent, createTestDelivery, WEBHOOK_EVENTS, WebhookVerificationError } = require('@loggd/sdk/webhooks');

if (typeof Loggd !== 'function' || !(new WebhookVerificationError('x', 'y') instanceof LoggdError)) {
  throw new Error('one error hierarchy expected across @loggd/sdk and @loggd/sdk/webhooks');
}
(async () => {
  const { body, headers } = await createTestDelivery('level.up', WEBHOOK_EVENTS['level.up'].example, 'whsec_test');
  const event = await constructEvent({ body, headers, secret: 'whsec_test' });
  console.log('cjs ok ' + event.event);
})().catch((error) => { console.error(error); process.exit(1); });
`;

// `npx @loggd/mcp --demo` as an assistant starts it: initialize, then tools/list over stdio. Also the library entry.
const mcp = `import { spawn } from 'node:child_process';
import { createLoggdMcpServer } from '@loggd/mcp';

if (typeof createLoggdMcpServer({ client: () => { throw new Error('unused'); } }).connect !== 'function')
  throw new Error('createLoggdMcpServer did not return an McpServer');
const child = spawn('npx', ['--no-install', '@loggd/mcp', '--demo'], { stdio: ['pipe', 'pipe', 'inherit'] });
const timer = setTimeout(() => { console.error('no tools/list answer within 60 s'); child.kill(); process.exit(1); }, 60_000);
const frames = [
  { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'pack', version: '1' } } },
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
];
child.stdin.write(frames.map((f) => JSON.stringify(f)).join('\\n') + '\\n');
let buffer = '';
child.stdout.on('data', (chunk) => {
  buffer += chunk;
  for (const line of buffer.split('\\n').slice(0, -1)) {
    const message = JSON.parse(line);
    if (message.id !== 2) continue;
    clearTimeout(timer);
    console.log('mcp ok ' + message.result.tools.length);
    child.stdin.end();
  }
  buffer = buffer.slice(buffer.lastIndexOf('\\n') + 1);
});
`;

// Each probe uses the types for real and asserts a type error, so a package whose types degrade to \`any\` fails.
const typesEsm = `import { Loggd, type Habit, type Page } from '@loggd/sdk';
import { DEFAULT_BASE_URL, type WeekDay } from '@loggd/sdk/constants';
import { constructEvent, type WebhookEvent } from '@loggd/sdk/webhooks';
import { createMockApi, type MockApi } from '@loggd/mock';

const mock: MockApi = createMockApi();
const client = new Loggd({ token: 'mock_pro_all', fetch: mock.fetch });
export async function names(): Promise<string[]> {
  const habit: Habit = await client.habits.get(1);
  // @ts-expect-error ids are numbers
  client.habits.get('1');
  const event: WebhookEvent = await constructEvent({ body: '{}', headers: {}, secret: 's' });
  return [habit.name, event.event];
}
export type FirstPage = Page<Habit>;
export const base: 'https://loggd.life/api/v1/public' = DEFAULT_BASE_URL;
// @ts-expect-error not a weekday as the API spells it
export const day: WeekDay = 'Monday';
`;

const typesCjs = `import sdk = require('@loggd/sdk');
import webhooks = require('@loggd/sdk/webhooks');
import constants = require('@loggd/sdk/constants');

export const client: sdk.Loggd = new sdk.Loggd({ token: 't' });
export const names: readonly string[] = webhooks.WEBHOOK_EVENT_NAMES;
export const days: readonly string[] = constants.WEEK_DAYS;
// @ts-expect-error the token must be a string
new sdk.Loggd({ token: 42 });
`;

const compilerOptions = {
  strict: true,
  noEmit: true,
  target: 'ES2023',
  lib: ['ES2023', 'DOM', 'DOM.Iterable'],
  types: [],
  skipLibCheck: true,
};

/** One tsconfig per module resolution users have; bundler cannot type `import x = require()`, so ESM only. */
export const TSCONFIGS: Record<string, object> = {
  'tsconfig.node16.json': {
    compilerOptions: { ...compilerOptions, module: 'node16', moduleResolution: 'node16' },
    files: ['types-esm.ts', 'types-cjs.cts'],
  },
  'tsconfig.nodenext.json': {
    compilerOptions: { ...compilerOptions, module: 'nodenext', moduleResolution: 'nodenext' },
    files: ['types-esm.ts', 'types-cjs.cts'],
  },
  'tsconfig.bundler.json': {
    compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler' },
    files: ['types-esm.ts'],
  },
};

/** File name → contents. */
export function consumerFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: 'loggd-pack-consumer', private: true, type: 'module' }, null, 2)}\n`,
    'esm.mjs': esm,
    'cjs.cjs': cjs,
    'mcp.mjs': mcp,
    'types-esm.ts': typesEsm,
    'types-cjs.cts': typesCjs,
  };
  for (const [name, config] of Object.entries(TSCONFIGS))
    files[name] = `${JSON.stringify(config, null, 2)}\n`;
  return files;
}
