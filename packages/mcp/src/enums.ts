// The API's filter values, repeated here rather than imported from @loggd/sdk: importing the SDK would load it
// (and every schema) before the first `tools/list` answer, which needs only these lists. test/enums.test.ts
// checks they equal the SDK's.

export const HABIT_STATUS_FILTERS = ['active', 'archived', 'all'] as const;
export const TASK_STATUS_FILTERS = ['active', 'completed', 'cancelled', 'all'] as const;
export const GOAL_STATUS_FILTERS = ['active', 'completed', 'paused', 'abandoned', 'all'] as const;
export const TIME_HORIZONS = ['monthly', 'quarterly', 'yearly', '3_year'] as const;
export const FOCUS_STATUS_FILTERS = ['completed', 'active', 'cancelled', 'paused', 'all'] as const;
