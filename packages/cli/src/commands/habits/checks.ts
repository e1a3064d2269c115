import { HABIT_CHECK } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { runList } from '../list.js';
import { type RangeFlags, rangeQuery } from './range.js';

/** `loggd habits checks <id>` */
export async function habitsChecks(ctx: CommandContext, id: number, flags: RangeFlags): Promise<number> {
  const loggd = await ctx.createClient();
  return runList(ctx, loggd.habits.checks(id, rangeQuery(flags)), {
    all: flags.all,
    plural: 'checks',
    spec: HABIT_CHECK,
  });
}
