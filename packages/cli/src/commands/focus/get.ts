import { render } from '../../output/render.js';
import { FOCUS_SESSION } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';

/** `loggd focus get <id>` */
export async function focusGet(ctx: CommandContext, id: number): Promise<number> {
  const session = await (await ctx.createClient()).focusSessions.get(id);
  await render(ctx, session as Record<string, unknown>, { spec: FOCUS_SESSION });
  return 0;
}
