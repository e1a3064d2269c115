import { TASK } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { runList } from '../list.js';
import { TASK_CELLS } from './cells.js';

export interface TaskListFlags {
  status?: string;
  from?: string;
  to?: string;
  limit?: number;
  all?: boolean;
}

/** `loggd tasks list` */
export async function tasksList(ctx: CommandContext, flags: TaskListFlags): Promise<number> {
  const loggd = await ctx.createClient();
  const query = {
    ...(flags.status ? { status: flags.status } : {}),
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.to ? { to: flags.to } : {}),
    ...(flags.limit ? { limit: flags.limit } : {}),
  };
  return runList(ctx, loggd.tasks.list(query as never), {
    all: flags.all,
    plural: 'tasks',
    spec: TASK,
    cells: TASK_CELLS,
  });
}
