type Row = Record<string, unknown>;

const TRENDS: Record<string, string> = { up: '↑', down: '↓', neutral: '→' };

/** A goal's trend as an arrow; shared by list and get. */
export const GOAL_CELLS = {
  trend: (row: Row) => `${TRENDS[String(row.trend)] ?? ''} ${String(row.trend)}`.trim(),
};
