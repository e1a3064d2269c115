import { configKey } from '../../config/keys.js';
import { writeConfig } from '../../config/store.js';
import type { CommandContext } from '../../types.js';

/** `loggd config set <key> <value>`: checks the value, then stores it (settings.json, 0600, atomic). */
export async function configSet(ctx: CommandContext, name: string, value: string): Promise<number> {
  const stored = configKey(name).check(value);
  await writeConfig(ctx.configDir, name, stored);
  return 0;
}
