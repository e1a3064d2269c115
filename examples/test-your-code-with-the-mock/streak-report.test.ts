import { createMockApi } from '@loggd/mock';
import { describe, expect, it } from 'vitest';
import { streakReport } from './streak-report.js';

describe('streakReport against the Loggd mock', () => {
  const mock = createMockApi({ seed: 3, now: '2026-04-08T12:00:00Z', strict: true });

  it('lists active habits, longest streak first', async () => {
    const lines = await streakReport('mock_pro_all', { fetch: mock.fetch });
    const active = mock.dataset.accounts.find((a) => a.pro)!.habits.filter((h) => h.status === 'active');
    expect(lines).toHaveLength(active.length);
    expect(lines.map((l) => l.streak)).toEqual([...lines.map((l) => l.streak)].sort((a, b) => b - a));
  });

  it('sees a habit completed through the control API', async () => {
    const account = mock.dataset.accounts.find((a) => a.pro)!;
    const habit = account.habits.find((h) => h.status === 'active' && !h.checked_today)!;
    mock.control.completeHabit(habit.id);
    const line = (await streakReport('mock_pro_all', { fetch: mock.fetch })).find(
      (l) => l.name === habit.name,
    )!;
    expect(line.checkedToday).toBe(true);
  });

  it('reports API errors with their message', async () => {
    await expect(streakReport('mock_free_all', { fetch: mock.fetch })).rejects.toThrow(
      /403: API access requires/,
    );
    mock.faults.add({ fault: 'status', status: 503, times: 1 });
    await expect(streakReport('mock_pro_all', { fetch: mock.fetch })).rejects.toThrow(/503/);
  });
});
