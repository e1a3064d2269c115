import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { createMockApi } from '@loggd/mock';
import { SCOPES } from '@loggd/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCredentials } from '../src/auth/credentials.js';
import { maskToken } from '../src/auth/mask.js';
import { authLogin } from '../src/commands/auth/login.js';
import { authLogout } from '../src/commands/auth/logout.js';
import { authStatusAll as authStatus } from '../src/commands/auth/status.js';
import { authSwitch } from '../src/commands/auth/switch.js';
import { LIST_FORMATS, resolveFormat } from '../src/output/format.js';
import type { CommandContext, GlobalOptions, IO } from '../src/types.js';

/** Collects a stream's text and lets a test wait for a piece of it (no sleeps). */
class Sink extends Writable {
  text = '';
  #waiters: Array<{ needle: string; resolve: () => void }> = [];
  onWrite: ((chunk: string) => void) | undefined;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    const s = chunk.toString();
    this.onWrite?.(s);
    this.text += s;
    const ready = this.#waiters.filter((w) => this.text.includes(w.needle));
    this.#waiters = this.#waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
    done();
  }
  waitFor(needle: string): Promise<void> {
    if (this.text.includes(needle)) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ needle, resolve }));
  }
}

interface Harness {
  ctx: CommandContext & { fetch?: typeof fetch };
  stdin: PassThrough & { isTTY?: boolean; setRawMode?: (raw: boolean) => void; rawCalls: boolean[] };
  out: Sink;
  err: Sink;
  /** Everything printed, both streams. */
  printed: () => string;
}

const mock = createMockApi({ seed: 7 });
let configDir: string;

beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'loggd-auth-'));
  mock.reset();
});
afterEach(async () => {
  await rm(configDir, { recursive: true, force: true });
});

/** A fake terminal (tty) or pipe, keyring disabled unless env says otherwise, the mock's fetch injected. */
function harness(
  options: {
    tty?: boolean;
    stdin?: string;
    env?: Record<string, string>;
    opts?: GlobalOptions;
    fetch?: typeof fetch;
  } = {},
): Harness {
  const tty = options.tty ?? false;
  const stdin: Harness['stdin'] = Object.assign(new PassThrough(), { isTTY: tty, rawCalls: [] as boolean[] });
  if (tty) stdin.setRawMode = (raw: boolean) => void stdin.rawCalls.push(raw);
  if (options.stdin !== undefined) stdin.end(options.stdin);
  const out = new Sink();
  const err = new Sink();
  const env: Record<string, string> = { LOGGD_KEYRING: 'off', ...options.env };
  const io: IO = {
    stdin,
    stdout: out,
    stderr: err,
    env,
    canPrompt: tty && !env.CI,
    color: false,
    columns: 100,
  };
  const opts = options.opts ?? {};
  const { format, source } = resolveFormat(opts, env, Boolean(io.stdout.isTTY), LIST_FORMATS, 'auth');
  const ctx = {
    io,
    opts,
    format,
    formatSource: source,
    configDir,
    fetch: options.fetch ?? mock.fetch,
    createClient: () => Promise.reject(new Error('auth commands must not need a client')),
    timeZone: () => Promise.resolve('UTC'),
  };
  return { ctx, stdin, out, err, printed: () => out.text + err.text };
}

const credentialsFile = () => join(configDir, 'credentials.json');
const settingsFile = () => join(configDir, 'settings.json');
const mode = (path: string) => statSync(path).mode & 0o777;
const MOCK_BASE = 'http://127.0.0.1:4010/api/v1/public';

async function loginWithFile(token: string, opts: GlobalOptions = {}): Promise<number> {
  const h = harness({ stdin: `${token}\n`, opts: { baseUrl: MOCK_BASE, ...opts } });
  return authLogin(h.ctx, { withToken: true, insecureStorage: true });
}

describe('auth login', () => {
  it('--with-token --insecure-storage: warns first, then writes a 0600 file in a 0700 dir, never printing the token', async () => {
    const h = harness({ stdin: 'mock_pro_all\n', opts: { baseUrl: MOCK_BASE } });
    let fileExistedAtWarning: boolean | undefined;
    h.err.onWrite = (s) => {
      if (s.includes('PLAIN TEXT')) fileExistedAtWarning = existsSync(credentialsFile());
    };
    expect(await authLogin(h.ctx, { withToken: true, insecureStorage: true })).toBe(0);
    expect(fileExistedAtWarning).toBe(false);
    expect(mode(configDir)).toBe(0o700);
    expect(mode(credentialsFile())).toBe(0o600);
    expect(mode(settingsFile())).toBe(0o600);
    expect(h.printed()).not.toContain('mock_pro_all');
    expect(h.err.text).toContain(maskToken('mock_pro_all'));
    // No temp files left behind by the atomic write.
    expect((await readdir(configDir)).sort()).toEqual(['credentials.json', 'settings.json']);
    const settings = JSON.parse(await readFile(settingsFile(), 'utf8'));
    expect(JSON.stringify(settings)).not.toContain('mock_pro_all');
    const creds = await resolveCredentials({ env: {}, configDir });
    expect(creds).toEqual({ token: 'mock_pro_all', baseUrl: MOCK_BASE, profile: 'default', source: 'file' });
  });

  it('without a keyring and without --insecure-storage, non-interactively: exit 4 with the hint, nothing stored', async () => {
    const h = harness({ stdin: 'mock_pro_all' });
    expect(await authLogin(h.ctx, { withToken: true })).toBe(4);
    expect(h.err.text).toMatch(/LOGGD_TOKEN/);
    expect(h.err.text).toMatch(/--insecure-storage/);
    // Piped stdout without --format json: still the human line (JSON errors only when JSON was asked for).
    expect(h.err.text).toMatch(/^error: cannot store the token/);
    expect(existsSync(credentialsFile())).toBe(false);
    expect(existsSync(settingsFile())).toBe(false);
    expect(h.printed()).not.toContain('mock_pro_all');
  });

  it('stores the token in the keyring when one is available (test keyring), not in a plain file', async () => {
    const env = { LOGGD_KEYRING: 'mock-file' };
    const h = harness({ stdin: 'mock_pro_all', env });
    expect(await authLogin(h.ctx, { withToken: true })).toBe(0);
    expect(existsSync(credentialsFile())).toBe(false);
    expect(h.err.text).not.toMatch(/PLAIN TEXT/);
    expect(await resolveCredentials({ env, configDir })).toMatchObject({
      token: 'mock_pro_all',
      source: 'keyring',
    });
  });

  it('rejects an unknown token (401) with exit 4 and the fix, and saves nothing', async () => {
    const h = harness({ stdin: 'not_a_real_token_123' });
    expect(await authLogin(h.ctx, { withToken: true, insecureStorage: true })).toBe(4);
    expect(h.err.text).toContain('Settings → API');
    expect(h.printed()).not.toContain('not_a_real_token_123');
    expect(existsSync(credentialsFile())).toBe(false);
    expect(existsSync(settingsFile())).toBe(false);
  });

  it.each([
    ['empty stdin', ''],
    ['only whitespace', ' \n\n'],
    ['two tokens', 'mock_pro_all mock_pro_all'],
  ])('exits 2 naming stdin for %s', async (_name, input) => {
    const h = harness({ stdin: input, opts: { format: 'table' } });
    expect(await authLogin(h.ctx, { withToken: true, insecureStorage: true })).toBe(2);
    expect(h.err.text).toMatch(/^error: .*stdin/);
    expect(h.err.text.split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1);
    expect(existsSync(credentialsFile())).toBe(false);
  });

  it('never prompts without a terminal: exit 2 pointing at --with-token', async () => {
    for (const env of [{}, { CI: 'true' }] as Array<Record<string, string>>) {
      const h = harness({ tty: Object.keys(env).length > 0, env });
      expect(await authLogin(h.ctx, {})).toBe(2);
      expect(h.err.text).toContain('--with-token');
      expect(h.err.text).not.toContain('Token:');
    }
  });

  it('on a terminal: reads the token with echo off, asks before plain text, stores on yes', async () => {
    const h = harness({ tty: true, opts: { profile: 'work' } });
    const done = authLogin(h.ctx, {});
    await h.err.waitFor('Token: ');
    h.stdin.write('mock_pro_all\r');
    await h.err.waitFor('[y/N]');
    expect(h.stdin.rawCalls).toEqual([true, false]);
    h.stdin.write('y\n');
    expect(await done).toBe(0);
    expect(h.printed()).not.toContain('mock_pro_all');
    expect(await resolveCredentials({ env: {}, configDir })).toMatchObject({
      token: 'mock_pro_all',
      profile: 'work',
      source: 'file',
    });
  });

  it('on a terminal: answering no to plain text stores nothing (exit 4)', async () => {
    const h = harness({ tty: true });
    const done = authLogin(h.ctx, {});
    await h.err.waitFor('Token: ');
    h.stdin.write('mock_pro_all\n');
    await h.err.waitFor('[y/N]');
    h.stdin.write('\n');
    expect(await done).toBe(4);
    expect(existsSync(credentialsFile())).toBe(false);
  });

  it('accepts a token without read:profile (the 403 missing_abilities proves it is valid)', async () => {
    const h = harness({ stdin: 'mock_pro_habits' });
    expect(await authLogin(h.ctx, { withToken: true, insecureStorage: true })).toBe(0);
    expect(h.err.text).toMatch(/read:profile/);
  });

  it('maps a network failure to exit 6 and stores nothing', async () => {
    const down: typeof fetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
    const h = harness({ stdin: 'mock_pro_all', fetch: down });
    expect(await authLogin(h.ctx, { withToken: true, insecureStorage: true })).toBe(6);
    expect(h.err.text).toMatch(/ECONNREFUSED/);
    expect(existsSync(credentialsFile())).toBe(false);
  });

  it('rejects a malformed --base-url with exit 2 before reading stdin', async () => {
    const h = harness({ stdin: 'mock_pro_all', opts: { baseUrl: 'loggd.life' } });
    expect(await authLogin(h.ctx, { withToken: true, insecureStorage: true })).toBe(2);
    expect(h.err.text).toContain('--base-url');
  });
});

describe('auth status', () => {
  const statusJson = async (env: Record<string, string> = {}, opts: GlobalOptions = {}) => {
    const h = harness({ env, opts: { format: 'json', ...opts } });
    const code = await authStatus(h.ctx, {});
    // `{"profiles": [...]}`, the selected profile first.
    return { code, h, status: h.out.text ? JSON.parse(h.out.text).profiles[0] : undefined };
  };

  it('lists exactly the scopes the token has (mock_pro_habits → read:habits) and masks the token', async () => {
    expect(await loginWithFile('mock_pro_habits')).toBe(0);
    const { code, h, status } = await statusJson();
    expect(code).toBe(0);
    expect(h.out.text.trim().split('\n')).toHaveLength(1);
    expect(status.scopes).toEqual(['read:habits']);
    expect([...status.missing_scopes].sort()).toEqual(SCOPES.filter((s) => s !== 'read:habits').sort());
    expect(status.token).toBe(maskToken('mock_pro_habits'));
    expect(status.source).toBe('file');
    expect(status.storage).toBe(credentialsFile());
    expect(h.printed()).not.toContain('mock_pro_habits');
  });

  it('shows who, tier, server and all five scopes for a full token, as text', async () => {
    expect(await loginWithFile('mock_pro_all')).toBe(0);
    const answer = await mock.fetch(`${MOCK_BASE}/profile`, {
      headers: { authorization: 'Bearer mock_pro_all' },
    });
    const { data: profile } = (await answer.json()) as {
      data: { username: string; subscription_tier: string };
    };
    const h = harness({ opts: { format: 'table' } });
    expect(await authStatus(h.ctx, {})).toBe(0);
    expect(h.out.text).toContain(`scopes: ${SCOPES.join(', ')}`);
    expect(h.out.text).toContain(MOCK_BASE);
    expect(h.out.text).toContain('PLAIN TEXT');
    expect(h.out.text).toContain(`${profile.username} (${profile.subscription_tier})`);
    expect(h.printed()).not.toContain('mock_pro_all');
  });

  it('reports a downgraded account (requires_pro) with exit 4', async () => {
    expect(await loginWithFile('mock_free_all')).toBe(0);
    const { code, status } = await statusJson();
    expect(code).toBe(4);
    expect(status.requires_pro).toBe(true);
    expect(status.scopes).toBeNull();
  });

  it('exits 4 when nobody is logged in', async () => {
    const { code, h } = await statusJson();
    expect(code).toBe(4);
    expect(JSON.parse(h.err.text).error.code).toBe('no_token');
  });

  it('reports a revoked token from LOGGD_TOKEN as invalid (exit 4) without printing it', async () => {
    const { code, h, status } = await statusJson({
      LOGGD_TOKEN: 'revoked_token_abcdef',
      LOGGD_BASE_URL: MOCK_BASE,
    });
    expect(code).toBe(4);
    expect(status).toMatchObject({ valid: false, source: 'env' });
    expect(h.printed()).not.toContain('revoked_token_abcdef');
  });
});

describe('auth logout', () => {
  it('removes the token and the profile; a second logout fails', async () => {
    expect(await loginWithFile('mock_pro_all')).toBe(0);
    const h = harness();
    expect(await authLogout(h.ctx, {})).toBe(0);
    expect(existsSync(credentialsFile())).toBe(false);
    expect(await resolveCredentials({ env: {}, configDir })).toEqual({ profile: 'default', source: 'none' });
    const again = harness();
    expect(await authLogout(again.ctx, {})).toBe(1);
  });

  it('removes only the named profile', async () => {
    expect(await loginWithFile('mock_pro_all')).toBe(0);
    expect(await loginWithFile('mock_other_all', { profile: 'work' })).toBe(0);
    expect(await authLogout(harness({ opts: { profile: 'work' } }).ctx, {})).toBe(0);
    expect(await resolveCredentials({ env: {}, configDir })).toMatchObject({
      token: 'mock_pro_all',
      profile: 'default',
    });
    expect(await resolveCredentials({ profile: 'work', env: {}, configDir })).toMatchObject({
      source: 'none',
    });
  });

  it('removes a keyring token too', async () => {
    const env = { LOGGD_KEYRING: 'mock-file' };
    expect(await authLogin(harness({ stdin: 'mock_pro_all', env }).ctx, { withToken: true })).toBe(0);
    expect(await authLogout(harness({ env }).ctx, {})).toBe(0);
    expect(await resolveCredentials({ env, configDir })).toMatchObject({ source: 'none' });
  });
});

describe('auth switch', () => {
  it('changes the active profile and rejects an unknown one, listing the known ones', async () => {
    expect(await loginWithFile('mock_pro_all')).toBe(0);
    expect(await loginWithFile('mock_other_all', { profile: 'work' })).toBe(0);
    // Logging in makes the profile active; switch back and forth.
    expect(await authSwitch(harness().ctx, 'default', {})).toBe(0);
    expect(await resolveCredentials({ env: {}, configDir })).toMatchObject({
      profile: 'default',
      token: 'mock_pro_all',
    });
    expect(await authSwitch(harness().ctx, 'work', {})).toBe(0);
    expect(await resolveCredentials({ env: {}, configDir })).toMatchObject({
      profile: 'work',
      token: 'mock_other_all',
    });

    const h = harness();
    expect(await authSwitch(h.ctx, 'personal', {})).toBe(2);
    expect(h.err.text).toMatch(/personal/);
    expect(h.err.text).toMatch(/default, work/);
    expect(await resolveCredentials({ env: {}, configDir })).toMatchObject({ profile: 'work' });
  });

  it('rejects an invalid profile name with exit 2', async () => {
    const h = harness();
    expect(await authSwitch(h.ctx, '../etc', {})).toBe(2);
    expect(h.err.text).toMatch(/invalid profile name/);
  });
});
