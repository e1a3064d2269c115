import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FocusSessionSchema,
  GoalSchema,
  HabitSchema,
  Loggd,
  ProfileSchema,
  ResponseValidationError,
  TaskSchema,
  type ValidationMode,
  type ValidationWarning,
} from '../src/index.js';
import { fixture } from './support/fixture-server.js';

// What the default `warn` mode reports and what it lets through: absence of a field one documented example omits
// is not drift; a present field of the wrong type, an unknown closed-enum value, a missing id is. The client gets
// its responses from an injected fetch, so each case is one body in, one parsed value and its warnings out.

const ANNOUNCEMENT_LIST = fixture('announcement-habits-list') as { data: Record<string, unknown>[] };
const DOCS_HABIT = fixture('habits-get').data as Record<string, unknown>;
const DOCS_GOAL = fixture('goals-get').data as Record<string, unknown>;

function clientServing(body: unknown, validation: ValidationMode = 'warn') {
  const warnings: ValidationWarning[] = [];
  const loggd = new Loggd({
    token: 'tok_abcdef',
    baseUrl: 'http://api.test/api/v1/public',
    rateLimit: false,
    maxRetries: 0,
    validation,
    onWarning: (w) => warnings.push(w),
    fetch: async () =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
  });
  return { loggd, warnings };
}

describe("the announcement's short habit", () => {
  it('parses in warn mode with no warning, the docs names filled from the announcement names', async () => {
    const { loggd, warnings } = clientServing(ANNOUNCEMENT_LIST);
    const habits = await loggd.habits.list().toArray();
    expect(warnings).toEqual([]);
    const [sent] = ANNOUNCEMENT_LIST.data;
    expect(habits).toEqual([
      { ...sent, current_streak: sent?.streak_current, longest_streak: sent?.streak_longest },
    ]);
  });

  it('parses in strict mode too', async () => {
    const { loggd } = clientServing(ANNOUNCEMENT_LIST, 'strict');
    const [habit] = await loggd.habits.list().toArray();
    expect(habit?.current_streak).toBe(ANNOUNCEMENT_LIST.data[0]?.streak_current);
  });
});

describe('what still warns', () => {
  const wrongTyped = {
    data: [1, 2, 3].map((id) => ({ ...ANNOUNCEMENT_LIST.data[0], id, total_completions: 'many' })),
  };

  it('a wrong-typed field: one warning naming the endpoint and the field, data as sent', async () => {
    const { loggd, warnings } = clientServing(wrongTyped);
    const habits = await loggd.habits.list().toArray();
    await loggd.habits.list().toArray();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.route).toBe('/habits');
    expect(warnings[0]?.issues).toHaveLength(1);
    expect(warnings[0]?.issues[0]).toMatch(/^total_completions: .*expected number/);
    expect(warnings[0]?.message).toContain('/habits');
    expect(warnings[0]?.message).toContain('total_completions');
    expect(habits.map((h) => h.total_completions)).toEqual(['many', 'many', 'many']);
  });

  it('strict mode throws ResponseValidationError naming the path and the field', async () => {
    const { loggd } = clientServing(wrongTyped, 'strict');
    const error = await loggd.habits
      .list()
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).path).toMatch(/^\/habits\b/);
    expect((error as ResponseValidationError).issues).toEqual([
      expect.stringMatching(/^total_completions: .*expected number/),
    ]);
  });

  it('a missing id warns in warn mode and throws in strict mode', async () => {
    const { id: _id, ...noId } = DOCS_HABIT;
    const warned = clientServing({ data: noId });
    await warned.loggd.habits.get(42);
    expect(warned.warnings.map((w) => w.issues)).toEqual([[expect.stringMatching(/^id: /)]]);
    const strict = clientServing({ data: noId }, 'strict');
    await expect(strict.loggd.habits.get(42)).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it('an unknown value of a closed enum (habit status) warns', async () => {
    const { loggd, warnings } = clientServing({ data: { ...DOCS_HABIT, status: 'paused' } });
    expect((await loggd.habits.get(42)).status).toBe('paused');
    expect(warnings.map((w) => w.issues)).toEqual([[expect.stringMatching(/^status: /)]]);
  });
});

describe('open enums: Habit.frequency and Goal.tracking_type accept new values', () => {
  it.each(['warn', 'strict'] as const)('%s mode: a new frequency parses, with one warning', async (mode) => {
    const { loggd, warnings } = clientServing({ data: [{ ...DOCS_HABIT, frequency: 'fortnightly' }] }, mode);
    const [habit] = await loggd.habits.list().toArray();
    expect(habit?.frequency).toBe('fortnightly');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.route).toBe('/habits');
    expect(warnings[0]?.issues).toEqual([expect.stringMatching(/^frequency: value "fortnightly" .*daily/)]);
  });

  it.each(['warn', 'strict'] as const)(
    '%s mode: a new tracking_type parses, with one warning',
    async (mode) => {
      const { loggd, warnings } = clientServing(
        { data: { ...DOCS_GOAL, tracking_type: 'habit_based' } },
        mode,
      );
      expect((await loggd.goals.get(1)).tracking_type).toBe('habit_based');
      expect(warnings.map((w) => w.issues)).toEqual([
        [expect.stringMatching(/^tracking_type: value "habit_based"/)],
      ]);
    },
  );

  it('a new value that also comes with a wrong-typed field is reported with it, in one warning', async () => {
    const { loggd, warnings } = clientServing({
      data: { ...DOCS_HABIT, frequency: 'hourly', display_order: '1' },
    });
    await loggd.habits.get(42);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.issues).toEqual([
      expect.stringMatching(/^display_order: /),
      expect.stringMatching(/^frequency: value "hourly"/),
    ]);
  });

  it('a known value raises nothing; a non-string still warns', async () => {
    const known = clientServing({ data: { ...DOCS_HABIT, frequency: 'weekly' } });
    await known.loggd.habits.get(42);
    expect(known.warnings).toEqual([]);
    const wrong = clientServing({ data: { ...DOCS_HABIT, frequency: 7 } });
    await wrong.loggd.habits.get(42);
    expect(wrong.warnings.map((w) => w.issues)).toEqual([
      [expect.stringMatching(/^frequency: .*expected string/)],
    ]);
  });
});

describe('habit alias fields are normalised per field', () => {
  // Each streak field arrives under the docs name, the announcement name, both (docs wins), or neither.
  const naming = fc.constantFrom('docs', 'alias', 'both') as fc.Arbitrary<'docs' | 'alias' | 'both'>;
  const optionalFields = Object.keys(DOCS_HABIT).filter(
    (k) =>
      ![
        'id',
        'name',
        'frequency',
        'tracking_mode',
        'current_streak',
        'longest_streak',
        'created_at',
      ].includes(k),
  );

  it('property: each docs name holds its own value or its alias, whatever else the habit holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        naming,
        naming,
        fc.subarray(optionalFields),
        fc.nat(1000),
        fc.nat(1000),
        fc.boolean(),
        async (currentAs, longestAs, dropped, current, longest, broken) => {
          const habit: Record<string, unknown> = { ...DOCS_HABIT };
          for (const field of dropped) delete habit[field];
          delete habit.current_streak;
          delete habit.longest_streak;
          if (currentAs !== 'alias') habit.current_streak = current;
          if (currentAs !== 'docs') habit.streak_current = currentAs === 'both' ? current + 1 : current;
          if (longestAs !== 'alias') habit.longest_streak = longest;
          if (longestAs !== 'docs') habit.streak_longest = longestAs === 'both' ? longest + 1 : longest;
          // A wrong-typed field elsewhere must not stop the normalisation (warn mode returns the data as sent).
          if (broken) habit.name = 42;
          const { loggd, warnings } = clientServing({ data: habit });
          const got = await loggd.habits.get(1);
          expect(got.current_streak).toBe(current);
          expect(got.longest_streak).toBe(longest);
          expect(got).toMatchObject(
            Object.fromEntries(Object.entries(habit).filter(([k]) => !k.endsWith('_streak'))),
          );
          expect(warnings.length).toBe(broken ? 1 : 0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('off mode returns the body untouched (no checks, no alignment), as documented', async () => {
    const { loggd, warnings } = clientServing(ANNOUNCEMENT_LIST, 'off');
    expect(await loggd.habits.list().toArray()).toEqual(ANNOUNCEMENT_LIST.data);
    expect(warnings).toEqual([]);
  });
});

describe('the fast structural pass agrees with zod', () => {
  // Strict mode throws exactly when zod rejects: the pass in front of zod may never let through what zod refuses,
  // nor refuse what zod accepts. Mutations set one field (or one nested field) to a value of another kind.
  const odd = fc.constantFrom<unknown>(
    null,
    undefined,
    'x',
    '',
    1,
    0,
    -1,
    1.5,
    true,
    [],
    {},
    '2026-04-08',
    '2026-04-08T07:15:00+00:00',
    '2026-02-30',
    '2026-04-08T07:15:00',
    'daily',
    'active',
    [{ id: 1, name: 't', color: null }],
    { id: 1 },
  );
  const cases = [
    ['habits', HabitSchema, DOCS_HABIT, (l: Loggd) => l.habits.get(1)],
    ['goals', GoalSchema, DOCS_GOAL, (l: Loggd) => l.goals.get(1)],
    ['tasks', TaskSchema, fixture('tasks-get').data, (l: Loggd) => l.tasks.get(1)],
    ['focus', FocusSessionSchema, fixture('focus-sessions-get').data, (l: Loggd) => l.focusSessions.get(1)],
    ['profile', ProfileSchema, fixture('profile-get').data, (l: Loggd) => l.profile.get()],
  ] as const;

  it.each(cases)(
    'property (%s): strict mode throws exactly when zod rejects',
    async (_name, schema, base, get) => {
      const record = base as Record<string, unknown>;
      const paths = Object.keys(record).flatMap((k) => {
        const v = record[k];
        const nested =
          Array.isArray(v) && v[0] && typeof v[0] === 'object' ? Object.keys(v[0]).map((n) => [k, 0, n]) : [];
        return [[k], ...nested];
      });
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), odd, async (path, value) => {
          const mutated = structuredClone(record);
          let at: Record<string | number, unknown> = mutated;
          for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
          const last = path.at(-1) as string;
          if (value === undefined) delete at[last];
          else at[last] = value;
          const { loggd } = clientServing({ data: mutated }, 'strict');
          const thrown = await get(loggd).then(
            () => false,
            (e: unknown) => e instanceof ResponseValidationError,
          );
          expect(thrown).toBe(!schema.safeParse(mutated).success);
        }),
        { numRuns: 120 },
      );
    },
  );
});
