import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningMockServer, startMockServer } from '@loggd/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoggd } from './helpers/bin.js';
import { runLoggdWithStdin } from './helpers/bin-stdin.js';

// `loggd auth status` checks every stored profile at once through the real binary: three profiles on two mock
// servers, one of which is gone by the time status runs, and one whose account lost Pro.

const CONFIG = mkdtempSync(join(tmpdir(), 'loggd-auth-status-'));
const ENV = { PATH: process.env.PATH ?? '', HOME: CONFIG, LOGGD_CONFIG_DIR: CONFIG, LOGGD_KEYRING: 'off' };
const SECRETS = ['mock_pro_all', 'mock_free_all', 'mock_pro_habits'];

let server: RunningMockServer;

async function login(profile: string, token: string, baseUrl: string): Promise<void> {
  const r = await runLoggdWithStdin(
    ['auth', 'login', '--with-token', '--insecure-storage', '--profile', profile, '--base-url', baseUrl],
    ENV,
    `${token}\n`,
  );
  expect(r.code, r.stderr).toBe(0);
}

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 42, now: '2026-04-08T12:00:00Z', rateLimit: false });
  const doomed = await startMockServer({ port: 0, seed: 1, rateLimit: false });
  await login('work', 'mock_pro_all', server.baseUrl);
  await login('free', 'mock_free_all', server.baseUrl);
  await login('gone', 'mock_pro_habits', doomed.baseUrl);
  await doomed.close();
  // The last login made `gone` active: make `work` the default again.
  expect((await runLoggd(['auth', 'switch', 'work'], ENV)).code).toBe(0);
}, 60_000);
afterAll(() => server?.close());

const noSecrets = (text: string) => {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

describe('loggd auth status (every stored profile)', { timeout: 30_000 }, () => {
  it('lists all profiles as {"profiles": [...]}, the selected one first with its scopes, and exits 0', async () => {
    const r = await runLoggd(['auth', 'status', '--json'], ENV);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    noSecrets(r.stdout);
    const { profiles } = JSON.parse(r.stdout) as { profiles: Array<Record<string, unknown>> };
    expect(profiles.map((p) => p.profile)).toEqual(['work', 'free', 'gone']);
    const [work, free, gone] = profiles;
    expect(work).toMatchObject({
      selected: true,
      active: true,
      valid: true,
      token: 'mock_p…_all',
      source: 'file',
      error: null,
      subscription_tier: expect.any(String),
    });
    expect(work!.scopes).toHaveLength(5);
    expect(free).toMatchObject({ selected: false, requires_pro: true, scopes: null });
    expect((free!.error as { code: string }).code).toBe('requires_pro');
    expect(gone).toMatchObject({ selected: false, valid: true });
    expect((gone!.error as { code: string; message: string }).code).toBe('connection');
  });

  it('prints one line per profile (account and plan, or the error) when not JSON', async () => {
    const r = await runLoggd(['auth', 'status'], ENV);
    expect(r.code, r.stderr).toBe(0);
    noSecrets(r.stdout + r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^✓ work \(active\) {2}mock_p…_all \(file, PLAIN TEXT\) {2}http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public {2}\S+ \(\w+\) {2}scopes: read:habits, read:tasks, read:goals, read:focus, read:profile$/,
    );
    expect(lines[1]).toMatch(
      /^✗ free {2}mock_f…_all .* error: API access requires an active Pro subscription\.$/,
    );
    expect(lines[2]).toMatch(/^✗ gone {2}mock_p…bits .* error: cannot reach http:\/\/127\.0\.0\.1:\d+/);
    expect(lines[3]).toMatch(/^warning: tokens marked PLAIN TEXT are in /);
    expect(lines).toHaveLength(4);
  });

  it('exits with the selected profile’s error code when that one fails (4 for not Pro, 6 for a dead server)', async () => {
    const [free, gone] = await Promise.all([
      runLoggd(['auth', 'status', '--profile', 'free'], ENV),
      runLoggd(['auth', 'status'], { ...ENV, LOGGD_PROFILE: 'gone' }),
    ]);
    expect(free.code).toBe(4);
    expect(free.stdout.split('\n')[0]).toMatch(/^✗ free \(selected\)/);
    expect(free.stderr).toMatch(/^error: API access requires an active Pro subscription\.$/m);
    expect(gone.code).toBe(6);
    expect(gone.stderr).toMatch(/^error: cannot reach http:\/\/127\.0\.0\.1:\d+/);
    expect(gone.stdout).toMatch(/^✓ work \(active\)/m);
    noSecrets(free.stdout + free.stderr + gone.stdout + gone.stderr);
  });

  it('a LOGGD_TOKEN is the selected entry (source env), the stored profiles still listed', async () => {
    const r = await runLoggd(['auth', 'status', '--json'], {
      ...ENV,
      LOGGD_TOKEN: 'revoked_token_0123456789',
      LOGGD_BASE_URL: server.baseUrl,
    });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stderr).error.code).toBe('authentication');
    const { profiles } = JSON.parse(r.stdout) as { profiles: Array<Record<string, unknown>> };
    expect(profiles[0]).toMatchObject({ profile: 'work', selected: true, source: 'env', valid: false });
    expect(profiles.map((p) => p.profile)).toEqual(['work', 'free', 'gone']);
    expect(r.stdout + r.stderr).not.toContain('revoked_token_0123456789');
  });

  it('an unknown --profile is listed as not logged in, exit 4, the stored ones shown', async () => {
    const r = await runLoggd(['auth', 'status', '--profile', 'ghost'], ENV);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^error: not logged in \(profile ghost\)$/m);
    expect(r.stdout).toMatch(/^✗ ghost \(selected\) {2}error: not logged in$/m);
  });
});
