import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfigDir, maskToken, resolveCredentials } from '../src/auth/credentials.js';
import { KeyringUnavailableError, mockFileKeyring, withKeyringTimeout } from '../src/auth/keyring.js';
import { readSettings, updateSettings } from '../src/auth/settings.js';
import { writeFileToken } from '../src/auth/token-file.js';

let configDir: string;
beforeEach(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'loggd-creds-'));
});
afterEach(async () => {
  await rm(configDir, { recursive: true, force: true });
});

/** Two stored profiles: `default` in the plain file, `work` in the (test) keyring with its own server. */
async function storeProfiles(): Promise<void> {
  await writeFileToken(configDir, 'default', 'file_token_default');
  await mockFileKeyring(configDir).set('work', 'keyring_token_work');
  await updateSettings(configDir, (s) => {
    s.profiles.default = { storage: 'file' };
    s.profiles.work = { storage: 'keyring', baseUrl: 'http://work.example/api/v1/public' };
    s.activeProfile = 'default';
  });
}

const KEYRING_ENV = { LOGGD_KEYRING: 'mock-file' };

describe('resolveCredentials', () => {
  it('uses the active profile’s stored token and base URL', async () => {
    await storeProfiles();
    expect(await resolveCredentials({ env: KEYRING_ENV, configDir })).toEqual({
      token: 'file_token_default',
      profile: 'default',
      source: 'file',
    });
    await updateSettings(configDir, (s) => {
      s.activeProfile = 'work';
    });
    expect(await resolveCredentials({ env: KEYRING_ENV, configDir })).toEqual({
      token: 'keyring_token_work',
      baseUrl: 'http://work.example/api/v1/public',
      profile: 'work',
      source: 'keyring',
    });
  });

  it('picks the profile from --profile, then LOGGD_PROFILE, then the active one', async () => {
    await storeProfiles();
    const env = { ...KEYRING_ENV, LOGGD_PROFILE: 'work' };
    expect(await resolveCredentials({ env, configDir })).toMatchObject({
      profile: 'work',
      source: 'keyring',
    });
    expect(await resolveCredentials({ profile: 'default', env, configDir })).toMatchObject({
      profile: 'default',
      token: 'file_token_default',
    });
  });

  it('lets LOGGD_TOKEN and LOGGD_BASE_URL override the profile', async () => {
    await storeProfiles();
    const env = {
      ...KEYRING_ENV,
      LOGGD_PROFILE: 'work',
      LOGGD_TOKEN: 'env_token',
      LOGGD_BASE_URL: 'http://env.example',
    };
    expect(await resolveCredentials({ env, configDir })).toEqual({
      token: 'env_token',
      baseUrl: 'http://env.example',
      profile: 'work',
      source: 'env',
    });
    // The token and the base URL are resolved independently: LOGGD_TOKEN alone keeps the profile's server.
    expect(
      await resolveCredentials({
        env: { ...KEYRING_ENV, LOGGD_TOKEN: 'env_token' },
        profile: 'work',
        configDir,
      }),
    ).toEqual({
      token: 'env_token',
      baseUrl: 'http://work.example/api/v1/public',
      profile: 'work',
      source: 'env',
    });
  });

  it('lets --token and --base-url override the environment', async () => {
    await storeProfiles();
    const env = { ...KEYRING_ENV, LOGGD_TOKEN: 'env_token', LOGGD_BASE_URL: 'http://env.example' };
    expect(
      await resolveCredentials({ token: 'flag_token', baseUrl: 'http://flag.example', env, configDir }),
    ).toEqual({
      token: 'flag_token',
      baseUrl: 'http://flag.example',
      profile: 'default',
      source: 'flag',
    });
  });

  it('reports none without creating anything when nothing is stored', async () => {
    const dir = join(configDir, 'never-created');
    expect(await resolveCredentials({ env: { LOGGD_KEYRING: 'off' }, configDir: dir })).toEqual({
      profile: 'default',
      source: 'none',
    });
    expect(await readSettings(dir)).toEqual({ profiles: {} });
  });

  it('rejects an invalid LOGGD_PROFILE with a usage error naming it', async () => {
    await expect(resolveCredentials({ env: { LOGGD_PROFILE: 'a/b' }, configDir })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('LOGGD_PROFILE'),
    });
  });
});

describe('maskToken', () => {
  it('shows the first 6 and last 4 characters', () => {
    expect(maskToken('mock_pro_all')).toBe('mock_p…_all');
  });

  it('never reveals a whole token, and hides short ones entirely', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), (token) => {
        const masked = maskToken(token);
        if (token.length < 12) return masked === '****';
        const visible = masked.replace('…', '');
        return (
          visible.length === 10 && visible.length <= token.length - 2 && masked.startsWith(token.slice(0, 6))
        );
      }),
    );
  });
});

describe('defaultConfigDir', () => {
  it('follows XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultConfigDir({ XDG_CONFIG_HOME: '/x/conf' })).toBe('/x/conf/loggd');
    expect(defaultConfigDir({ HOME: '/home/ann' })).toBe('/home/ann/.config/loggd');
  });
});

describe('keyring calls', () => {
  it('give up on a keyring that never answers, aborting the call', async () => {
    let aborted: Promise<void> | undefined;
    const call = withKeyringTimeout(20, (signal) => {
      aborted = new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
      return new Promise<never>(() => {});
    });
    await expect(call).rejects.toBeInstanceOf(KeyringUnavailableError);
    await aborted;
  });

  it('report a platform failure as an unavailable keyring', async () => {
    const call = withKeyringTimeout(1000, () =>
      Promise.reject(new Error("Couldn't access platform storage")),
    );
    await expect(call).rejects.toThrow(/not available.*platform storage/);
  });
});
