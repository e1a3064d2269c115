import { componentSchemas, type JsonSchema, SchemaConverter, type SdkModule } from './components.ts';
import { type Endpoint, endpoints } from './endpoints.ts';
import {
  errorComponents,
  errorResponsesFor,
  HEADERS,
  SUCCESS_HEADERS,
  successExamples,
} from './responses.ts';
import { webhookDataComponents, webhooks } from './webhooks.ts';

function operation(endpoint: Endpoint, convert: SchemaConverter, sdk: SdkModule): JsonSchema {
  // The SDK's own envelope helpers around the item's component schema (which the converter turns into a $ref).
  const item = componentSchemas(sdk)[endpoint.item] as Parameters<SdkModule['listEnvelope']>[0];
  const body = convert.convert(endpoint.shape === 'list' ? sdk.listEnvelope(item) : sdk.itemEnvelope(item));
  const parameters: JsonSchema[] = [];
  if (endpoint.idOf !== undefined) {
    parameters.push({
      name: 'id',
      in: 'path',
      required: true,
      description: `Id of the ${endpoint.idOf}.`,
      schema: { $ref: '#/components/schemas/Id' },
    });
  }
  for (const q of endpoint.query) parameters.push({ in: 'query', required: false, ...q });
  return {
    operationId: endpoint.operationId,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: endpoint.description,
    security: [{ bearerAuth: [endpoint.scope] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    responses: {
      '200': {
        description:
          endpoint.shape === 'list'
            ? 'A page of items. `has_more` absent means false; pass the last id as `after` for the next page.'
            : 'The item.',
        headers: SUCCESS_HEADERS,
        content: { 'application/json': { schema: body, examples: successExamples(endpoint) } },
      },
      ...errorResponsesFor(endpoint),
    },
  };
}

/** The OpenAPI 3.1 document of the public API and its webhooks, generated from the SDK's zod schemas. */
export function buildOpenApiDocument(sdk: SdkModule): JsonSchema {
  const convert = new SchemaConverter({ ...componentSchemas(sdk), ...webhookDataComponents(sdk) });
  const paths: Record<string, unknown> = {};
  for (const endpoint of endpoints(sdk)) paths[endpoint.path] = { get: operation(endpoint, convert, sdk) };
  const scopes = Object.fromEntries(sdk.SCOPES.map((s) => [s, scopeDescription(s)]));
  return {
    openapi: '3.1.1',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'Loggd.life Public API',
      version: '1.1',
      summary: 'Read-only access to habits, tasks, goals, focus sessions and profile; signed webhooks.',
      description:
        'Generated from the zod schemas of @loggd/sdk by scripts/openapi.ts; do not edit by hand. Objects are open ' +
        '(new fields may appear in any v1 release). API access requires a Pro subscription.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'https://loggd.life/api/v1/public' }],
    security: [{ bearerAuth: [] }],
    tags: ['Habits', 'Tasks', 'Goals', 'Focus sessions', 'Profile'].map((name) => ({ name })),
    paths,
    webhooks: webhooks(sdk),
    components: {
      schemas: convert.components(),
      responses: errorComponents(),
      headers: HEADERS,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'API token from Settings → API (read-only; up to 5 per account; never expires). Each operation ' +
            `lists the scope it needs: ${sdk.SCOPES.join(', ')}.`,
          // OpenAPI 3.1 lets non-OAuth requirements list roles (used per operation); this names them.
          'x-scopes': scopes,
        },
      },
    },
  };
}

function scopeDescription(scope: string): string {
  const what: Record<string, string> = {
    'read:habits': 'View your habits and completion history',
    'read:tasks': 'View your tasks and their status',
    'read:goals': 'View your goals, milestones, and progress',
    'read:focus': 'View your focus session history',
    'read:profile': 'View your profile information and gamification stats',
  };
  return what[scope] ?? scope;
}

/** The file's exact text: stable key order, two-space indent, trailing newline. */
export function serializeOpenApi(document: JsonSchema): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
