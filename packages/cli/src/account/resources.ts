/** The resources `--resources` chooses from; children (checks, skips, subtasks, tags, updates) follow them. */
export const RESOURCES = ['profile', 'habits', 'tasks', 'goals', 'focus_sessions'] as const;
export type Resource = (typeof RESOURCES)[number];

/** Resources a job skipped for a missing scope, with the API's message. */
export type Skipped = Partial<Record<Resource, string>>;
