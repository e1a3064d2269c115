import { readFileSync } from 'node:fs';
import * as sdk from '@loggd/sdk';
import { describe, expect, it } from 'vitest';
import * as spec from '../src/resources/spec.js';
import { VERSION } from '../src/version.js';

// The CLI keeps static copies of field lists and filter values so --help never loads zod; these tests keep the
// copies honest against the SDK's schemas and constants.
const shapeKeys = (schema: unknown): string[] => {
  const s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { out?: unknown; in?: unknown } } };
  if (s.shape) return Object.keys(s.shape);
  const inner = s._zod?.def?.out ?? s._zod?.def?.in;
  return inner ? shapeKeys(inner) : [];
};

describe('static resource specs', () => {
  it('list exactly the fields of the SDK schemas', () => {
    const pairs: Array<[spec.ResourceSpec, unknown]> = [
      [spec.HABIT, sdk.HabitSchema],
      [spec.HABIT_CHECK, sdk.HabitCheckSchema],
      [spec.HABIT_SKIP, sdk.HabitSkipSchema],
      [spec.TASK, sdk.TaskSchema],
      [spec.GOAL, sdk.GoalSchema],
      [spec.GOAL_UPDATE, sdk.GoalUpdateSchema],
      [spec.FOCUS_SESSION, sdk.FocusSessionSchema],
      [spec.PROFILE, sdk.ProfileSchema],
    ];
    // The announcement-only habit fields (its streak names, filled onto the docs' ones, and total_completions)
    // pass through in JSON but get no column of their own.
    const announcementOnly = new Set<string>([
      ...sdk.HABIT_FIELD_ALIASES.map(([alias]) => alias),
      'total_completions',
    ]);
    for (const [resource, schema] of pairs) {
      expect(resource.fields).toEqual(shapeKeys(schema).filter((k) => !announcementOnly.has(k)));
      for (const c of resource.tableColumns) expect(resource.fields).toContain(c);
    }
    expect(spec.RECURRENCE_FIELDS).toEqual(shapeKeys(sdk.RecurrenceSchema));
  });

  it('accept the same filter values as the SDK', () => {
    expect(spec.HABIT_STATUS_FILTERS).toEqual([...sdk.HABIT_STATUSES, 'all']);
    expect(spec.TASK_STATUS_FILTERS).toEqual(sdk.TASK_STATUS_FILTERS);
    expect(spec.GOAL_STATUS_FILTERS).toEqual(sdk.GOAL_STATUS_FILTERS);
    expect(spec.TIME_HORIZONS).toEqual(sdk.TIME_HORIZONS);
    expect(spec.FOCUS_STATUS_FILTERS).toEqual(sdk.FOCUS_STATUS_FILTERS);
  });

  it('the version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
  });
});
