import { usageError } from '../errors.js';

/** One `--set path=value`: the path within the event's data, the value parsed. */
export interface Override {
  /** As given, for messages. */
  raw: string;
  /** Keys within `data` (a leading `data.` is dropped). */
  path: string[];
  value: unknown;
}

/**
 * Parses `--set` values: `data.habit_id=7` or `habit_id=7`; the value is JSON when it parses (`7`, `true`, `null`,
 * `"7"`, `{"a":1}`), else the text itself.
 */
export function parseOverrides(values: readonly string[]): Override[] {
  return values.map((raw) => {
    const eq = raw.indexOf('=');
    const key = eq > 0 ? raw.slice(0, eq) : '';
    const path = key.replace(/^data\./, '').split('.');
    if (eq <= 0 || path.some((p) => p === '')) {
      throw usageError(
        `invalid --set '${raw}': accepted is path=value`,
        'e.g. --set data.streak=30 or --set habit_name="Evening run"',
      );
    }
    return { raw, path, value: parseValue(raw.slice(eq + 1)) };
  });
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Every settable path of an example (leaves and objects), as `data.a.b`. */
export function settablePaths(data: unknown, prefix = 'data'): string[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(data as Record<string, unknown>).flatMap(([key, value]) => {
    const path = `${prefix}.${key}`;
    return [path, ...settablePaths(value, path)];
  });
}

function hasPath(data: unknown, path: readonly string[]): boolean {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, key))
      return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Checks every override against the examples of the events being sent: a path must exist in at least one of
 * them (stripe ignores unknown paths silently; a typo here would send the example unchanged). Usage error
 * (exit 2) listing the valid paths otherwise.
 */
export function checkOverrides(
  overrides: readonly Override[],
  examples: ReadonlyArray<readonly [string, unknown]>,
): void {
  for (const o of overrides) {
    if (examples.some(([, data]) => hasPath(data, o.path))) continue;
    const valid = [...new Set(examples.flatMap(([, data]) => settablePaths(data)))];
    const which = examples.length === 1 ? examples[0]![0] : 'any of the events';
    throw usageError(
      `unknown path '${o.raw.slice(0, o.raw.indexOf('='))}' in --set for ${which}: valid paths are ${valid.join(', ')}`,
      'see the example data with `loggd webhooks events <event>`',
    );
  }
}

/** A copy of `data` with the overrides whose path exists in it applied. */
export function applyOverrides(data: unknown, overrides: readonly Override[]): Record<string, unknown> {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const o of overrides) {
    if (!hasPath(copy, o.path)) continue;
    let node = copy;
    for (const key of o.path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[o.path.at(-1)!] = o.value;
  }
  return copy;
}
