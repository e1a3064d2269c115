import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { ensureConfigDir } from './config-dir.js';

/** Where a profile's token lives. */
export type TokenStorage = 'keyring' | 'file';

export interface ProfileSettings {
  /** Set only when the profile talks to another server than the default one (e.g. the mock). */
  baseUrl?: string;
  storage?: TokenStorage;
  /** Who the token belonged to at login (shown when the token cannot read the profile). */
  username?: string;
}

/** The non-secret settings file (`<configDir>/settings.json`): never holds a token. */
export interface Settings {
  activeProfile?: string;
  profiles: Record<string, ProfileSettings>;
  /** `loggd config` values (config/keys.ts), kept as strings. */
  config?: Record<string, string>;
}

const CONFIG_NAME = 'settings';

/** The path of the settings file in a config directory. */
export function settingsPath(configDir: string): string {
  return join(configDir, `${CONFIG_NAME}.json`);
}

// conf pulls in ajv and friends: load it only when settings are really read or written, not on every command.
async function openStore(configDir: string) {
  const { default: Conf } = await import('conf');
  try {
    return new Conf<Record<string, unknown>>({
      cwd: configDir,
      configName: CONFIG_NAME,
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
      // A user may edit this file: report a mistake rather than silently wiping their profiles.
      clearInvalidConfig: false,
    });
  } catch (err) {
    throw new CliError(
      `cannot read settings ${settingsPath(configDir)}: ${(err as Error).message}`,
      EXIT.failure,
      'invalid_settings',
      ['fix the JSON, or delete the file and run `loggd auth login` again'],
    );
  }
}

function normalize(raw: Record<string, unknown>): Settings {
  const profiles: Record<string, ProfileSettings> = {};
  const rawProfiles = raw.profiles;
  if (rawProfiles && typeof rawProfiles === 'object' && !Array.isArray(rawProfiles)) {
    for (const [name, value] of Object.entries(rawProfiles as Record<string, unknown>)) {
      if (!value || typeof value !== 'object') continue;
      const p = value as Record<string, unknown>;
      profiles[name] = {
        ...(typeof p.baseUrl === 'string' ? { baseUrl: p.baseUrl } : {}),
        ...(p.storage === 'keyring' || p.storage === 'file' ? { storage: p.storage } : {}),
        ...(typeof p.username === 'string' ? { username: p.username } : {}),
      };
    }
  }
  const active = typeof raw.activeProfile === 'string' ? raw.activeProfile : undefined;
  // `loggd config` values live here too (config/store.ts): keep them through every auth update.
  const config = normalizeConfig(raw.config);
  return { ...(active ? { activeProfile: active } : {}), profiles, ...(config ? { config } : {}) };
}

function normalizeConfig(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const entries = Object.entries(raw as Record<string, unknown>).filter(([, v]) => typeof v === 'string');
  return entries.length ? (Object.fromEntries(entries) as Record<string, string>) : undefined;
}

/** Reads the settings; a missing file is empty settings (and creates nothing, so read-only commands leave no trace). */
export async function readSettings(configDir: string): Promise<Settings> {
  if (!existsSync(settingsPath(configDir))) return { profiles: {} };
  const store = await openStore(configDir);
  return normalize(store.store);
}

/** Applies a change to the settings and writes them (directory 0700, file 0600, written atomically by conf). */
export async function updateSettings(
  configDir: string,
  change: (settings: Settings) => void,
): Promise<Settings> {
  await ensureConfigDir(configDir);
  const store = await openStore(configDir);
  const settings = normalize(store.store);
  change(settings);
  store.store = { ...settings } as Record<string, unknown>;
  return settings;
}
