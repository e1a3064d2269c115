import type { Command } from 'commander';
import { checkRange, parseId } from '../../parse.js';
import { HABIT, HABIT_CHECK, HABIT_SKIP, HABIT_STATUS_FILTERS } from '../../resources/spec.js';
import type { ActionBinder } from '../../types.js';
import { all, fieldsHelp, from, limit, status, to } from '../flags.js';

// Declarations only: each action imports its verb's module when it runs, so `--help` stays fast.

/** `loggd habits list | get | checks | skips | pending`. */
export function registerHabitsCommands(program: Command, action: ActionBinder): void {
  const habits = program.command('habits').description('habits, their check-ins and skips');
  action(
    habits
      .command('list')
      .description('list habits')
      .addOption(status(HABIT_STATUS_FILTERS, 'active'))
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(HABIT)),
    async (ctx, _a, o) => (await import('./list.js')).habitsList(ctx, o),
  );
  action(
    habits
      .command('get')
      .description('show one habit')
      .argument('<id>', 'habit id', parseId('habit'))
      .addHelpText('after', fieldsHelp(HABIT)),
    async (ctx, [id]) => (await import('./get.js')).habitsGet(ctx, id as number),
  );
  action(
    habits
      .command('checks')
      .description('list a habit’s check-ins, newest first')
      .argument('<id>', 'habit id', parseId('habit'))
      .addOption(from())
      .addOption(to())
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(HABIT_CHECK)),
    async (ctx, [id], o) => {
      checkRange(o.from as string, o.to as string);
      return (await import('./checks.js')).habitsChecks(ctx, id as number, o);
    },
  );
  action(
    habits
      .command('skips')
      .description('list a habit’s skipped days')
      .argument('<id>', 'habit id', parseId('habit'))
      .addOption(from())
      .addOption(to())
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(HABIT_SKIP)),
    async (ctx, [id], o) => {
      checkRange(o.from as string, o.to as string);
      return (await import('./skips.js')).habitsSkips(ctx, id as number, o);
    },
  );
  action(
    habits
      .command('pending')
      .description('active habits due today and not yet checked (profile time zone); exit 10 if any')
      .addHelpText(
        'after',
        `${fieldsHelp(HABIT)}\nDue today: daily habits; custom-days habits on their days; weekly-target habits until the week\n(starting on the profile's week_start_day) has its target of checked days.\nExit status: 0 when nothing is pending, 10 when some habit is pending; errors keep their own codes\n(1 server, 4 auth, 6 network…: \`loggd help exit-codes\`), so an outage never reads as "pending".\n\nExample (crontab, 8 pm; the token comes from \`loggd auth login\`, never from the crontab line):\n  0 20 * * *  loggd habits pending >/dev/null; [ $? -eq 10 ] && notify-send 'Habits still pending'\n`,
      ),
    async (ctx) => (await import('./pending.js')).habitsPending(ctx),
  );
}
