import type { Command } from 'commander';
import { CONFIG_KEYS } from '../../config/keys.js';
import type { ActionBinder } from '../../types.js';

const KEYS_HELP = `\nKeys:\n${Object.entries(CONFIG_KEYS)
  .map(([name, k]) => `  ${name.padEnd(9)} ${k.description}\n  ${''.padEnd(9)} accepted: ${k.accepted}`)
  .join(
    '\n',
  )}\n\nStored in <config dir>/settings.json (mode 0600). Precedence: flag > environment variable > config > default.\n\nExamples:\n  $ loggd config set format json\n  $ loggd config set pager 'less -R'\n  $ loggd config get format\n  $ loggd config unset pager\n`;

/** Declares `loggd config get|set|unset|list` (gh-style defaults for flags); each action loads its verb's file. */
export function registerConfigCommands(program: Command, action: ActionBinder): void {
  const config = program
    .command('config')
    .description('get and set defaults: format, base_url, pager, timeout, color')
    .addHelpText('after', KEYS_HELP);
  action(
    config.command('get').description('print a stored value').argument('<key>', 'config key'),
    async (ctx, [key]) => (await import('./get.js')).configGet(ctx, key as string),
  );
  action(
    config
      .command('set')
      .description('store a value (checked first)')
      .argument('<key>', 'config key')
      .argument('<value>', 'value')
      .addHelpText('after', KEYS_HELP),
    async (ctx, [key, value]) => (await import('./set.js')).configSet(ctx, key as string, value as string),
  );
  action(
    config.command('unset').description('remove a stored value').argument('<key>', 'config key'),
    async (ctx, [key]) => (await import('./unset.js')).configUnset(ctx, key as string),
  );
  action(config.command('list').description('print every stored value as key=value'), async (ctx) =>
    (await import('./list.js')).configList(ctx),
  );
}
