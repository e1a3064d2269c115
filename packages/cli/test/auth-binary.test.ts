import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@loggd/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/loggd.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `loggd` with stdin piped in and a private config directory. */
function loggd(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: { PATH: process.env.PATH ?? '', HOME: configHome, XDG_CONFIG_HOME: configHome, ...options.env },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.stdin ?? '');
  });
}

let configHome: string;
let server: Awaited<ReturnType<typeof startMockServer>>;

beforeAll(async () => {
  configHome = await mkdtemp(join(tmpdir(), 'loggd-bin-auth-'));
  server = await startMockServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  await rm(configHome, { recursive: true, force: true });
});

describe.runIf(existsSync(BIN))('loggd auth (the built binary, against the mock server)', () => {
  it('logs in from stdin to a plain file, reports status as JSON, then logs out', async () => {
    const base = ['--base-url', server.baseUrl];
    // LOGGD_KEYRING=off: behave the same on a developer machine that has a keyring.
    const env = { LOGGD_KEYRING: 'off' };
    const refused = await loggd(['auth', 'login', '--with-token', ...base], {
      stdin: 'mock_pro_habits\n',
      env,
    });
    expect(refused.code).toBe(4);

    const login = await loggd(['auth', 'login', '--with-token', '--insecure-storage', ...base], {
      stdin: 'mock_pro_habits\n',
      env,
    });
    expect(login.code).toBe(0);
    const file = join(configHome, 'loggd', 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const status = await loggd(['auth', 'status', '--format', 'json'], { env });
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).profiles[0]).toMatchObject({
      scopes: ['read:habits'],
      source: 'file',
      token: 'mock_p…bits',
    });

    const logout = await loggd(['auth', 'logout'], { env });
    expect(logout.code).toBe(0);
    expect(existsSync(file)).toBe(false);
    for (const run of [refused, login, status, logout])
      expect(run.stdout + run.stderr).not.toContain('mock_pro_habits');
  });
});
