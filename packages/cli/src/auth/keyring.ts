import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { usageError } from '../errors.js';
import { ensureConfigDir } from './config-dir.js';

/** The keyring service name: entries are (loggd, <profile>). */
export const KEYRING_SERVICE = 'loggd';

/** How long one keyring call may take: a locked or absent Secret Service can hang forever on D-Bus. */
export const KEYRING_TIMEOUT_MS = 3000;

/** Thrown when no OS keyring can be used (none installed, locked, timed out, no native binary). */
export class KeyringUnavailableError extends Error {
  override readonly name = 'KeyringUnavailableError';
}

/** Where tokens go when they are stored securely. */
export interface Keyring {
  /** Shown by `auth status` and in messages. */
  readonly label: string;
  get(profile: string): Promise<string | null>;
  set(profile: string, token: string): Promise<void>;
  /** True when there was an entry to delete. */
  delete(profile: string): Promise<boolean>;
}

/** Runs one keyring call, turning a hang (past `timeoutMs`) or any failure into KeyringUnavailableError. */
export async function withKeyringTimeout<T>(
  timeoutMs: number,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new KeyringUnavailableError(`the OS keyring did not answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    // A hung keyring must not keep the CLI alive after the command has given up on it.
    timer.unref();
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } catch (err) {
    if (err instanceof KeyringUnavailableError) throw err;
    throw new KeyringUnavailableError(`the OS keyring is not available (${(err as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
}

/** The OS keyring through @napi-rs/keyring (macOS Keychain, Windows Credential Manager, Secret Service). */
export function systemKeyring(timeoutMs = KEYRING_TIMEOUT_MS): Keyring {
  // Loaded on first use: the native addon costs startup time that most commands never need.
  const entry = async (profile: string) => {
    const { AsyncEntry } = await import('@napi-rs/keyring');
    return new AsyncEntry(KEYRING_SERVICE, profile);
  };
  return {
    label: 'keyring',
    get: (profile) =>
      withKeyringTimeout(timeoutMs, async (signal) => (await entry(profile)).getPassword(signal)),
    set: (profile, token) =>
      withKeyringTimeout(timeoutMs, async (signal) => (await entry(profile)).setPassword(token, signal)),
    delete: (profile) =>
      withKeyringTimeout(timeoutMs, async (signal) => (await entry(profile)).deletePassword(signal)),
  };
}

/** No keyring at all (LOGGD_KEYRING=off): reads find nothing, writes fail like on a machine without one. */
export function noKeyring(): Keyring {
  const unavailable = () =>
    Promise.reject(new KeyringUnavailableError('the OS keyring is disabled (LOGGD_KEYRING=off)'));
  return { label: 'keyring', get: async () => null, set: unavailable, delete: async () => false };
}

/**
 * FOR TESTS ONLY (LOGGD_KEYRING=mock-file): a stand-in keyring kept in `<configDir>/test-keyring.json` (0600),
 * so the keyring path can be exercised on machines that have no keyring. Not a secure store.
 */
export function mockFileKeyring(configDir: string): Keyring {
  const path = join(configDir, 'test-keyring.json');
  const load = async (): Promise<Record<string, string>> => {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as Record<string, string>;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
  };
  const save = async (entries: Record<string, string>) => {
    await ensureConfigDir(configDir);
    const temp = `${path}.${process.pid}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    await handle.writeFile(JSON.stringify(entries));
    await handle.close();
    await rename(temp, path);
  };
  return {
    label: 'keyring (test mock-file)',
    get: async (profile) => (await load())[profile] ?? null,
    set: async (profile, token) => save({ ...(await load()), [profile]: token }),
    delete: async (profile) => {
      const entries = await load();
      if (!(profile in entries)) return false;
      delete entries[profile];
      if (Object.keys(entries).length === 0) await rm(path, { force: true });
      else await save(entries);
      return true;
    },
  };
}

/** The keyring to use: the OS one, unless LOGGD_KEYRING (testing only) says `off` or `mock-file`. */
export function selectKeyring(env: Record<string, string | undefined>, configDir: string): Keyring {
  const choice = env.LOGGD_KEYRING?.trim() || 'system';
  switch (choice) {
    case 'system':
      return systemKeyring();
    case 'off':
      return noKeyring();
    case 'mock-file':
      return mockFileKeyring(configDir);
    default:
      throw usageError(
        `invalid LOGGD_KEYRING ${JSON.stringify(choice)}: use system, off or mock-file (testing only)`,
      );
  }
}
