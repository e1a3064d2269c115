import { render, type TableHelpers } from '../../output/render.js';
import { TASK } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { runList } from '../list.js';

type Row = Record<string, unknown>;

export interface TaskListFlags {
  status?: string;
  from?: string;
  to?: string;
  limit?: number;
  all?: boolean;
}

const PRIORITY_COLORS: Record<string, 'red' | 'yellow' | 'cyan' | 'dim'> = {
  urgent: 'red',
  high: 'yellow',
  medium: 'cyan',
  low: 'dim',
};

const cells = {
  priority: (row: Row, h: TableHelpers) => {
    const p = row.priority;
    if (typeof p !== 'string') return h.cell('priority', p);
    const color = PRIORITY_COLORS[p];
    return color ? h.chalk[color](p) : p;
  },
};

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
    cells,
  });
}

/** `loggd tasks get <id>`: the task with its subtasks and tags. */
export async function tasksGet(ctx: CommandContext, id: number): Promise<number> {
  const task = await (await ctx.createClient()).tasks.get(id);
  await render(ctx, task as Row, { spec: TASK, cells, detail });
  return 0;
}
