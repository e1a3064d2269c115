import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type RunningMockServer, startMockServer } from '@loggd/mock';
import { Loggd } from '@loggd/sdk';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Runs examples/first-call.ts as a user would (node strips the types) against the standalone mock.
const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./first-call.ts', import.meta.url));
let server: RunningMockServer;

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 3, now: '2026-04-08T12:00:00Z' });
});
afterAll(() => server.close());

const exec = (token: string) =>
  run(process.execPath, [SCRIPT], { env: { LOGGD_TOKEN: token, LOGGD_BASE_URL: server.baseUrl } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

it('prints the profile and every active habit with its streak', async () => {
  const r = await exec('mock_pro_all');
  expect(r.code, r.stderr).toBe(0);
  const sdk = new Loggd({ token: 'mock_pro_all', baseUrl: server.baseUrl });
  const profile = await sdk.profile.get();
  const habits = await sdk.habits.list().toArray();
  expect(r.stdout).toContain(
    `Hello ${profile.username}: level ${profile.level}, ${profile.total_points} points.`,
  );
  for (const h of habits)
    expect(r.stdout).toContain(`${h.name}: streak ${h.current_streak} (best ${h.longest_streak})`);
  expect(r.stdout).toContain(`${habits.length} active habits`);
});

it('explains the usual first-token errors and exits 1', async () => {
  const bad = await exec('not-a-token');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('The token was refused');
  const free = await exec('mock_free_all');
  expect(free.code).toBe(1);
  expect(free.stderr).toContain('Pro subscription');
  const scoped = await exec('mock_pro_habits');
  expect(scoped.code).toBe(1);
  expect(scoped.stderr).toContain('read:profile');
});
