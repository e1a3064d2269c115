/**
 * Writes docs/openapi.json from the built @loggd/sdk's zod schemas, or with `--check` fails when the file is
 * stale. Run: `./node_modules/.bin/node scripts/openapi.ts [--check]` (root scripts `openapi`, `openapi:check`).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as sdk from '@loggd/sdk';
import { buildOpenApiDocument, serializeOpenApi } from './openapi/document.ts';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
const text = serializeOpenApi(buildOpenApiDocument(sdk));

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(
      'docs/openapi.json is stale: run `npx -y pnpm@12 --filter @loggd/sdk run build && npx -y pnpm@12 run openapi`.',
    );
    process.exit(1);
  }
  console.log('docs/openapi.json is up to date.');
} else {
  // Atomic: a reader never sees half a file.
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, target);
  console.log(`wrote docs/openapi.json (${text.length} bytes)`);
}
