import { NORMALISERS, OPEN_ENUMS } from './schemas/common.js';

/**
 * A fast structural pass compiled once from a zod schema: plain closures over `typeof` and the schema's own
 * regexes, about ten times cheaper than `safeParse` on a clean page. It is conservative: it says `clean` only
 * where zod would accept the value too, and the validator hands anything else to zod, whose issues (and messages)
 * are the ones reported. It also finds what zod accepts on purpose but a user should hear about: values of an
 * open enum the SDK does not know.
 */

/** A value of an open enum the SDK does not know yet (accepted, reported as a warning). */
export interface UnknownValue {
  path: PropertyKey[];
  value: string;
  known: readonly string[];
}

/** What one pass found: whether zod must look (`failed`) and the unknown open-enum values. */
export interface ShapeFindings {
  failed: boolean;
  unknown: UnknownValue[];
}

/**
 * Returns the output value (the input itself, or a copy where a normaliser filled fields in). On a mismatch it sets
 * `findings.failed` and carries on, so every unknown open-enum value is still collected.
 */
export type ShapeCheck = (value: unknown, path: PropertyKey[], findings: ShapeFindings) => unknown;

interface ZodNode {
  _zod: { def: Record<string, unknown> & { type: string }; pattern?: RegExp };
}

const compiled = new WeakMap<object, ShapeCheck | null>();

/** The compiled pass for `schema`, or null when it uses something the pass does not model (zod then does all). */
export function shapeCheckOf(schema: object): ShapeCheck | null {
  let check = compiled.get(schema);
  if (check === undefined) {
    try {
      check = compile(schema as ZodNode);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      check = null;
    }
    compiled.set(schema, check);
  }
  return check;
}

class Unsupported extends Error {}

const fail = (value: unknown, _path: PropertyKey[], findings: ShapeFindings) => {
  findings.failed = true;
  return value;
};

function compile(schema: ZodNode): ShapeCheck {
  const known = OPEN_ENUMS.get(schema);
  if (known) {
    const values = new Set(known);
    return (value, path, findings) => {
      if (typeof value !== 'string') return fail(value, path, findings);
      if (!values.has(value)) findings.unknown.push({ path: [...path], value, known });
      return value;
    };
  }
  const normalise = NORMALISERS.get(schema);
  const def = schema._zod.def;
  if (normalise) {
    const inner = compile(def.out as ZodNode);
    return (value, path, findings) => inner(normalise(value), path, findings);
  }
  switch (def.type) {
    case 'unknown':
    case 'any':
      return (value) => value;
    case 'boolean':
      return (value, path, findings) => (typeof value === 'boolean' ? value : fail(value, path, findings));
    case 'string':
      return compileString(schema);
    case 'number':
      return compileNumber(def);
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (value, path, findings) => (values.has(value) ? value : fail(value, path, findings));
    }
    case 'nullable': {
      const inner = compile(def.innerType as ZodNode);
      return (value, path, findings) => (value === null ? value : inner(value, path, findings));
    }
    case 'optional': {
      const inner = compile(def.innerType as ZodNode);
      return (value, path, findings) => (value === undefined ? value : inner(value, path, findings));
    }
    case 'array':
      return compileArray(compile(def.element as ZodNode));
    case 'record':
      return compileRecord(def);
    case 'object':
      return compileObject(def);
    default:
      throw new Unsupported(def.type);
  }
}

function compileString(schema: ZodNode): ShapeCheck {
  const def = schema._zod.def;
  if (Array.isArray(def.checks) && def.checks.length > 0) throw new Unsupported('string checks');
  if (def.format === undefined) {
    return (value, path, findings) => (typeof value === 'string' ? value : fail(value, path, findings));
  }
  const pattern = def.pattern;
  if (!(pattern instanceof RegExp)) throw new Unsupported(`string format ${String(def.format)}`);
  return (value, path, findings) =>
    typeof value === 'string' && pattern.test(value) ? value : fail(value, path, findings);
}

function compileNumber(def: Record<string, unknown>): ShapeCheck {
  const tests: Array<(n: number) => boolean> = [Number.isFinite];
  for (const check of (def.checks as ZodNode[] | undefined) ?? []) {
    const c = check._zod.def;
    if (c.check === 'number_format' && c.format === 'safeint') tests.push(Number.isSafeInteger);
    else if (c.check === 'greater_than') {
      const min = c.value as number;
      tests.push(c.inclusive ? (n) => n >= min : (n) => n > min);
    } else if (c.check === 'less_than') {
      const max = c.value as number;
      tests.push(c.inclusive ? (n) => n <= max : (n) => n < max);
    } else throw new Unsupported(`number check ${String(c.check)}`);
  }
  return (value, path, findings) => {
    if (typeof value !== 'number') return fail(value, path, findings);
    for (const test of tests) if (!test(value)) return fail(value, path, findings);
    return value;
  };
}

function compileArray(element: ShapeCheck): ShapeCheck {
  return (value, path, findings) => {
    if (!Array.isArray(value)) return fail(value, path, findings);
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const item = element(value[i], path, findings);
      path.pop();
      if (item !== value[i]) {
        out ??= value.slice();
        out[i] = item;
      }
    }
    return out ?? value;
  };
}

function compileRecord(def: Record<string, unknown>): ShapeCheck {
  if ((def.keyType as ZodNode)._zod.def.type !== 'string') throw new Unsupported('record key');
  const element = compile(def.valueType as ZodNode);
  return (value, path, findings) => {
    if (!isPlainObject(value)) return fail(value, path, findings);
    for (const key of Object.keys(value)) {
      path.push(key);
      // A normaliser inside a record is not modelled: zod produces the output then.
      if (element(value[key], path, findings) !== value[key]) findings.failed = true;
      path.pop();
    }
    return value;
  };
}

function compileObject(def: Record<string, unknown>): ShapeCheck {
  // Only loose objects: zod strips or rejects unknown keys of the others, which this pass would not mirror.
  const catchall = def.catchall as ZodNode | undefined;
  if (catchall?._zod.def.type !== 'unknown') throw new Unsupported('object without a loose catchall');
  const fields = Object.entries(def.shape as Record<string, ZodNode>).map(
    ([key, field]) => [key, compile(field)] as const,
  );
  return (value, path, findings) => {
    if (!isPlainObject(value)) return fail(value, path, findings);
    let out: Record<string, unknown> | undefined;
    for (const [key, check] of fields) {
      const field = value[key];
      path.push(key);
      const checked = check(field, path, findings);
      path.pop();
      if (checked !== field) {
        out ??= { ...value };
        out[key] = checked;
      }
    }
    return out ?? value;
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
