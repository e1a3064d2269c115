import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningMockServer, startMockServer } from '@loggd/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoggd } from './helpers/bin.js';
import { runLoggdWithStdin } from './helpers/bin-stdin.js';

// `loggd config get/set/unset/list` through the real binary: values checked before they are stored, stored in
// settings.json (0600, atomic), and applied as flag > env > config > default.

const DEMO = { LOGGD_DEMO_SEED: '42', LOGGD_DEMO_NOW: '2026-04-08T12:00:00Z' };
let n = 0;
/** A fresh config directory per test: the tests run concurrently. */
function envFor(extra: Record<string, string> = {}): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), `loggd-config-${n++}-`));
  return {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    LOGGD_CONFIG_DIR: join(dir, 'loggd'),
    LOGGD_KEYRING: 'off',
    ...extra,
  };
}

let server: RunningMockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 42, now: '2026-04-08T12:00:00Z', rateLimit: false });
});
afterAll(() => server?.close());

describe('loggd config', { timeout: 30_000 }, () => {
  it('sets, gets, lists and unsets; the file is settings.json, mode 0600, with no temp file left', async () => {
    const env = envFor();
    for (const [key, value] of [
      ['format', 'json'],
      ['pager', 'less -R'],
      ['timeout', '20'],
      ['color', 'never'],
      ['base_url', `${server.baseUrl}/`],
    ]) {
      const r = await runLoggd(['config', 'set', key!, value!], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).toBe('');
    }
    const file = join(env.LOGGD_CONFIG_DIR!, 'settings.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(env.LOGGD_CONFIG_DIR!).mode & 0o777).toBe(0o700);
    expect(readdirSync(env.LOGGD_CONFIG_DIR!)).toEqual(['settings.json']);
    expect(JSON.parse(readFileSync(file, 'utf8')).config).toEqual({
      format: 'json',
      pager: 'less -R',
      timeout: '20',
      color: 'never',
      base_url: server.baseUrl,
    });
    expect((await runLoggd(['config', 'get', 'pager'], env)).stdout).toBe('less -R\n');
    const list = await runLoggd(['config', 'list'], env);
    expect(list.stdout).toBe(
      `format=json\nbase_url=${server.baseUrl}\npager=less -R\ntimeout=20\ncolor=never\n`,
    );
    expect((await runLoggd(['config', 'unset', 'pager'], env)).code).toBe(0);
    const after = await runLoggd(['config', 'get', 'pager'], env);
    expect([after.code, after.stdout]).toEqual([0, '']);
    expect(JSON.parse((await runLoggd(['config', 'list', '--json'], env)).stdout)).not.toHaveProperty(
      'pager',
    );
  });

  it.each([
    [
      ['config', 'set', 'format', 'xml'],
      /^error: invalid value 'xml' for config key format: accepted are table, json, ndjson, csv, tsv$/,
    ],
    [
      ['config', 'set', 'color', 'sometimes'],
      /^error: invalid value 'sometimes' for config key color: accepted are auto, always, never$/,
    ],
    [
      ['config', 'set', 'timeout', '5s'],
      /^error: invalid value '5s' for config key timeout: accepted are a number of seconds/,
    ],
    [
      ['config', 'set', 'base_url', 'loggd.life'],
      /^error: invalid value 'loggd.life' for config key base_url: accepted are an http\(s\) URL/,
    ],
    [
      ['config', 'set', 'pager', ' '],
      /^error: invalid value ' ' for config key pager: accepted are a command line/,
    ],
    [
      ['config', 'get', 'editor'],
      /^error: unknown config key 'editor': accepted keys are format, base_url, pager, timeout, color$/,
    ],
    [['config', 'set', 'format'], /^error: missing required argument 'value'$/],
  ])('%j is a one-line usage error (exit 2), nothing stored', async (argv, message) => {
    const env = envFor();
    const r = await runLoggd(argv, env);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(message);
    expect(
      r.stderr
        .trimEnd()
        .split('\n')
        .slice(1)
        .every((l) => l.startsWith('hint: ')),
    ).toBe(true);
    expect(readdirSync(env.HOME!)).toEqual([]);
  });

  it('applies flag > env > config > default', async () => {
    const env = envFor(DEMO);
    expect((await runLoggd(['config', 'set', 'format', 'json'], env)).code).toBe(0);
    const args = ['--demo', 'habits', 'list', '--limit', '2', '--fields', 'id'];
    const [config, fromEnv, flag, unset] = await Promise.all([
      runLoggd(args, env),
      runLoggd(args, { ...env, LOGGD_FORMAT: 'csv' }),
      runLoggd([...args, '--format', 'tsv'], { ...env, LOGGD_FORMAT: 'csv' }),
      runLoggd(args, envFor(DEMO)),
    ]);
    expect(JSON.parse(config.stdout)).toEqual([{ id: 42 }, { id: 43 }]);
    expect(fromEnv.stdout).toBe('id\r\n42\r\n43\r\n');
    expect(flag.stdout).toBe('id\n42\n43\n');
    expect(unset.stdout).toBe('id\n42\n43\n'); // piped default: TSV
  });

  it('config color always colours a pipe; --color never wins', async () => {
    const env = envFor(DEMO);
    expect((await runLoggd(['config', 'set', 'color', 'always'], env)).code).toBe(0);
    const args = ['--demo', 'habits', 'list', '--limit', '1', '--format', 'table'];
    const [coloured, plain] = await Promise.all([
      runLoggd(args, env),
      runLoggd(['--color', 'never', ...args], env),
    ]);
    expect(coloured.stdout).toContain('\x1b[');
    expect(plain.stdout).not.toContain('\x1b[');
  });

  it('config base_url serves profiles that store none; a profile’s own server wins over it', async () => {
    const env = envFor();
    expect((await runLoggd(['config', 'set', 'base_url', server.baseUrl], env)).code).toBe(0);
    const viaConfig = await runLoggd(['profile', '--json', '--fields', 'username'], {
      ...env,
      LOGGD_TOKEN: 'mock_pro_all',
    });
    expect(viaConfig.code, viaConfig.stderr).toBe(0);
    expect(JSON.parse(viaConfig.stdout)).toHaveProperty('username');

    // A profile logged in to another server keeps it, and its login kept the config values.
    const other = await startMockServer({ port: 0, seed: 7, rateLimit: false });
    try {
      const login = await runLoggdWithStdin(
        [
          'auth',
          'login',
          '--with-token',
          '--insecure-storage',
          '--profile',
          'elsewhere',
          '--base-url',
          other.baseUrl,
        ],
        env,
        'mock_pro_all\n',
      );
      expect(login.code, login.stderr).toBe(0);
      expect((await runLoggd(['config', 'get', 'base_url'], env)).stdout).toBe(`${server.baseUrl}\n`);
      const r = await runLoggd(['--profile', 'elsewhere', 'profile', '--json', '--fields', 'username'], env);
      expect(r.code, r.stderr).toBe(0);
      expect(other.mock.journal.list().some((e: { path: string }) => e.path.endsWith('/profile'))).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('a hand-edited bad value fails every command with one line naming the key, and config unset repairs it', async () => {
    const env = envFor(DEMO);
    expect((await runLoggd(['config', 'set', 'timeout', '5'], env)).code).toBe(0);
    const file = join(env.LOGGD_CONFIG_DIR!, 'settings.json');
    writeFileSync(file, JSON.stringify({ profiles: {}, config: { timeout: 'soon' } }));
    const broken = await runLoggd(['--demo', 'habits', 'list'], env);
    expect(broken.code).toBe(2);
    expect(broken.stderr.split('\n')[0]).toBe(
      `error: invalid value 'soon' for config key timeout in ${file}: accepted are a number of seconds (0 = no timeout)`,
    );
    // The environment variable wins, so it is not even read.
    expect((await runLoggd(['--demo', 'habits', 'list'], { ...env, LOGGD_TIMEOUT: '5' })).code).toBe(0);
    expect((await runLoggd(['config', 'unset', 'timeout'], env)).code).toBe(0);
    expect((await runLoggd(['--demo', 'habits', 'list'], env)).code).toBe(0);
  });
});
