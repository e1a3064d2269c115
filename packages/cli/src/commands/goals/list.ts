import { GOAL } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { runList } from '../list.js';
import { GOAL_CELLS } from './cells.js';

export interface GoalListFlags {
  status?: string;
  horizon?: string;
  limit?: number;
  all?: boolean;
}

/** `loggd goals list` */
export async function goalsList(ctx: CommandContext, flags: GoalListFlags): Promise<number> {
  const loggd = await ctx.createClient();
  const query = {
    ...(flags.status ? { status: flags.status } : {}),
    ...(flags.horizon ? { time_horizon: flags.horizon } : {}),
    ...(flags.limit ? { limit: flags.limit } : {}),
  };
  return runList(ctx, loggd.goals.list(query as never), {
    all: flags.all,
    plural: 'goals',
    spec: GOAL,
    cells: GOAL_CELLS,
  });
}
