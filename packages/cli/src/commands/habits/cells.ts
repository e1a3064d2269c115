import type { TableHelpers } from '../../output/render.js';

type Row = Record<string, unknown>;

/** How a habit's table shows its name (with the emoji) and streaks; shared by list, get and pending. */
export const HABIT_CELLS = {
  name: (row: Row) => (row.emoji ? `${String(row.emoji)} ${String(row.name)}` : String(row.name)),
  current_streak: (row: Row, h: TableHelpers) => {
    const n = Number(row.current_streak);
    return n > 0 ? h.chalk.yellow(`${n}d`) : h.chalk.dim('0d');
  },
  longest_streak: (row: Row) => `${Number(row.longest_streak)}d`,
};
