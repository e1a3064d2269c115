import type { JsonSchema } from './components.ts';

const errorBody = { $ref: '#/components/schemas/Error' };

/** The rate-limit headers the docs promise on every response. */
export const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': {
    description: 'Requests allowed in the current window (300 per minute for /api/v1/public/*).',
    schema: { type: 'integer' },
  },
  'X-RateLimit-Remaining': {
    description: 'Requests remaining before the window resets.',
    schema: { type: 'integer' },
  },
};

const rateLimitRefs = {
  'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/X-RateLimit-Remaining' },
};

function errorResponse(
  description: string,
  examples: Record<string, unknown>,
  extraHeaders = {},
): JsonSchema {
  const named = Object.fromEntries(Object.entries(examples).map(([k, value]) => [k, { value }]));
  const media =
    Object.keys(named).length > 0 ? { schema: errorBody, examples: named } : { schema: errorBody };
  return {
    description,
    headers: { ...rateLimitRefs, ...extraHeaders },
    content: { 'application/json': media },
  };
}

/** `components.responses`: the documented errors, with the docs' example bodies. */
export const ERROR_RESPONSES: Record<string, JsonSchema> = {
  Unauthorized: errorResponse(
    'Missing or invalid token. Check the Authorization header (a real API token, not a session cookie).',
    {
      unauthenticated: {
        message: 'Authentication required. Include a valid API token in the Authorization header.',
      },
    },
  ),
  Forbidden: errorResponse(
    'Pro subscription required (`requires_pro`) or the token lacks the scope (`missing_abilities`).',
    {
      requires_pro: { message: 'API access requires an active Pro subscription.', requires_pro: true },
      missing_abilities: {
        message: 'Your API token is missing the required scope for this endpoint.',
        missing_abilities: ['read:habits'],
      },
    },
  ),
  NotFound: errorResponse(
    "The id doesn't exist or belongs to another user (existence is never leaked across users).",
    { not_found: { message: 'Habit not found.' } },
  ),
  // The docs give no example body for 422, 429 and 500: the schema alone describes them.
  ValidationFailed: errorResponse('Validation error: `errors` lists which inputs failed and why.', {}),
  TooManyRequests: errorResponse(
    'Rate limit exceeded. Wait for Retry-After seconds, then retry.',
    {},
    {
      'Retry-After': { $ref: '#/components/headers/Retry-After' },
    },
  ),
  ServerError: errorResponse('Server error. Retry with backoff; contact support if it persists.', {}),
};

/** `components.headers`. */
export const HEADERS = {
  ...RATE_LIMIT_HEADERS,
  'Retry-After': {
    description: 'Seconds to wait before retrying (on 429).',
    schema: { type: 'integer', minimum: 0 },
  },
};

/** The error responses of one operation: 404 only where there is an id, 422 only where there is a query. */
export function errorResponsesFor(hasId: boolean, hasQuery: boolean): Record<string, unknown> {
  const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
  return {
    '401': ref('Unauthorized'),
    '403': ref('Forbidden'),
    ...(hasId ? { '404': ref('NotFound') } : {}),
    ...(hasQuery ? { '422': ref('ValidationFailed') } : {}),
    '429': ref('TooManyRequests'),
    '500': ref('ServerError'),
  };
}

/** Envelope headers on success responses. */
export const SUCCESS_HEADERS = rateLimitRefs;
