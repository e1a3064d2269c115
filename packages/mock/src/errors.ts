/** The documented error bodies, verbatim (docs: "Example error payloads"). */
export const UNAUTHENTICATED = {
  message: 'Authentication required. Include a valid API token in the Authorization header.',
} as const;

export const REQUIRES_PRO = {
  message: 'API access requires an active Pro subscription.',
  requires_pro: true,
} as const;

/** 403 for a token lacking the endpoint's scope. */
export function missingAbilities(scope: string) {
  return {
    message: 'Your API token is missing the required scope for this endpoint.',
    missing_abilities: [scope],
  };
}

/** The resource names used in 404 messages ("Habit not found."). */
export const RESOURCE_NAMES = {
  habits: 'Habit',
  tasks: 'Task',
  goals: 'Goal',
  focusSessions: 'Focus session',
} as const;

export const TOO_MANY_ATTEMPTS = { message: 'Too Many Attempts.' } as const;
export const SERVER_ERROR = { message: 'Server Error' } as const;
