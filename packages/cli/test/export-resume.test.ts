import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@loggd/mock';
import { afterAll, describe, expect, it } from 'vitest';
import { client, filesOf, mockApi, runExport, tempDir } from './export.support.js';

const CHILD = fileURLToPath(new URL('./export.child.ts', import.meta.url));
const servers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

/** Runs the child export and SIGKILLs it after `responses` API responses; resolves when it is dead. */
function exportAndKill(baseUrl: string, out: string, responses: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--experimental-transform-types', '--no-warnings', CHILD, baseUrl, out],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let seen = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      seen += d
        .toString()
        .split('\n')
        .filter((l) => l === 'r').length;
      if (seen >= responses && child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== null && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve(signal);
    });
  });
}

describe('loggd export after kill -9', () => {
  it('resumes and ends identical to an uninterrupted export', async () => {
    const mock = mockApi();
    const server = await startMockServer({ port: 0, mock });
    servers.push(server);
    const reference = await tempDir();
    const full = await runExport(client(mock), reference, 'csv');

    const out = await tempDir();
    const signal = await exportAndKill(server.baseUrl, out, 60);
    expect(signal).toBe('SIGKILL');
    // The interrupted run left its progress, and no file of a torn export in DIR.
    expect(await readdir(join(out, '.loggd-export', 'run', 'units'))).not.toHaveLength(0);
    expect((await filesOf(out)).size).toBe(0);

    const resumed = await runExport(client(mock), out, 'csv');
    expect(resumed.resumed).toBe(true);
    expect(resumed.requests).toBeLessThan(full.requests - 50);
    expect(await filesOf(out)).toEqual(await filesOf(reference));
  });
});
