// A real export process for the kill -9 test: `node export.child.ts BASE_URL OUT`. Prints one line per API
// response so the parent can kill it mid-run. Resolves the sources' `.js` specifiers to their `.ts` files.
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, next) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL) {
      const ts = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
      if (existsSync(fileURLToPath(ts))) return next(ts.href, context);
    }
    return next(specifier, context);
  },
});

const [baseUrl, out] = process.argv.slice(2) as [string, string];
const { Loggd } = await import('@loggd/sdk');
const { exportAccount } = await import('../src/export/run.js');
const { Progress } = await import('../src/account/progress.js');
const { RESOURCES } = await import('../src/account/resources.js');
const { Writable } = await import('node:stream');

const client = new Loggd({
  token: 'mock_pro_all',
  baseUrl,
  rateLimit: false,
  validation: 'off',
  hooks: { onResponse: () => process.stdout.write('r\n') },
});
await exportAccount({
  client,
  out,
  format: 'csv',
  resources: new Set(RESOURCES),
  now: new Date('2026-04-08T12:00:00Z'),
  progress: new Progress(new Writable({ write: (_c, _e, cb) => cb() })),
  toolVersion: 'test',
});
process.stdout.write('done\n');
