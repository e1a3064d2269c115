import { HABIT_SKIP } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { runList } from '../list.js';
import { type RangeFlags, rangeQuery } from './range.js';

/** `loggd habits skips <id>` */
export async function habitsSkips(ctx: CommandContext, id: number, flags: RangeFlags): Promise<number> {
  const loggd = await ctx.createClient();
  return runList(ctx, loggd.habits.skips(id, rangeQuery(flags)), {
    all: flags.all,
    plural: 'skips',
    spec: HABIT_SKIP,
  });
}
