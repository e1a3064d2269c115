import type { Command } from 'commander';
import { PROFILE } from '../../resources/spec.js';
import type { ActionBinder } from '../../types.js';
import { fieldsHelp } from '../flags.js';

// Declaration only: the action imports profile.ts when it runs, so `--help` stays fast.

/** `loggd profile`. */
export function registerProfileCommand(program: Command, action: ActionBinder): void {
  action(
    program
      .command('profile')
      .description('your profile and gamification stats')
      .addHelpText('after', fieldsHelp(PROFILE)),
    async (ctx) => (await import('./profile.js')).profileGet(ctx),
  );
}
