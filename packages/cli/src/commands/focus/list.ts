import { FOCUS_SESSION } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { runList } from '../list.js';

/** `loggd focus list` */
export async function focusList(
  ctx: CommandContext,
  flags: { status?: string; limit?: number; all?: boolean },
): Promise<number> {
  const loggd = await ctx.createClient();
  const query = {
    ...(flags.status ? { status: flags.status } : {}),
    ...(flags.limit ? { limit: flags.limit } : {}),
  };
  return runList(ctx, loggd.focusSessions.list(query as never), {
    all: flags.all,
    plural: 'focus sessions',
    spec: FOCUS_SESSION,
  });
}
