import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMockApi } from '../src/index.js';
import { get, NOW, strictMock } from './support.js';

// Gaps third-party tools found between the mock and the API docs (issue #15), each pinned here.
const mock = strictMock({ rateLimit: false });

describe('tasks status (docs: completed, cancelled or all; omit it for active)', () => {
  it('status=active is a 422 like the API, while omitting status lists the active tasks', async () => {
    const res = await get(mock, '/tasks?status=active');
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual({ status: ['The selected status is invalid.'] });
    const omitted = await get(mock, '/tasks?limit=100');
    expect(omitted.status).toBe(200);
    expect(
      omitted.json.data.every((t: { status: string }) => !['completed', 'cancelled'].includes(t.status)),
    ).toBe(true);
    for (const status of ['completed', 'cancelled', 'all']) {
      expect((await get(mock, `/tasks?status=${status}`)).status, status).toBe(200);
    }
  });

  it('the other lists still accept their documented active', async () => {
    for (const path of ['/habits?status=active', '/goals?status=active', '/focus-sessions?status=active']) {
      expect((await get(mock, path)).status, path).toBe(200);
    }
  });
});

describe('dates in years 0001–0099 are dates', () => {
  it('?from=0042-01-09 is accepted (Date.UTC would have read 1942) and 0042-02-29 is not (no leap year)', async () => {
    const habit = mock.dataset.accounts[0]!.habits[0]!.id;
    const ok = await get(mock, `/habits/${habit}/checks?from=0042-01-09&to=0099-12-31`);
    expect(ok.status).toBe(200);
    expect(ok.json.data).toEqual([]);
    expect((await get(mock, '/tasks?from=0001-01-01')).status).toBe(200);
    const bad = await get(mock, `/habits/${habit}/checks?from=0042-02-29`);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.errors)).toEqual(['from']);
  });

  it('property: every real calendar date of years 1–9999 passes, and its day + 40 does not', async () => {
    const habit = mock.dataset.accounts[0]!.habits[0]!.id;
    await fc.assert(
      fc.asyncProperty(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        async (date) => {
          const day = date.toISOString().slice(0, 10);
          expect((await get(mock, `/habits/${habit}/checks?from=${day}`)).status).toBe(200);
          const impossible = `${day.slice(0, 8)}${String(Number(day.slice(8)) + 40)}`;
          expect((await get(mock, `/habits/${habit}/checks?from=${impossible}`)).status).toBe(422);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('405 Method Not Allowed', () => {
  it('carries Allow: GET, HEAD (RFC 9110), on every door', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await mock.fetch(`${mock.baseUrl}/habits`, {
        method,
        headers: { authorization: 'Bearer mock_pro_all' },
      });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow'), method).toBe('GET, HEAD');
    }
    expect((await get(mock, '/habits')).headers.get('allow')).toBeNull();
  });
});

describe('repeated query parameters: the last value wins, as in PHP/Laravel', () => {
  it('?limit=2&limit=500 is a 422 for 500; ?limit=500&limit=2 pages by 2', async () => {
    const refused = await get(mock, '/habits?limit=2&limit=500');
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual({ limit: ['The limit field must be between 1 and 100.'] });
    const page = await get(mock, '/habits?limit=500&limit=2');
    expect(page.status).toBe(200);
    expect(page.json.data).toHaveLength(2);
    const status = await get(mock, '/habits?status=deleted&status=all');
    expect(status.status).toBe(200);
  });

  it('property: the response to a repeated limit equals the response to its last value alone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -5, max: 120 }), { minLength: 2, maxLength: 4 }),
        async (limits) => {
          const repeated = await get(mock, `/habits?status=all&${limits.map((l) => `limit=${l}`).join('&')}`);
          const last = await get(mock, `/habits?status=all&limit=${limits.at(-1)}`);
          expect(repeated.status).toBe(last.status);
          expect(repeated.text).toBe(last.text);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("the docs' example ids exist in the default demo data", () => {
  it('/habits/42 is Morning Exercise, /goals/12 a goal of the demo account, whatever the seed', async () => {
    for (const seed of [undefined, 42, 7]) {
      const demo = createMockApi({ ...(seed === undefined ? {} : { seed }), now: NOW, rateLimit: false });
      const habit = await get(demo, '/habits/42');
      expect(habit.status, `seed ${seed}`).toBe(200);
      expect(habit.json.data.name).toBe('Morning Exercise');
      const goal = await get(demo, '/goals/12');
      expect(goal.status, `seed ${seed}`).toBe(200);
      expect(goal.json.data.id).toBe(12);
      expect((await get(demo, '/habits/42/checks?limit=2')).json.data).toHaveLength(2);
      expect((await get(demo, '/goals/12/updates')).status).toBe(200);
      demo.close();
    }
  });
});
