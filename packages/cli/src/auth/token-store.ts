import { type Keyring, KeyringUnavailableError } from './keyring.js';
import type { TokenStorage } from './settings.js';
import { deleteFileToken, readFileToken } from './token-file.js';

/** A token found in storage, and where. */
export interface StoredToken {
  token: string;
  storage: TokenStorage;
}

/**
 * Finds a profile's stored token: where the settings say it is, or (settings lost or hand-edited) the file, then
 * the keyring. An unusable keyring reads as "no token" so commands fall through to the missing-token error.
 */
export async function loadStoredToken(
  configDir: string,
  keyring: Keyring,
  profile: string,
  storage: TokenStorage | undefined,
): Promise<StoredToken | undefined> {
  if (storage !== 'keyring') {
    const token = await readFileToken(configDir, profile);
    if (token) return { token, storage: 'file' };
    if (storage === 'file') return undefined;
  }
  try {
    const token = await keyring.get(profile);
    return token ? { token, storage: 'keyring' } : undefined;
  } catch (err) {
    if (err instanceof KeyringUnavailableError) return undefined;
    throw err;
  }
}

/** Removes a profile's token from every store; returns where one was removed. */
export async function removeStoredToken(
  configDir: string,
  keyring: Keyring,
  profile: string,
): Promise<TokenStorage[]> {
  const removed: TokenStorage[] = [];
  if (await deleteFileToken(configDir, profile)) removed.push('file');
  try {
    if (await keyring.delete(profile)) removed.push('keyring');
  } catch (err) {
    if (!(err instanceof KeyringUnavailableError)) throw err;
  }
  return removed;
}
