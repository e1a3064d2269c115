import { render, type TableHelpers } from '../../output/render.js';
import { TASK } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { TASK_CELLS } from './cells.js';

type Row = Record<string, unknown>;

/** Subtasks as a checklist and tags, under a task's fields. */
function detail(row: Row, h: TableHelpers): string {
  const out: string[] = [];
  const subtasks = Array.isArray(row.subtasks) ? (row.subtasks as Row[]) : [];
  out.push('', h.chalk.bold(`SUBTASKS (${subtasks.length})`));
  if (subtasks.length === 0) out.push(h.chalk.dim('  none'));
  for (const s of subtasks) {
    const done = s.status === 'completed' || s.completed_at;
    out.push(
      `  ${done ? h.chalk.green('[x]') : '[ ]'} ${String(s.title)}${done && s.completed_at ? h.chalk.dim(`  (${h.cell('completed_at', s.completed_at)})`) : ''}`,
    );
  }
  const tags = Array.isArray(row.tags) ? (row.tags as Row[]) : [];
  out.push(
    '',
    h.chalk.bold(`TAGS (${tags.length})`),
    tags.length ? `  ${tags.map((t) => `#${String(t.name)}`).join('  ')}` : h.chalk.dim('  none'),
  );
  return `${out.join('\n')}\n`;
}

/** `loggd tasks get <id>`: the task with its subtasks and tags. */
export async function tasksGet(ctx: CommandContext, id: number): Promise<number> {
  const task = await (await ctx.createClient()).tasks.get(id);
  await render(ctx, task as Row, { spec: TASK, cells: TASK_CELLS, detail });
  return 0;
}
