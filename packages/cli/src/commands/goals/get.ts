import { progressBar } from '../../output/cells.js';
import { render, type TableHelpers } from '../../output/render.js';
import { GOAL } from '../../resources/spec.js';
import type { CommandContext } from '../../types.js';
import { GOAL_CELLS } from './cells.js';

type Row = Record<string, unknown>;

/** A goal's progress bar, metric and milestones, under its fields. */
function detail(row: Row, h: TableHelpers): string {
  const out: string[] = [
    '',
    h.chalk.bold('PROGRESS'),
    `  ${progressBar(Number(row.progress_percentage), 30, h.chalk)}`,
  ];
  if (row.tracking_type === 'metric' && row.metric_target_value !== null) {
    const unit = row.metric_unit ? ` ${String(row.metric_unit)}` : '';
    out.push(
      `  ${String(row.metric_current_value ?? row.metric_start_value ?? 0)} of ${String(row.metric_target_value)}${unit}`,
    );
  }
  const milestones = Array.isArray(row.milestones) ? [...(row.milestones as Row[])] : [];
  milestones.sort((a, b) => Number(a.order) - Number(b.order));
  const done = milestones.filter((m) => m.completed === true).length;
  out.push('', h.chalk.bold(`MILESTONES (${done}/${milestones.length})`));
  if (milestones.length === 0) out.push(h.chalk.dim('  none'));
  for (const m of milestones) {
    const when = m.completed
      ? h.cell('completed_at', m.completed_at)
      : m.target_date
        ? `due ${String(m.target_date)}`
        : '';
    out.push(
      `  ${m.completed ? h.chalk.green('[x]') : '[ ]'} ${String(m.title)}${when ? h.chalk.dim(`  (${when})`) : ''}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** `loggd goals get <id>`: the goal with a progress bar and its milestones. */
export async function goalsGet(ctx: CommandContext, id: number): Promise<number> {
  const goal = await (await ctx.createClient()).goals.get(id);
  await render(ctx, goal as Row, { spec: GOAL, cells: GOAL_CELLS, detail });
  return 0;
}
