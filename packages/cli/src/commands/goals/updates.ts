import { GOAL_UPDATE } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { runList } from '../list.js';

/** `loggd goals updates <id>` */
export async function goalsUpdates(
  ctx: CommandContext,
  id: number,
  flags: { limit?: number; all?: boolean },
): Promise<number> {
  const loggd = await ctx.createClient();
  return runList(ctx, loggd.goals.updates(id, flags.limit ? { limit: flags.limit } : {}), {
    all: flags.all,
    plural: 'updates',
    spec: GOAL_UPDATE,
  });
}
