import type { Command } from 'commander';
import { checkRange, parseId } from '../../parse.js';
import { TASK, TASK_STATUS_FILTERS } from '../../resources/spec.js';
import type { ActionBinder } from '../../types.js';
import { all, fieldsHelp, from, limit, status, to } from '../flags.js';

// Declarations only: each action imports its verb's module when it runs, so `--help` stays fast.

/** `loggd tasks list | get`. */
export function registerTasksCommands(program: Command, action: ActionBinder): void {
  const tasks = program.command('tasks').description('tasks with subtasks and tags');
  action(
    tasks
      .command('list')
      .description('list top-level tasks')
      .addOption(status(TASK_STATUS_FILTERS, 'active'))
      .addOption(from())
      .addOption(to())
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(TASK)),
    async (ctx, _a, o) => {
      checkRange(o.from as string, o.to as string);
      return (await import('./list.js')).tasksList(ctx, o);
    },
  );
  action(
    tasks
      .command('get')
      .description('show one task with its subtasks and tags')
      .argument('<id>', 'task id', parseId('task'))
      .addHelpText('after', fieldsHelp(TASK)),
    async (ctx, [id]) => (await import('./get.js')).tasksGet(ctx, id as number),
  );
}
