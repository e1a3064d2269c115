import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createMockApi } from '@loggd/mock';
import { describe, expect, it } from 'vitest';
import { accountOf, filesOf, sha256, tempDir } from './export.support.js';
import { type BinResult, runLoggd } from './helpers/bin.js';
import { parseFrontMatter } from './helpers/front-matter.js';
import { parseDelimited } from './helpers/rfc4180.js';

// `loggd export` and `loggd sync` through the built bundle (packages/cli/dist/loggd.js, built by the suite's
// build step): what users run. Guards the bundling of node:sqlite and the lazy command modules.
const NOW = '2026-04-08T12:00:00Z';
const CONFIG = mkdtempSync(join(tmpdir(), 'loggd-export-bin-'));
const ENV = {
  PATH: process.env.PATH ?? '',
  HOME: CONFIG,
  LOGGD_CONFIG_DIR: CONFIG,
  LOGGD_KEYRING: 'off',
  LOGGD_DEMO_SEED: '42',
  LOGGD_DEMO_NOW: NOW,
};
const loggd = (args: string[]) => runLoggd(['--demo', ...args], ENV);
/** The data the demo serves: the same seed and clock, generated here. */
const account = () => accountOf(createMockApi({ seed: 42, now: NOW }));

function expectOk(r: BinResult): void {
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** A usage error: exit 2, one line on stderr naming the input, nothing on stdout. */
function expectUsage(r: BinResult, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(pattern);
  expect(
    lines.slice(1).every((l) => l.startsWith('hint: ')),
    r.stderr,
  ).toBe(true);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('loggd export / sync (built binary, --demo)', () => {
  it('exports json and csv with the demo account data and a manifest that checks out', async () => {
    const a = account();
    const [jsonDir, csvDir] = [await tempDir(), await tempDir()];
    const [json, csv] = await Promise.all([
      loggd(['export', '--out', jsonDir]),
      loggd(['--format', 'csv', 'export', '--out', csvDir, '--bom']),
    ]);
    expectOk(json);
    expect(json.stderr).toMatch(/exported to .*: \d+ files/);
    const habits = JSON.parse(await readFile(join(jsonDir, 'habits.json'), 'utf8'));
    expect(habits).toEqual(JSON.parse(JSON.stringify(a.habits)));
    const checks = JSON.parse(await readFile(join(jsonDir, 'habit_checks.json'), 'utf8'));
    expect(checks).toHaveLength([...a.checks.values()].flat().length);
    const manifest = JSON.parse(await readFile(join(jsonDir, 'manifest.json'), 'utf8'));
    const files = await filesOf(jsonDir);
    files.delete('manifest.json');
    expect(Object.keys(manifest.files).sort()).toEqual([...files.keys()].sort());
    for (const [name, bytes] of files) expect(manifest.files[name].sha256).toBe(sha256(bytes));

    expectOk(csv);
    const habitsCsv = await readFile(join(csvDir, 'habits.csv'), 'utf8');
    expect(habitsCsv.startsWith('\uFEFF')).toBe(true);
    const rows = parseDelimited(habitsCsv.slice(1), ',');
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(a.habits.map((h) => h.id));
    const days = parseDelimited((await readFile(join(csvDir, 'habit_days.csv'), 'utf8')).slice(1), ',');
    expect(days[0]).toContain('status');
    expect(days.length).toBeGreaterThan(a.habits.length);
  });

  it('exports markdown into a vault, keeping the user text, and a re-run writes nothing', async () => {
    const a = account();
    const vault = await tempDir('loggd-vault-');
    const day = [...a.checks.values()].flat()[0]!.date;
    const mine = '---\nmood: 4\n---\nMy own words.\n';
    await writeFile(join(vault, `${day}.md`), mine);
    const first = await loggd(['--format', 'markdown', 'export', '--out', vault]);
    expectOk(first);
    expect(first.stderr).toMatch(/exported (\d+) daily notes to .*: \1 written/);
    const note = await readFile(join(vault, `${day}.md`), 'utf8');
    expect(note.startsWith('---\nmood: 4\nloggd_date: ')).toBe(true);
    expect(note).toContain('---\nMy own words.\n\n<!-- loggd:start -->\n');
    expect(parseFrontMatter(note)).toMatchObject({ mood: 4, loggd_date: day });
    const again = await loggd(['export', '--format', 'markdown', '--out', vault]);
    expectOk(again);
    expect(again.stderr).toMatch(/: 0 written, \d+ already up to date/);
  });

  it('syncs into SQLite through the bundle (node:sqlite), views included', async () => {
    const a = account();
    const db = join(await tempDir('loggd-sync-'), 'demo.sqlite');
    const r = await loggd(['sync', '--db', db]);
    expectOk(r);
    expect(r.stderr).toMatch(/synced/);
    const d = new DatabaseSync(db, { readOnly: true });
    try {
      const count = (t: string) =>
        Number((d.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n);
      expect(count('habits')).toBe(a.habits.length);
      expect(count('habit_checks')).toBe([...a.checks.values()].flat().length);
      expect(count('tasks')).toBe(a.tasks.length);
      expect(count('daily_habit_completion')).toBeGreaterThan(0);
      expect(count('focus_by_week')).toBeGreaterThan(0);
    } finally {
      d.close();
    }
  });

  it('bad flags are usage errors: exit 2, one line, no stack trace', async () => {
    const out = await tempDir();
    const results = await Promise.all([
      loggd(['export']),
      loggd(['export', '--out', out, '--resources', 'habits,nope']),
      loggd(['export', '--out', out, '--note-name', '{YYYY}-{MM}']),
      loggd(['export', '--out', out, '--from', '2026-13-01']),
      loggd(['--format', 'table', 'export', '--out', out]),
      loggd(['sync', '--db', join(out, 'x.sqlite'), '--concurrency', '0']),
      loggd(['sync']),
    ]);
    const patterns = [/--out/, /--resources/, /--note-name/, /--from/, /--format/, /--concurrency/, /--db/];
    for (const [i, r] of results.entries()) expectUsage(r, patterns[i]!);
  });
});
