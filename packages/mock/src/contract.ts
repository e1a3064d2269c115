import {
  ErrorBodySchema,
  FocusSessionSchema,
  GoalSchema,
  GoalUpdateSchema,
  HabitCheckSchema,
  HabitSchema,
  HabitSkipSchema,
  itemEnvelope,
  listEnvelope,
  ProfileSchema,
  TaskSchema,
} from '@loggd/sdk';

/** The response shapes the API documents, one per endpoint. */
export const RESPONSE_SCHEMAS = {
  habitList: listEnvelope(HabitSchema),
  habit: itemEnvelope(HabitSchema),
  checkList: listEnvelope(HabitCheckSchema),
  skipList: listEnvelope(HabitSkipSchema),
  taskList: listEnvelope(TaskSchema),
  task: itemEnvelope(TaskSchema),
  goalList: listEnvelope(GoalSchema),
  goal: itemEnvelope(GoalSchema),
  goalUpdateList: listEnvelope(GoalUpdateSchema),
  focusSessionList: listEnvelope(FocusSessionSchema),
  focusSession: itemEnvelope(FocusSessionSchema),
  profile: itemEnvelope(ProfileSchema),
  error: ErrorBodySchema,
} as const;
export type ResponseKind = keyof typeof RESPONSE_SCHEMAS;

/** Thrown in strict mode when the mock is about to send a body its own SDK would reject. */
export class ContractViolationError extends Error {
  constructor(
    readonly kind: ResponseKind,
    readonly violations: string[],
  ) {
    super(`Mock response violates the ${kind} contract: ${violations.join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

/** Check a payload against the SDK's schema for its kind; returns the violations as `path: message` lines. */
export function checkContract(kind: ResponseKind, payload: unknown): string[] {
  const result = RESPONSE_SCHEMAS[kind].safeParse(payload);
  if (result.success) return [];
  return result.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/** The one method the checks need from a zod schema. */
interface ItemSchema {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
}

/** Item schemas of the list and single-resource kinds (the envelope around them is built by the mock itself). */
const ITEM_SCHEMAS: Partial<Record<ResponseKind, { schema: ItemSchema; list: boolean }>> = {
  habitList: { schema: HabitSchema, list: true },
  habit: { schema: HabitSchema, list: false },
  checkList: { schema: HabitCheckSchema, list: true },
  skipList: { schema: HabitSkipSchema, list: true },
  taskList: { schema: TaskSchema, list: true },
  task: { schema: TaskSchema, list: false },
  goalList: { schema: GoalSchema, list: true },
  goal: { schema: GoalSchema, list: false },
  goalUpdateList: { schema: GoalUpdateSchema, list: true },
  focusSessionList: { schema: FocusSessionSchema, list: true },
  focusSession: { schema: FocusSessionSchema, list: false },
  profile: { schema: ProfileSchema, list: false },
};

/** Verdicts per record, keyed by identity and checked against the record's current JSON (so edits re-validate). */
const verdicts = new WeakMap<object, { json: string; violations: string[] }>();

/**
 * Verdicts by serialized record, for records rebuilt per request (a habit with today's `checked_today`): the same
 * JSON needs no second check. Bounded: cleared when it grows past a size no demo dataset reaches per schema.
 */
const verdictsByJson = new Map<ItemSchema, Map<string, string[]>>();
const MAX_JSON_VERDICTS = 50_000;

function checkItem(schema: ItemSchema, item: unknown, prefix: string) {
  const json = JSON.stringify(item);
  if (item === null || typeof item !== 'object') return { json, violations: checkWith(schema, item, prefix) };
  const cached = verdicts.get(item);
  if (cached?.json === json) return cached;
  let byJson = verdictsByJson.get(schema);
  if (!byJson) {
    byJson = new Map();
    verdictsByJson.set(schema, byJson);
  }
  let violations = byJson.get(json);
  if (!violations) {
    violations = checkWith(schema, item, '');
    if (byJson.size >= MAX_JSON_VERDICTS) byJson.clear();
    byJson.set(json, violations);
  }
  // Stored without a prefix, so the same record at another index or in another response shares the verdict.
  const verdict = {
    json,
    violations: violations.map((v) => (!prefix ? v : v.startsWith(':') ? prefix + v : `${prefix}.${v}`)),
  };
  verdicts.set(item, verdict);
  return verdict;
}

function checkWith(schema: ItemSchema, value: unknown, prefix: string): string[] {
  const result = schema.safeParse(value);
  if (result.success || !result.error) return [];
  return result.error.issues
    .slice(0, 10)
    .map((i) => `${[prefix, ...i.path.map(String)].filter((p) => p !== '').join('.')}: ${i.message}`);
}

/**
 * Serialize a payload and check it against its contract in one pass. Records unchanged since their last check
 * reuse the verdict, which keeps validation of every response cheap. The body equals `JSON.stringify(payload)`.
 */
export function serializeChecked(
  kind: ResponseKind,
  payload: unknown,
): { body: string; violations: string[] } {
  const item = ITEM_SCHEMAS[kind];
  const p = payload as Record<string, unknown> | null;
  const keys = p && typeof p === 'object' ? Object.keys(p) : [];
  if (
    item?.list &&
    keys.length === 2 &&
    keys[0] === 'data' &&
    keys[1] === 'has_more' &&
    Array.isArray(p!.data)
  ) {
    const violations: string[] = [];
    const parts = (p!.data as unknown[]).map((entry, i) => {
      const verdict = checkItem(item.schema, entry, `data.${i}`);
      if (verdict.violations.length)
        violations.push(...verdict.violations.map((v) => v.replace(/^data\.\d+/, `data.${i}`)));
      return verdict.json;
    });
    if (typeof p!.has_more !== 'boolean') violations.push('has_more: expected boolean');
    return { body: `{"data":[${parts.join(',')}],"has_more":${JSON.stringify(p!.has_more)}}`, violations };
  }
  if (item && !item.list && keys.length === 1 && keys[0] === 'data') {
    const verdict = checkItem(item.schema, p!.data, 'data');
    return { body: `{"data":${verdict.json}}`, violations: verdict.violations };
  }
  return { body: JSON.stringify(payload), violations: checkContract(kind, payload) };
}
