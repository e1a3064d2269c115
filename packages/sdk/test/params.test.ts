import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FOCUS_STATUS_FILTERS,
  GOAL_STATUS_FILTERS,
  HABIT_STATUS_FILTERS,
  InvalidRequestError,
  isCalendarDate,
  Loggd,
  TASK_STATUS_FILTERS,
  TIME_HORIZONS,
} from '../src/index.js';
import { type FixtureServer, startFixtureServer } from './support/fixture-server.js';

let server: FixtureServer;
let loggd: Loggd;
beforeAll(async () => {
  server = await startFixtureServer(() => ({ body: { data: [], has_more: false } }));
  loggd = new Loggd({ token: 't', baseUrl: server.baseUrl, rateLimit: false });
});
afterAll(() => server.close());

/** Runs a call expected to be rejected before any request and returns the error. */
async function rejectedUnsent(call: () => PromiseLike<unknown>): Promise<InvalidRequestError> {
  const before = server.requests.length;
  const error = await Promise.resolve()
    .then(call)
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(server.requests.length).toBe(before);
  expect(error).toBeInstanceOf(InvalidRequestError);
  const e = error as InvalidRequestError;
  expect(e.code).toBe('invalid_request');
  expect(e.message).not.toContain('\n');
  return e;
}

/** An independent oracle for real calendar dates, via the proleptic Gregorian leap rule. */
function realDate(y: number, m: number, d: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]!;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('parameter validation properties', () => {
  it('limit: only integers 1–100 are sent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double(), fc.string()),
        async (limit) => {
          const valid = typeof limit === 'number' && Number.isInteger(limit) && limit >= 1 && limit <= 100;
          const call = () => loggd.habits.list({ limit: limit as number });
          if (valid) {
            await call();
            expect(server.requests.at(-1)!.query.get('limit')).toBe(String(limit));
          } else {
            const e = await rejectedUnsent(call);
            expect(e.param).toBe('limit');
            expect(e.message).toMatch(/^Invalid limit: .*\. Expected an integer from 1 to 100\.$/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('dates: YYYY-MM-DD naming a real calendar day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          expect(isCalendarDate(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)).toBe(realDate(y, m, d));
        },
      ),
      // Year 0 is a leap year; Date.UTC would read it as 1900, which is not.
      {
        numRuns: 2000,
        examples: [
          [0, 2, 29],
          [1900, 2, 29],
          [2000, 2, 29],
          [2026, 2, 30],
        ],
      },
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) expect(isCalendarDate(s)).toBe(false);
      }),
    );
  });

  it('from must not be after to', async () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(day, day, async (from, to) => {
        const call = () => loggd.tasks.list({ from, to });
        if (from <= to) {
          await call();
          expect(Object.fromEntries(server.requests.at(-1)!.query)).toEqual({ from, to });
        } else {
          expect((await rejectedUnsent(call)).message).toContain(`from ${from} is after to ${to}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('ids: positive integers only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double(), fc.string()), async (id) => {
        const valid = typeof id === 'number' && Number.isInteger(id) && id > 0;
        if (valid) return;
        for (const call of [
          () => loggd.habits.get(id as number),
          () => loggd.habits.checks(id as number),
          () => loggd.goals.updates(id as number),
          () => loggd.tasks.get(id as number),
        ]) {
          expect((await rejectedUnsent(call)).param).toBe('id');
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('documented value sets', () => {
  const sets = [
    ['habits.list status', HABIT_STATUS_FILTERS, (v: string) => loggd.habits.list({ status: v as never })],
    ['tasks.list status', TASK_STATUS_FILTERS, (v: string) => loggd.tasks.list({ status: v as never })],
    ['goals.list status', GOAL_STATUS_FILTERS, (v: string) => loggd.goals.list({ status: v as never })],
    ['goals.list time_horizon', TIME_HORIZONS, (v: string) => loggd.goals.list({ time_horizon: v as never })],
    [
      'focusSessions.list status',
      FOCUS_STATUS_FILTERS,
      (v: string) => loggd.focusSessions.list({ status: v as never }),
    ],
  ] as const;

  it.each(sets)('%s accepts exactly its documented values', async (_name, values, call) => {
    for (const value of values) await call(value);
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((s) => !(values as readonly string[]).includes(s)),
        async (value) => {
          const e = await rejectedUnsent(() => call(value));
          expect(e.message).toContain(`Expected one of: ${values.join(', ')}.`);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('unknown parameters are rejected naming the accepted ones', async () => {
    const e = await rejectedUnsent(() => loggd.habits.list({ priority: 'high' } as never));
    expect(e.param).toBe('priority');
    expect(e.message).toBe('Unknown parameter "priority" for habits.list. Accepted: status, limit.');
  });

  it('after must be a positive integer', async () => {
    expect((await rejectedUnsent(() => loggd.habits.list({}, { after: 0 }))).param).toBe('after');
  });
});
