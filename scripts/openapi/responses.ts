import type { JsonSchema } from './components.ts';
import { type Endpoint, TO_BEFORE_FROM } from './endpoints.ts';
import { docsExamples } from './examples.ts';

const errorBody = { $ref: '#/components/schemas/Error' };

/**
 * The rate-limit headers the docs promise on every response, required, with example values: Prism (and other
 * static mocks) send the example, and without one they send 0, which a client could read as "no quota left".
 */
export const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': {
    description: 'Requests allowed in the current window (300 per minute for /api/v1/public/*).',
    required: true,
    schema: { type: 'integer', minimum: 0 },
    example: 300,
  },
  'X-RateLimit-Remaining': {
    description: 'Requests remaining before the window resets.',
    required: true,
    schema: { type: 'integer', minimum: 0 },
    example: 299,
  },
};

/** `components.headers`. */
export const HEADERS = {
  ...RATE_LIMIT_HEADERS,
  'Retry-After': {
    description: 'Seconds to wait before retrying (on 429).',
    required: true,
    schema: { type: 'integer', minimum: 0 },
    example: 42,
  },
};

const rateLimitRefs = {
  'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/X-RateLimit-Remaining' },
};

/** Envelope headers on success responses. */
export const SUCCESS_HEADERS = rateLimitRefs;

interface Example {
  summary?: string;
  value: unknown;
}

function errorResponse(
  description: string,
  examples: Record<string, Example>,
  headers: Record<string, unknown> = rateLimitRefs,
): JsonSchema {
  return {
    description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: { 'application/json': { schema: errorBody, examples } },
  };
}

// The docs give no bodies for 429 and 5xx: these are Laravel's defaults, which the mock answers too.
const TOO_MANY_ATTEMPTS = { message: 'Too Many Attempts.' };
const SERVER_ERROR = { message: 'Server Error' };

/** `components.responses`: the errors every operation shares, with the docs' example bodies. */
export function errorComponents(): Record<string, JsonSchema> {
  const docs = docsExamples().errors;
  return {
    Unauthorized: errorResponse(
      'Missing or invalid token. Check the Authorization header (a real API token, not a session cookie).',
      { unauthenticated: { value: docs['401'] } },
    ),
    TooManyRequests: errorResponse(
      'Rate limit exceeded (300 requests per minute per user). Wait for Retry-After seconds, then retry.',
      { too_many_attempts: { value: TOO_MANY_ATTEMPTS } },
      {
        // Inline rather than $ref: on a 429 the window is spent, and the example says so.
        'X-RateLimit-Limit': RATE_LIMIT_HEADERS['X-RateLimit-Limit'],
        'X-RateLimit-Remaining': { ...RATE_LIMIT_HEADERS['X-RateLimit-Remaining'], example: 0 },
        'Retry-After': { $ref: '#/components/headers/Retry-After' },
      },
    ),
    // 5XX may come from a gateway in front of the API: no rate-limit headers are promised there.
    ServerError: errorResponse(
      'Server error (500, or 502/503/504 from the infrastructure). Retry with backoff; contact support if it persists.',
      { server_error: { value: SERVER_ERROR } },
      {},
    ),
  };
}

function validation(field: string, message: string): Example {
  return { summary: `Invalid ${field}`, value: { message, errors: { [field]: [message] } } };
}

/** The 422 examples of one operation: one per kind of query input it takes. */
function validationExamples(endpoint: Endpoint): Record<string, Example> {
  const names = new Set(endpoint.query.map((q) => q.name));
  const out: Record<string, Example> = {};
  if (names.has('limit'))
    out.invalid_limit = validation('limit', 'The limit field must be between 1 and 100.');
  if (names.has('status')) out.invalid_status = validation('status', 'The selected status is invalid.');
  if (names.has('time_horizon'))
    out.invalid_time_horizon = validation('time_horizon', 'The selected time horizon is invalid.');
  if (names.has('from')) {
    out.invalid_date = validation('from', 'The from field must be a valid date in the format Y-m-d.');
    out.to_before_from = { ...validation('to', TO_BEFORE_FROM), summary: '`to` before `from`' };
  }
  return out;
}

/**
 * The error responses of one operation: 401, 403 with the operation's own missing scope, 404 (where there is an
 * id) with the resource's own text, 422 (where there is a query) with one example per input, 429 and 5XX.
 */
export function errorResponsesFor(endpoint: Endpoint): Record<string, unknown> {
  const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
  const docs = docsExamples().errors;
  const missingScope = { ...docs['403 missing_abilities'], missing_abilities: [endpoint.scope] };
  return {
    '401': ref('Unauthorized'),
    '403': errorResponse(
      `The token lacks \`${endpoint.scope}\` (\`missing_abilities\`), or the account has no Pro subscription (\`requires_pro\`).`,
      {
        missing_abilities: { summary: `Token without ${endpoint.scope}`, value: missingScope },
        requires_pro: { summary: 'Account without Pro', value: docs['403 requires_pro'] },
      },
    ),
    ...(endpoint.notFound === undefined
      ? {}
      : {
          '404': errorResponse(
            `No ${endpoint.notFound.toLowerCase()} with this id in your account (another user's ids are 404 too: existence never leaks).`,
            { not_found: { value: { message: `${endpoint.notFound} not found.` } } },
          ),
        }),
    ...(endpoint.query.length === 0
      ? {}
      : {
          '422': errorResponse(
            'Validation error: `errors` lists which inputs failed and why (the first message is repeated in `message`).',
            validationExamples(endpoint),
          ),
        }),
    '429': ref('TooManyRequests'),
    '5XX': ref('ServerError'),
  };
}

/**
 * The 200 examples of one operation: the docs' example verbatim (`docs`) and, for a list whose docs example
 * claims more pages, the same items as the last page (`last_page`) first. A static mock such as Prism serves the
 * first example to every request, so a list that always answers `has_more: true` with the same last id would
 * make any paginating client stop with a stuck-cursor error.
 */
export function successExamples(endpoint: Endpoint): Record<string, Example> {
  const example = docsExamples().responses[`GET ${endpoint.path}`];
  if (example === undefined) throw new Error(`no docs example for GET ${endpoint.path}`);
  const docs: Example = { summary: "The docs' example", value: example };
  const body = example as { data: unknown; has_more?: boolean };
  if (endpoint.shape !== 'list' || body.has_more !== true) return { docs };
  return {
    last_page: {
      summary: "The docs' items as the last page (what a static mock serves)",
      value: { ...body, has_more: false },
    },
    docs: { summary: "The docs' example: a first page, more follow", value: example },
  };
}
