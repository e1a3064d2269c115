import { CONFIG_KEYS } from '../../config/keys.js';
import { readConfig } from '../../config/store.js';
import type { CommandContext } from '../../types.js';

/** `loggd config list`: `key=value` per stored key (JSON: one object), in the order of the known keys. */
export async function configList(ctx: CommandContext): Promise<number> {
  const stored = await readConfig(ctx.configDir);
  const set = Object.keys(CONFIG_KEYS).filter((k) => stored[k] !== undefined);
  if (ctx.format === 'json' || ctx.format === 'ndjson') {
    ctx.io.stdout.write(`${JSON.stringify(Object.fromEntries(set.map((k) => [k, stored[k]])))}\n`);
    return 0;
  }
  for (const k of set) ctx.io.stdout.write(`${k}=${stored[k]}\n`);
  if (!set.length && ctx.io.stderr.isTTY)
    ctx.io.stderr.write(`no config value is set; keys: ${Object.keys(CONFIG_KEYS).join(', ')}\n`);
  return 0;
}
