import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { habitDays, weekdayOf } from '../src/account/habit-days.js';
import { localDate } from '../src/time/zone.js';
import { accountOf, client, mockApi, NOW, runExport, tempDir } from './export.support.js';
import { parseDelimited } from './helpers/rfc4180.js';

type Rec = Record<string, string>;

async function csv(path: string): Promise<{ header: string[]; rows: Rec[]; raw: string }> {
  const raw = await readFile(path, 'utf8');
  const [header, ...lines] = parseDelimited(raw.replace(/^\uFEFF/, ''), ',');
  return {
    header: header!,
    rows: lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i]!]))),
    raw,
  };
}

const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('loggd export --format csv', () => {
  it('writes long-form tables equal to the mock data, RFC 4180, with local dates and real numbers', async () => {
    const mock = mockApi();
    const account = accountOf(mock);
    const zone = account.profile.timezone;
    const out = await tempDir();
    await runExport(client(mock), out, 'csv', { bom: true });

    const checks = await csv(join(out, 'habit_checks.csv'));
    expect(checks.raw.startsWith('\uFEFF')).toBe(true);
    expect(checks.raw.split('\r\n').every((l) => !l.endsWith(','))).toBe(true);
    const expected = account.habits.flatMap((h) =>
      (account.checks.get(h.id) ?? []).map((c) => ({
        id: cell(c.id),
        habit_id: cell(h.id),
        date: c.date,
        checked_at: c.checked_at,
        checked_at_local_date: localDate(c.checked_at, zone),
        source: cell(c.source),
        note: cell(c.note),
        contribution_count: cell(c.contribution_count),
      })),
    );
    expect(checks.rows).toEqual(expected);

    const subtasks = await csv(join(out, 'task_subtasks.csv'));
    expect(subtasks.rows.map((r) => [r.task_id, r.id])).toEqual(
      account.tasks.flatMap((t) => (t.subtasks ?? []).map((s) => [cell(t.id), cell(s.id)])),
    );
    const tags = await csv(join(out, 'task_tags.csv'));
    expect(tags.rows.map((r) => [r.task_id, r.tag_id, r.name])).toEqual(
      account.tasks.flatMap((t) => (t.tags ?? []).map((g) => [cell(t.id), cell(g.id), g.name])),
    );
    const updates = await csv(join(out, 'goal_updates.csv'));
    expect(updates.rows.map((r) => Number(r.metric_value))).toEqual(
      account.goals.flatMap((g) => (account.goalUpdates.get(g.id) ?? []).map((u) => u.metric_value)),
    );
    const goals = await csv(join(out, 'goals.csv'));
    expect(goals.rows.map((r) => Number(r.progress_percentage))).toEqual(
      account.goals.map((g) => g.progress_percentage),
    );
  });

  it('habit_days.csv and daily.csv agree with the raw data', async () => {
    const mock = mockApi();
    const account = accountOf(mock);
    const zone = account.profile.timezone;
    const out = await tempDir();
    await runExport(client(mock), out, 'csv');
    const days = (await csv(join(out, 'habit_days.csv'))).rows;
    const daily = (await csv(join(out, 'daily.csv'))).rows;
    const today = localDate(NOW, zone);

    for (const habit of account.habits) {
      const rows = days.filter((r) => r.habit_id === String(habit.id));
      const checkDates = new Set((account.checks.get(habit.id) ?? []).map((c) => c.date));
      // Every check day up to today is a done day; no done day without a check.
      expect(new Set(rows.filter((r) => r.status === 'done').map((r) => r.date))).toEqual(
        new Set([...checkDates].filter((d) => d <= today && rows.some((r) => r.date === d))),
      );
      expect(rows.every((r) => r.date! <= today)).toBe(true);
      if (habit.frequency === 'daily' && !habit.weekly_target) {
        expect(rows.some((r) => r.status === 'not-due')).toBe(false);
      }
    }
    const sum = (rows: Rec[], key: string) => rows.reduce((n, r) => n + Number(r[key]), 0);
    expect(sum(daily, 'habits_done')).toBe(days.filter((r) => r.status === 'done').length);
    expect(sum(daily, 'habits_due')).toBe(
      days.filter((r) => r.status === 'done' || r.status === 'missed' || r.status === 'pending').length,
    );
    // Today is never missed: the day is not over.
    expect(days.some((r) => r.date === today && r.status === 'missed')).toBe(false);
    expect(days.filter((r) => r.status === 'pending').every((r) => r.date === today)).toBe(true);
    expect(sum(daily, 'tasks_completed')).toBe(account.tasks.filter((t) => t.completed_at).length);
    expect(sum(daily, 'tasks_created')).toBe(account.tasks.length);
    const focusSeconds = account.focusSessions.reduce((n, s) => n + (s.actual_duration_seconds ?? 0), 0);
    expect(sum(daily, 'focus_minutes')).toBeCloseTo(focusSeconds / 60, 0);
    // One row per day, consecutive, ending today.
    expect(daily.at(-1)!.date).toBe(today);
    expect(new Set(daily.map((r) => r.date)).size).toBe(daily.length);
  });
});

describe('habitDays', () => {
  const date = fc
    .integer({ min: 0, max: 60 })
    .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
  const habit = fc.record({
    frequency: fc.constantFrom('daily', 'custom', 'weekly'),
    custom_days: fc.option(fc.subarray(['monday', 'wednesday', 'friday', 'sunday'], { minLength: 1 })),
    weekly_target: fc.option(fc.integer({ min: 1, max: 5 })),
  });

  it('has one row per day; checks are done, skips skipped, other days missed only when due', () => {
    fc.assert(
      fc.property(habit, fc.array(date), fc.array(date), (h, checkDates, skipDates) => {
        const rows = habitDays({
          habit: {
            ...h,
            status: 'active',
            start_date: '2026-01-01',
            created_at: '2026-01-01T00:00:00Z',
            updated_at: '2026-01-01T00:00:00Z',
          },
          checkDates,
          skipDates,
          today: '2026-03-01',
          timeZone: 'UTC',
          weekStartDay: 'monday',
        });
        expect(rows).toHaveLength(60);
        for (const r of rows) {
          expect(r.weekday).toBe(weekdayOf(r.date));
          expect(r.checks).toBe(checkDates.filter((d) => d === r.date).length);
          if (r.checks > 0) expect(r.status).toBe('done');
          else if (skipDates.includes(r.date)) expect(r.status).toBe('skipped');
          else if (h.frequency === 'daily' && !h.weekly_target && !h.custom_days)
            expect(r.status).toBe(r.date === '2026-03-01' ? 'pending' : 'missed');
          else if (!h.weekly_target && h.frequency !== 'weekly' && h.custom_days)
            expect(r.status).toBe(
              h.custom_days.includes(r.weekday)
                ? r.date === '2026-03-01'
                  ? 'pending'
                  : 'missed'
                : 'not-due',
            );
        }
      }),
    );
  });
});
