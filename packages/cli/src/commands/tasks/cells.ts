import type { TableHelpers } from '../../output/render.js';

type Row = Record<string, unknown>;

const PRIORITY_COLORS: Record<string, 'red' | 'yellow' | 'cyan' | 'dim'> = {
  urgent: 'red',
  high: 'yellow',
  medium: 'cyan',
  low: 'dim',
};

/** A task's priority in its colour; shared by list and get. */
export const TASK_CELLS = {
  priority: (row: Row, h: TableHelpers) => {
    const p = row.priority;
    if (typeof p !== 'string') return h.cell('priority', p);
    const color = PRIORITY_COLORS[p];
    return color ? h.chalk[color](p) : p;
  },
};
