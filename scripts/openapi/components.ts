import type * as Sdk from '@loggd/sdk';

/** The SDK module (built `@loggd/sdk` or its source): every schema the document is generated from. */
export type SdkModule = typeof Sdk;

/** A JSON Schema object as zod emits it (draft 2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = Record<string, unknown>;

/** Something with zod 4's `toJSONSchema` method; the scripts import no zod of their own. */
interface ZodLike {
  toJSONSchema(params?: Record<string, unknown>): JsonSchema;
}

/** Named components: reused schemas become `$ref`s instead of being inlined at every use. */
export function componentSchemas(sdk: SdkModule): Record<string, unknown> {
  return {
    Id: sdk.Id,
    DateTime: sdk.DateTime,
    Date: sdk.DateOnly,
    Tag: sdk.TagSchema,
    Habit: sdk.HabitSchema,
    HabitCheck: sdk.HabitCheckSchema,
    HabitSkip: sdk.HabitSkipSchema,
    Subtask: sdk.SubtaskSchema,
    Recurrence: sdk.RecurrenceSchema,
    Task: sdk.TaskSchema,
    Milestone: sdk.MilestoneSchema,
    Goal: sdk.GoalSchema,
    GoalUpdate: sdk.GoalUpdateSchema,
    FocusSession: sdk.FocusSessionSchema,
    Profile: sdk.ProfileSchema,
    Error: sdk.ErrorBodySchema,
  };
}

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Converts zod schemas to JSON Schema, replacing every nested occurrence of a named component with a `$ref`.
 * `io: 'output'` because the habit schemas are `z.preprocess` pipes: their output is the documented shape
 * (their input side is `unknown`, which would describe nothing).
 */
export class SchemaConverter {
  readonly #names = new Map<unknown, string>();

  constructor(components: Record<string, unknown>) {
    for (const [name, schema] of Object.entries(components)) this.#names.set(schema, name);
  }

  /** JSON Schema of `schema`; `self` is the component being defined, which must not become a ref to itself. */
  convert(schema: unknown, self?: string): JsonSchema {
    const names = this.#names;
    const json = (schema as ZodLike).toJSONSchema({
      target: 'draft-2020-12',
      io: 'output',
      override(ctx: { zodSchema: unknown; jsonSchema: JsonSchema; path: unknown[] }) {
        const name = names.get(ctx.zodSchema);
        if (name !== undefined && (ctx.path.length > 0 || name !== self)) {
          for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
          ctx.jsonSchema.$ref = `#/components/schemas/${name}`;
          return;
        }
        dropSafeIntegerBounds(ctx.jsonSchema);
      },
    });
    delete json.$schema;
    return json;
  }

  /** The `components.schemas` map. */
  components(): Record<string, JsonSchema> {
    const out: Record<string, JsonSchema> = {};
    for (const [schema, name] of this.#names) out[name] = this.convert(schema, name);
    return out;
  }
}

/** `z.number().int()` emits ±2^53−1 bounds: an artefact of JS numbers, not an API constraint. */
function dropSafeIntegerBounds(json: JsonSchema): void {
  if (json.type !== 'integer') return;
  if (json.maximum === SAFE) delete json.maximum;
  if (json.minimum === -SAFE) delete json.minimum;
}
