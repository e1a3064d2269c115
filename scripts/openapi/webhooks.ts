import type { JsonSchema, SdkModule } from './components.ts';

/** `habit.progress_changed` → `HabitProgressChangedData`: the component name of an event's `data`. */
export function dataComponentName(event: string): string {
  const pascal = event
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
  return `${pascal}Data`;
}

/** The data schema of each of the 15 events, keyed by component name. */
export function webhookDataComponents(sdk: SdkModule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [event, schema] of Object.entries(sdk.WEBHOOK_EVENT_DATA_SCHEMAS)) {
    out[dataComponentName(event)] = schema;
  }
  return out;
}

function header(name: string, description: string, schema: JsonSchema): JsonSchema {
  return { name, in: 'header', required: true, description, schema };
}

/** The top-level `webhooks` map: one signed POST per documented event, with the X-Loggd-* headers. */
export function webhooks(sdk: SdkModule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of sdk.WEBHOOK_EVENT_NAMES) {
    const info = sdk.WEBHOOK_EVENTS[name];
    const envelope = {
      type: 'object',
      properties: {
        event: { type: 'string', const: name },
        version: { type: 'integer', description: 'Envelope version, currently 1.', minimum: 1 },
        timestamp: { $ref: '#/components/schemas/DateTime' },
        data: { $ref: `#/components/schemas/${dataComponentName(name)}` },
      },
      required: ['event', 'version', 'timestamp', 'data'],
      additionalProperties: {},
    };
    out[name] = {
      post: {
        operationId: `webhook_${name.replace('.', '_')}`,
        tags: [info.category],
        summary: info.description,
        ...(info.note === undefined ? {} : { description: info.note }),
        parameters: [
          header('X-Loggd-Signature', 'HMAC-SHA256 of the raw body with the endpoint secret.', {
            type: 'string',
            pattern: '^sha256=[0-9a-f]{64}$',
          }),
          header('X-Loggd-Event', 'The event type (not signed: trust the body).', {
            type: 'string',
            const: name,
          }),
          header('X-Loggd-Delivery', 'Unique delivery id: use it as the dedup key (retries repeat it).', {
            type: 'string',
          }),
          header('User-Agent', 'Loggd-Webhook/1.0', { type: 'string' }),
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: envelope,
              example: {
                event: name,
                version: 1,
                timestamp: '2026-04-08T14:30:00+00:00',
                data: info.example,
              },
            },
          },
        },
        responses: {
          '2XX': { description: 'Delivered. Any other status (or a 30 s timeout) is retried up to 5 times.' },
        },
      },
    };
  }
  return out;
}
