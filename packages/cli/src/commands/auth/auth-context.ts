import { KEYRING_SERVICE } from '../../auth/keyring.js';
import type { TokenStorage } from '../../auth/settings.js';
import { tokenFilePath } from '../../auth/token-file.js';
import type { CommandContext } from '../../types.js';

/** Tests inject the mock's fetch here; the real CLI uses the global fetch. */
export type AuthContext = CommandContext & { fetch?: typeof globalThis.fetch };

export const withFetch = (ctx: AuthContext) => (ctx.fetch ? { fetch: ctx.fetch } : {});

/** Where a token is stored, for messages: the keyring service or the file's path. */
export function where(storage: TokenStorage, configDir: string): string {
  return storage === 'keyring' ? `the OS keyring (service ${KEYRING_SERVICE})` : tokenFilePath(configDir);
}
