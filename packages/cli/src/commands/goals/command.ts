import { type Command, Option } from 'commander';
import { parseChoice, parseId } from '../../parse.js';
import { GOAL, GOAL_STATUS_FILTERS, GOAL_UPDATE, TIME_HORIZONS } from '../../resources/spec.js';
import type { ActionBinder } from '../../types.js';
import { all, fieldsHelp, limit, status } from '../flags.js';

// Declarations only: each action imports its verb's module when it runs, so `--help` stays fast.

/** `loggd goals list | get | updates`. */
export function registerGoalsCommands(program: Command, action: ActionBinder): void {
  const goals = program.command('goals').description('goals, milestones and metric updates');
  action(
    goals
      .command('list')
      .description('list goals')
      .addOption(status(GOAL_STATUS_FILTERS, 'active'))
      .addOption(
        new Option('--horizon <horizon>', TIME_HORIZONS.join(', ')).argParser(
          parseChoice('--horizon', TIME_HORIZONS),
        ),
      )
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(GOAL)),
    async (ctx, _a, o) => (await import('./list.js')).goalsList(ctx, o),
  );
  action(
    goals
      .command('get')
      .description('show one goal with a progress bar and milestones')
      .argument('<id>', 'goal id', parseId('goal'))
      .addHelpText('after', fieldsHelp(GOAL)),
    async (ctx, [id]) => (await import('./get.js')).goalsGet(ctx, id as number),
  );
  action(
    goals
      .command('updates')
      .description('list a goal’s metric updates, newest first')
      .argument('<id>', 'goal id', parseId('goal'))
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(GOAL_UPDATE)),
    async (ctx, [id], o) => (await import('./updates.js')).goalsUpdates(ctx, id as number, o),
  );
}
