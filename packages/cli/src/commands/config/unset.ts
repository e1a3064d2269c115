import { configKey } from '../../config/keys.js';
import { writeConfig } from '../../config/store.js';
import type { CommandContext } from '../../types.js';

/** `loggd config unset <key>`: removes the value; unsetting an unset key is not an error. */
export async function configUnset(ctx: CommandContext, name: string): Promise<number> {
  configKey(name);
  await writeConfig(ctx.configDir, name, undefined);
  return 0;
}
