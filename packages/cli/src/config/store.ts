import { readFileSync } from 'node:fs';
import { readSettings, settingsPath, updateSettings } from '../auth/settings.js';

/**
 * `loggd config` values live under "config" in `<config dir>/settings.json`, next to the profiles: one file,
 * written by conf (atomic rename, mode 0600, directory 0700), never holding a token.
 */

/** Every stored value, for `config get/list` (a broken settings file is reported, as auth commands do). */
export async function readConfig(configDir: string): Promise<Record<string, string>> {
  return (await readSettings(configDir)).config ?? {};
}

/** Stores one value (already checked), or removes it when `value` is undefined; returns whether it was set. */
export async function writeConfig(
  configDir: string,
  key: string,
  value: string | undefined,
): Promise<boolean> {
  let had = false;
  await updateSettings(configDir, (s) => {
    const config = { ...(s.config ?? {}) };
    had = key in config;
    if (value === undefined) delete config[key];
    else config[key] = value;
    if (Object.keys(config).length) s.config = config;
    else delete s.config;
  });
  return had;
}

/** The raw settings file, read synchronously on every command (no conf/ajv load): {} when missing or broken. */
export function peekSettings(configDir: string): {
  activeProfile?: unknown;
  profiles?: Record<string, { baseUrl?: unknown } | undefined>;
  config?: Record<string, unknown>;
} {
  try {
    const raw = JSON.parse(readFileSync(settingsPath(configDir), 'utf8'));
    return raw && typeof raw === 'object' ? raw : {};
  } catch {
    // Missing is the common case; a broken file is reported by the commands that read it with conf.
    return {};
  }
}
