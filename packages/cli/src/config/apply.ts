import { settingsPath } from '../auth/settings.js';
import { resolveColor } from '../color.js';
import { configDirFor } from '../context.js';
import { usageError } from '../errors.js';
import type { GlobalOptions, IO } from '../types.js';
import { CONFIG_KEYS } from './keys.js';
import { peekSettings } from './store.js';

/**
 * The IO a command sees with `loggd config` applied: each stored value fills its environment variable only when
 * that is unset, so flag > env > config > default stays one precedence path (the commands read only the env).
 * base_url is skipped when the profile in use stores its own server: the profile's token belongs to that one.
 * LOGGD_COLOR (or config color) sets the colour when --color is not given.
 */
export function configuredIO(io: IO, opts: GlobalOptions, path: string): IO {
  // `loggd config …` shows and repairs the stored values: it never runs under them.
  if (path === 'config' || path.startsWith('config ')) return io;
  const configDir = configDirFor(io.env);
  const settings = peekSettings(configDir);
  const stored = settings.config ?? {};
  let env = io.env;
  for (const [name, key] of Object.entries(CONFIG_KEYS)) {
    const value = stored[name];
    if (typeof value !== 'string' || (env[key.env] !== undefined && env[key.env] !== '')) continue;
    if (name === 'base_url' && profileStoresServer(settings, opts, env)) continue;
    try {
      key.check(value);
    } catch {
      throw usageError(
        `invalid value '${value}' for config key ${name} in ${settingsPath(configDir)}: accepted are ${key.accepted}`,
        `fix it with \`loggd config set ${name} <value>\`, or \`loggd config unset ${name}\``,
      );
    }
    env = { ...env, [key.env]: value };
  }
  if (opts.color || !env.LOGGD_COLOR) return env === io.env ? io : { ...io, env };
  const mode = env.LOGGD_COLOR;
  if (mode !== 'auto' && mode !== 'always' && mode !== 'never')
    throw usageError(`invalid LOGGD_COLOR '${mode}': accepted values are auto, always, never`);
  return { ...io, env, color: resolveColor(mode, env, Boolean(io.stdout.isTTY)) };
}

function profileStoresServer(
  settings: ReturnType<typeof peekSettings>,
  opts: GlobalOptions,
  env: Record<string, string | undefined>,
): boolean {
  const active = typeof settings.activeProfile === 'string' ? settings.activeProfile : undefined;
  const profile = opts.profile?.trim() || env.LOGGD_PROFILE?.trim() || active || 'default';
  return typeof settings.profiles?.[profile]?.baseUrl === 'string';
}
