import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Account, createMockApi, type MockApi } from '@loggd/mock';
import { Loggd } from '@loggd/sdk';
import { Progress } from '../src/account/progress.js';
import { RESOURCES } from '../src/account/resources.js';
import { type ExportFormat, type ExportOptions, exportAccount } from '../src/export/run.js';
import { fakeIO } from './helpers/fake-io.js';

export const NOW = '2026-04-08T12:00:00Z';

/** A frozen mock without a rate limit (pacing is the benchmark's business, not the tests'). */
export function mockApi(seed = 3): MockApi {
  return createMockApi({ seed, now: NOW, rateLimit: false });
}

/** A client on the mock that never waits: no pacing, instant retry sleeps, generous retries. */
export function client(mock: MockApi, token = 'mock_pro_all', fetch = mock.fetch, baseUrl?: string): Loggd {
  return new Loggd({
    token,
    fetch,
    ...(baseUrl ? { baseUrl } : {}),
    rateLimit: false,
    maxRetries: 8,
    sleep: async () => {},
    validation: 'off',
  });
}

export async function tempDir(prefix = 'loggd-export-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Runs an export with test defaults. */
export function runExport(
  c: Loggd,
  out: string,
  format: ExportFormat = 'ndjson',
  extra: Partial<ExportOptions> = {},
) {
  return exportAccount({
    client: c,
    out,
    format,
    resources: new Set(RESOURCES),
    now: new Date(NOW),
    progress: new Progress(fakeIO({ tty: false }).io.stderr),
    toolVersion: 'test',
    ...extra,
  });
}

/** The account the token reads (by the profile the mock serves). */
export function accountOf(mock: MockApi, token = 'mock_pro_all'): Account {
  const userId = mock.tokens.get(token)?.userId;
  return mock.dataset.accounts.find((a) => a.userId === userId) ?? mock.dataset.accounts[0]!;
}

/** Every visible file of a folder, name → bytes. */
export async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isFile() && !e.name.startsWith('.')) out.set(e.name, await readFile(join(dir, e.name)));
  }
  return out;
}

export async function ndjson<T = Record<string, unknown>>(path: string): Promise<T[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as T);
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Strips a foreign key the export adds to a child object. */
export function without<T extends Record<string, unknown>>(row: T, key: string): Record<string, unknown> {
  const { [key]: _drop, ...rest } = row;
  return rest;
}
