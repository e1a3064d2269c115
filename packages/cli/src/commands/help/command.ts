import type { Command } from 'commander';
import { usageError } from '../../errors.js';
import { HELP_TOPICS } from '../../help-topics.js';
import type { ActionBinder } from '../../types.js';

/** `loggd help [topic | command…]`: a topic's text, else the help of the command path. Registered last. */
export function registerHelpCommand(program: Command, action: ActionBinder): void {
  action(
    program
      .command('help')
      .description('help on a command or topic: exit-codes, environment, formatting')
      .argument('[topic...]', 'command path or topic'),
    async (ctx, [topic]) => {
      const words = (topic as string[] | undefined) ?? [];
      const key = words.join(' ');
      const text = HELP_TOPICS[key];
      if (text) {
        ctx.io.stdout.write(text());
        return 0;
      }
      let cmd: Command = program;
      for (const w of words) {
        const next = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
        if (!next)
          throw usageError(
            `unknown help topic '${key}': accepted are a command or ${Object.keys(HELP_TOPICS).join(', ')}`,
            'run `loggd --help`',
          );
        cmd = next;
      }
      cmd.outputHelp(); // through configureOutput: the injected stdout, with the fields section
      return 0;
    },
  );
}
