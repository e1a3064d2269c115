import { selectKeyring } from './keyring.js';
import { checkProfileName, DEFAULT_PROFILE } from './profile-name.js';
import { readSettings, type Settings } from './settings.js';
import { loadStoredToken } from './token-store.js';

/** The production API; a profile stores a base URL only when it differs. */
export { DEFAULT_BASE_URL } from '@loggd/sdk/constants';
export { defaultConfigDir } from './config-dir.js';
export { maskToken } from './mask.js';

/** Where the token in use came from. */
export type CredentialSource = 'flag' | 'env' | 'keyring' | 'file' | 'none';

export interface ResolveCredentialsInput {
  /** --profile */
  profile?: string;
  /** --token */
  token?: string;
  /** --base-url */
  baseUrl?: string;
  env: Record<string, string | undefined>;
  configDir: string;
}

export interface ResolvedCredentials {
  token?: string;
  /** Undefined means the default server (the SDK's default base URL). */
  baseUrl?: string;
  profile: string;
  source: CredentialSource;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value?.trim() ? value.trim() : undefined;

/** The profile in effect: --profile, else LOGGD_PROFILE, else the active profile, else 'default'. */
export function resolveProfileName(
  flag: string | undefined,
  env: Record<string, string | undefined>,
  settings: Settings,
): string {
  const fromFlag = nonEmpty(flag);
  if (fromFlag) return checkProfileName(fromFlag, '--profile');
  const fromEnv = nonEmpty(env.LOGGD_PROFILE);
  if (fromEnv) return checkProfileName(fromEnv, 'LOGGD_PROFILE');
  return settings.activeProfile ?? DEFAULT_PROFILE;
}

/**
 * The token and base URL a command uses: --token/--base-url, then LOGGD_TOKEN/LOGGD_BASE_URL, then the profile's
 * stored token (keyring or file) and base URL. Token and base URL are resolved independently.
 * @example const { token, baseUrl } = await resolveCredentials({ env: process.env, configDir });
 */
export async function resolveCredentials(input: ResolveCredentialsInput): Promise<ResolvedCredentials> {
  const { env, configDir } = input;
  const settings = await readSettings(configDir);
  const profile = resolveProfileName(input.profile, env, settings);
  const stored = settings.profiles[profile];
  const baseUrl = nonEmpty(input.baseUrl) ?? nonEmpty(env.LOGGD_BASE_URL) ?? stored?.baseUrl;
  const withBase = baseUrl ? { baseUrl } : {};

  const flagToken = nonEmpty(input.token);
  if (flagToken) return { token: flagToken, ...withBase, profile, source: 'flag' };
  const envToken = nonEmpty(env.LOGGD_TOKEN);
  if (envToken) return { token: envToken, ...withBase, profile, source: 'env' };

  const found = await loadStoredToken(configDir, selectKeyring(env, configDir), profile, stored?.storage);
  if (found) return { token: found.token, ...withBase, profile, source: found.storage };
  return { ...withBase, profile, source: 'none' };
}
