import { render } from '../../output/render.js';
import { PROFILE } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';

/** `loggd profile` */
export async function profileGet(ctx: CommandContext): Promise<number> {
  const profile = await (await ctx.createClient()).profile.get();
  await render(ctx, profile as Record<string, unknown>, { spec: PROFILE });
  return 0;
}
