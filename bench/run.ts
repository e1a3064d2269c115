// Runs every bench/*.bench.ts as its own process on this same Node (process.execPath), passing --quick through.
// Exits non-zero if any benchmark fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const passThrough = process.argv.slice(2).filter((arg) => arg === '--quick');
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();

if (files.length === 0) {
  console.error('no bench/*.bench.ts files found');
  process.exit(1);
}

const failed: string[] = [];
for (const file of files) {
  console.log(`\n=== ${file}${passThrough.length ? ` (${passThrough.join(' ')})` : ''} ===`);
  const result = spawnSync(process.execPath, [join(here, file), ...passThrough], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(`${file} (${result.signal ?? `exit ${result.status}`})`);
}

if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
