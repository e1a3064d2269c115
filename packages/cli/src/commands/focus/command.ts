import type { Command } from 'commander';
import { parseId } from '../../parse.js';
import { FOCUS_SESSION, FOCUS_STATUS_FILTERS } from '../../resources/spec.js';
import type { ActionBinder } from '../../types.js';
import { all, fieldsHelp, limit, status } from '../flags.js';

// Declarations only: each action imports its verb's module when it runs, so `--help` stays fast.

/** `loggd focus list | get`. */
export function registerFocusCommands(program: Command, action: ActionBinder): void {
  const focus = program.command('focus').description('focus sessions');
  action(
    focus
      .command('list')
      .description('list focus sessions')
      .addOption(status(FOCUS_STATUS_FILTERS, 'completed'))
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(FOCUS_SESSION)),
    async (ctx, _a, o) => (await import('./list.js')).focusList(ctx, o),
  );
  action(
    focus
      .command('get')
      .description('show one focus session')
      .argument('<id>', 'focus session id', parseId('focus session'))
      .addHelpText('after', fieldsHelp(FOCUS_SESSION)),
    async (ctx, [id]) => (await import('./get.js')).focusGet(ctx, id as number),
  );
}
