import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateDataset } from '@loggd/mock';
import { describe, expect, it } from 'vitest';
import { run } from '../src/program.js';
import { fakeIO } from './helpers/fake-io.js';

// Goldens of every format, in a faked terminal and a faked pipe, against the in-process demo mock with a pinned
// seed and clock. Regenerate with UPDATE_GOLDEN=1 after an intended output change, and review the diff.
const DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const ENV = { LOGGD_DEMO_SEED: '42', LOGGD_DEMO_NOW: '2026-04-08T12:00:00Z' };

async function loggd(
  argv: string[],
  mode: 'tty' | 'pipe',
  extra: { color?: boolean; columns?: number } = {},
) {
  const f = fakeIO({
    tty: mode === 'tty',
    env: { ...ENV },
    color: extra.color ?? false,
    columns: extra.columns ?? 100,
  });
  const code = await run(['--demo', ...argv], f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

function golden(name: string, actual: string): void {
  const file = `${DIR}${name}`;
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, actual);
    if (!process.env.UPDATE_GOLDEN)
      throw new Error(`golden ${name} was missing and has been written: review it and rerun`);
    return;
  }
  expect(actual, `golden ${name} (UPDATE_GOLDEN=1 regenerates)`).toBe(readFileSync(file, 'utf8'));
}

describe('habits list in every format, TTY and pipe', () => {
  for (const mode of ['tty', 'pipe'] as const) {
    it(`${mode}: default format, then each --format`, async () => {
      const dflt = await loggd(['habits', 'list'], mode);
      expect(dflt.code).toBe(0);
      golden(`habits-list.default.${mode}.txt`, dflt.stdout);
      for (const format of ['table', 'json', 'ndjson', 'csv', 'tsv']) {
        const r = await loggd(['habits', 'list', '--format', format], mode);
        expect(r.code).toBe(0);
        golden(`habits-list.${format}.${mode}.txt`, r.stdout);
      }
    });
  }

  it('defaults to a table on a TTY and to TSV with a header on a pipe', async () => {
    const tty = await loggd(['habits', 'list'], 'tty');
    const pipe = await loggd(['habits', 'list'], 'pipe');
    expect(tty.stdout).toBe((await loggd(['habits', 'list', '--format', 'table'], 'tty')).stdout);
    expect(pipe.stdout).toBe((await loggd(['habits', 'list', '--format', 'tsv'], 'pipe')).stdout);
    expect(pipe.stdout.split('\n')[0]?.split('\t')[0]).toBe('id');
  });

  it('colours only when told to, and fits narrow terminals', async () => {
    const color = await loggd(['habits', 'list'], 'tty', { color: true });
    expect(color.stdout.includes('\u001b[')).toBe(true);
    golden('habits-list.table.color.tty.txt', color.stdout);
    const narrow = await loggd(['habits', 'list'], 'tty', { columns: 60 });
    for (const line of narrow.stdout.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(narrow.stdout).toContain('…');
    golden('habits-list.table.narrow.tty.txt', narrow.stdout);
  });
});

describe('detail views and other resources', () => {
  const cases: Array<[string, string[]]> = [
    ['tasks-get', ['tasks', 'get', '6']],
    ['goals-get', ['goals', 'get', '16']],
    ['goals-list', ['goals', 'list', '--status', 'all']],
    ['tasks-list', ['tasks', 'list', '--limit', '8']],
    ['focus-list', ['focus', 'list', '--limit', '5']],
    ['habit-checks', ['habits', 'checks', '42', '--from', '2026-03-01', '--limit', '5']],
    ['goal-updates', ['goals', 'updates', '16', '--limit', '5']],
    ['profile', ['profile']],
    ['habits-pending', ['habits', 'pending']],
  ];
  for (const [name, argv] of cases) {
    it(`${name}: table on a TTY, TSV on a pipe`, async () => {
      const tty = await loggd(argv, 'tty');
      const pipe = await loggd(argv, 'pipe');
      expect(tty.code).toBe(pipe.code);
      golden(`${name}.tty.txt`, tty.stdout);
      golden(`${name}.pipe.txt`, pipe.stdout);
    });
  }

  it('tasks get shows subtasks and tags; goals get shows a progress bar and milestones', async () => {
    // The first demo task with subtasks and tags (found in the demo data, so the test follows the generator).
    const demo = generateDataset({ seed: 42, now: new Date(ENV.LOGGD_DEMO_NOW) }).accounts[0]!;
    const parent = demo.tasks.find((t) => (t.subtasks?.length ?? 0) > 0 && (t.tags?.length ?? 0) > 0)!;
    const subtasks = parent.subtasks!.length;
    const task = await loggd(['tasks', 'get', String(parent.id)], 'tty');
    expect(task.stdout).toMatch(new RegExp(`SUBTASKS \\(${subtasks}\\)`));
    expect(task.stdout).toMatch(new RegExp(`TAGS \\(${parent.tags!.length}\\)`));
    const goal = await loggd(['goals', 'get', '16'], 'tty'); // the milestone goal (goal ids start at 12)
    expect(goal.stdout).toMatch(/[█░]{30} +\d+%/);
    expect(goal.stdout).toMatch(/MILESTONES \(\d\/5\)/);
  });
});

describe('stderr carries hints, not data', () => {
  it('prints the "more pages" hint only on a TTY, and never on stdout', async () => {
    const tty = await loggd(['tasks', 'list', '--limit', '3'], 'tty');
    expect(tty.stderr).toMatch(/use --all/);
    expect(tty.stdout).not.toMatch(/use --all/);
    const pipe = await loggd(['tasks', 'list', '--limit', '3'], 'pipe');
    expect(pipe.stderr).toBe('');
  });

  it('shows --all progress on a TTY only', async () => {
    const tty = await loggd(['tasks', 'list', '--status', 'all', '--all', '--format', 'json'], 'tty');
    expect(tty.stderr).toMatch(/Fetching tasks… \d+ \(\d+ pages?\)/);
    const pipe = await loggd(['tasks', 'list', '--status', 'all', '--all', '--format', 'json'], 'pipe');
    expect(pipe.stderr).toBe('');
    expect(JSON.parse(pipe.stdout)).toEqual(JSON.parse(tty.stdout));
  });
});
