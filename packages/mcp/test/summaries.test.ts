// The summaries are the CLI's report code: each must equal what `loggd --demo report … --format json` prints for
// the same demo data and clock (the built CLI binary is the oracle; `pnpm test` builds it first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connected, call, connect, NOW } from './harness.js';

const loggd = fileURLToPath(new URL('../../cli/dist/loggd.js', import.meta.url));

function cli(...args: string[]): { stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, [loggd, '--demo', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      LOGGD_DEMO_SEED: '42',
      LOGGD_DEMO_NOW: NOW,
      LOGGD_CONFIG_DIR: '/nonexistent-loggd-mcp-test',
      NO_COLOR: '1',
    },
  });
  return { stdout: r.stdout, status: r.status };
}

let c: Connected;
beforeAll(async () => {
  if (!existsSync(loggd)) throw new Error(`${loggd} is missing: run \`npx -y pnpm@12 run build\` first`);
  c = await connect();
});
afterAll(() => c.close());

describe('summaries equal the CLI’s reports', { timeout: 120_000 }, () => {
  it('weekly_review = loggd report weekly', async () => {
    const r = await call(c.client, 'weekly_review');
    expect(r.isError).toBeFalsy();
    expect(r.data).toEqual(JSON.parse(cli('report', 'weekly', '--format', 'json').stdout));
    expect(r.text).toMatch(/^Weekly review 2026-W15 \(2026-04-06 – 2026-04-12, Europe\/Bucharest/);
  });

  it('weekly_review of another week, by ISO week and by date', async () => {
    const expected = JSON.parse(cli('report', 'weekly', '--week', '2026-W10', '--format', 'json').stdout);
    expect((await call(c.client, 'weekly_review', { week: '2026-W10' })).data).toEqual(expected);
    expect((await call(c.client, 'weekly_review', { date: '2026-03-05' })).data).toEqual(expected);
  });

  it('habit_heatmap_summary = loggd report habits (all, and one habit over a range)', async () => {
    const all = await call(c.client, 'habit_heatmap_summary');
    expect(all.data).toEqual(JSON.parse(cli('report', 'habits', '--format', 'json').stdout));
    const one = await call(c.client, 'habit_heatmap_summary', {
      habit_id: 42,
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(one.data).toEqual(
      JSON.parse(
        cli(
          'report',
          'habits',
          '--habit',
          '42',
          '--from',
          '2026-01-01',
          '--to',
          '2026-03-31',
          '--format',
          'json',
        ).stdout,
      ),
    );
    expect(one.text).toMatch(/^Habits \(2026-01-01 – 2026-03-31/);
  });

  it('focus_summary = loggd report focus, by day and by week', async () => {
    expect((await call(c.client, 'focus_summary')).data).toEqual(
      JSON.parse(cli('report', 'focus', '--format', 'json').stdout),
    );
    const weeks = await call(c.client, 'focus_summary', { by: 'week', from: '2026-01-05', to: '2026-04-05' });
    expect(weeks.data).toEqual(
      JSON.parse(
        cli(
          'report',
          'focus',
          '--by',
          'week',
          '--from',
          '2026-01-05',
          '--to',
          '2026-04-05',
          '--format',
          'json',
        ).stdout,
      ),
    );
  });

  it('habits_pending_today = loggd habits pending', async () => {
    const r = await call(c.client, 'habits_pending_today');
    const pending = cli('habits', 'pending', '--format', 'json');
    const expected = JSON.parse(pending.stdout) as { id: number }[];
    expect((r.data.items as { id: number }[]).map((h) => h.id)).toEqual(expected.map((h) => h.id));
    expect(r.data).toMatchObject({
      date: '2026-04-08',
      timezone: 'Europe/Bucharest',
      count: expected.length,
    });
    expect(expected.length).toBeGreaterThan(0);
    // `habits pending` exits 10 while some habit is pending (docs/cli.md, exit codes).
    expect(pending.status).toBe(10);
  });

  it('an unknown habit in the heatmap is not_found', async () => {
    const r = await call(c.client, 'habit_heatmap_summary', { habit_id: 999_999 });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/not_found.*no habit with id 999999/);
  });
});
