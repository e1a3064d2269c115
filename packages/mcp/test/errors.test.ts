import { createMockApi } from '@loggd/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connected, call, connect, NOW } from './harness.js';

let c: Connected;
beforeAll(async () => {
  c = await connect();
});
afterAll(() => c.close());

describe('bad arguments are rejected with a message naming the argument and what is accepted', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['habit_checks', { habit_id: 1, from: '2026-02-30' }, /from must be a calendar date YYYY-MM-DD/],
    ['habit_checks', { habit_id: 1, to: 'yesterday' }, /to must be a calendar date YYYY-MM-DD/],
    [
      'habit_checks',
      { habit_id: 1, from: '2026-04-02', to: '2026-04-01' },
      /from 2026-04-02 is after to 2026-04-01/,
    ],
    ['habit_checks', { from: '2026-04-01' }, /habit_id/],
    ['get_habit', { id: 1.5 }, /id must be a whole number/],
    ['get_habit', { id: -3 }, /id must be a positive habit id/],
    ['get_task', { id: '7' }, /id must be the task's numeric id/],
    ['list_habits', { limit: 1000 }, /limit must be at most 200/],
    ['list_habits', { limit: 0 }, /limit must be from 1 to 200/],
    ['habit_checks', { habit_id: 1, limit: 400 }, /limit must be at most 366/],
    ['list_habits', { status: 'deleted' }, /status must be one of active, archived, all/],
    [
      'list_goals',
      { time_horizon: 'decade' },
      /time_horizon must be one of monthly, quarterly, yearly, 3_year/,
    ],
    ['weekly_review', { week: '2026-15' }, /week must be an ISO week YYYY-Www/],
    ['weekly_review', { week: '2027-W53' }, /week must be a week of that year/],
    ['weekly_review', { week: '2026-W10', date: '2026-03-03' }, /either week or date, not both/],
    ['focus_summary', { by: 'year' }, /by must be one of day, week, month/],
    ['habit_heatmap_summary', { from: '2024-01-01', to: '2026-01-01' }, /longer than 366 days/],
  ];
  it.each(cases)('%s %j', async (tool, args, message) => {
    const r = await call(c.client, tool, args);
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(message);
    expect(r.text.split('\n').length).toBeLessThanOrEqual(3);
  });

  it('an unknown id is a not_found tool error with the remedy', async () => {
    const r = await call(c.client, 'get_goal_updates', { goal_id: 999_999 });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/error \(not_found\)/);
    expect(r.text).toMatch(/remedy: .*list tool/);
  });
});

describe('API errors map to tool errors with the SDK error’s remedy', () => {
  it('missing scope names the scope', async () => {
    const habitsOnly = await connect('mock_pro_habits');
    try {
      const ok = await call(habitsOnly.client, 'list_habits');
      expect(ok.isError).toBeFalsy();
      const r = await call(habitsOnly.client, 'list_tasks');
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/error \(missing_scope\)/);
      expect(r.text).toMatch(/remedy: the token lacks the scope read:tasks/);
      const review = await call(habitsOnly.client, 'weekly_review');
      expect(review.text).toMatch(/read:profile/);
    } finally {
      await habitsOnly.close();
    }
  });

  it('Pro required says so', async () => {
    const free = await connect('mock_free_all');
    try {
      const r = await call(free.client, 'get_profile');
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/error \(requires_pro\)/);
      expect(r.text).toMatch(/needs an active Pro subscription/);
    } finally {
      await free.close();
    }
  });

  it('429 says when to retry', async () => {
    const mock = createMockApi({ seed: 42, now: NOW, rateLimit: false });
    mock.faults.add({ fault: 'rate-limit', retryAfter: 7 });
    const limited = await connect('mock_pro_all', mock);
    try {
      const r = await call(limited.client, 'list_goals');
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/error \(rate_limited\)/);
      expect(r.text).toMatch(/retry in 7 s/);
      expect(r.text).toMatch(/retry_after_seconds: 7/);
    } finally {
      await limited.close();
    }
  });

  it('an unknown token is an authentication error', async () => {
    const bad = await connect('not_a_token');
    try {
      const r = await call(bad.client, 'list_habits');
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/error \(authentication\)/);
      expect(r.text).not.toContain('not_a_token');
    } finally {
      await bad.close();
    }
  });
});
