import { HABIT } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { runList } from '../list.js';
import { HABIT_CELLS } from './cells.js';

export interface HabitListFlags {
  status?: string;
  limit?: number;
  all?: boolean;
}

/** `loggd habits list` */
export async function habitsList(ctx: CommandContext, flags: HabitListFlags): Promise<number> {
  const loggd = await ctx.createClient();
  const query = {
    ...(flags.status ? { status: flags.status } : {}),
    ...(flags.limit ? { limit: flags.limit } : {}),
  };
  return runList(ctx, loggd.habits.list(query as never), {
    all: flags.all,
    plural: 'habits',
    spec: HABIT,
    cells: HABIT_CELLS,
  });
}
