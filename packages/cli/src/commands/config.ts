import { CONFIG_KEYS, configKey } from '../config/keys.js';
import { readConfig, writeConfig } from '../config/store.js';
import { resolveFormat } from '../output/format.js';
import type { CommandContext } from '../types.js';

/** `loggd config get <key>`: the stored value, or nothing when the key is unset (exit 0, as `gh config get`). */
export async function configGet(ctx: CommandContext, name: string): Promise<number> {
  configKey(name);
  const value = (await readConfig(ctx.configDir))[name];
  if (value !== undefined) ctx.io.stdout.write(`${value}\n`);
  return 0;
}

/** `loggd config set <key> <value>`: checks the value, then stores it (settings.json, 0600, atomic). */
export async function configSet(ctx: CommandContext, name: string, value: string): Promise<number> {
  const stored = configKey(name).check(value);
  await writeConfig(ctx.configDir, name, stored);
  return 0;
}

/** `loggd config unset <key>`: removes the value; unsetting an unset key is not an error. */
export async function configUnset(ctx: CommandContext, name: string): Promise<number> {
  configKey(name);
  await writeConfig(ctx.configDir, name, undefined);
  return 0;
}

/** `loggd config list`: `key=value` per stored key (JSON: one object), in the order of the known keys. */
export async function configList(ctx: CommandContext): Promise<number> {
  const stored = await readConfig(ctx.configDir);
  const set = Object.keys(CONFIG_KEYS).filter((k) => stored[k] !== undefined);
  const format = resolveFormat(ctx.opts, ctx.io);
  if (format === 'json' || format === 'ndjson') {
    ctx.io.stdout.write(`${JSON.stringify(Object.fromEntries(set.map((k) => [k, stored[k]])))}\n`);
    return 0;
  }
  for (const k of set) ctx.io.stdout.write(`${k}=${stored[k]}\n`);
  if (!set.length && ctx.io.stderr.isTTY)
    ctx.io.stderr.write(`no config value is set; keys: ${Object.keys(CONFIG_KEYS).join(', ')}\n`);
  return 0;
}
