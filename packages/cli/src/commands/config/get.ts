import { configKey } from '../../config/keys.js';
import { readConfig } from '../../config/store.js';
import type { CommandContext } from '../../types.js';

/** `loggd config get <key>`: the stored value, or nothing when the key is unset (exit 0, as `gh config get`). */
export async function configGet(ctx: CommandContext, name: string): Promise<number> {
  configKey(name);
  const value = (await readConfig(ctx.configDir))[name];
  if (value !== undefined) ctx.io.stdout.write(`${value}\n`);
  return 0;
}
