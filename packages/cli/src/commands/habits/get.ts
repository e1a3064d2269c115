import { render } from '../../output/render.js';
import { HABIT } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { HABIT_CELLS } from './cells.js';

/** `loggd habits get <id>` */
export async function habitsGet(ctx: CommandContext, id: number): Promise<number> {
  const habit = await (await ctx.createClient()).habits.get(id);
  await render(ctx, habit as Record<string, unknown>, { spec: HABIT, cells: HABIT_CELLS });
  return 0;
}
