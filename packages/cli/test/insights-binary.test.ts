import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type BinResult, runLoggd } from './helpers/bin.js';

// `loggd insights` as users run it: the built binary against the --demo account (its planted correlations are
// documented in docs/mock.md), seed and clock fixed.
const CONFIG = mkdtempSync(join(tmpdir(), 'loggd-insights-test-'));
const DEMO = { LOGGD_DEMO_SEED: '42', LOGGD_DEMO_NOW: '2026-04-08T12:00:00Z' };
const ENV = {
  PATH: process.env.PATH ?? '',
  HOME: CONFIG,
  LOGGD_CONFIG_DIR: CONFIG,
  LOGGD_KEYRING: 'off',
  ...DEMO,
};

afterAll(() => rmSync(CONFIG, { recursive: true, force: true }));

const loggd = (args: string[], nodeArgs: string[] = []) => runLoggd(args, ENV, nodeArgs);

function expectCleanError(r: BinResult, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  const [first, ...rest] = r.stderr.trimEnd().split('\n');
  expect(first).toMatch(/^error: /);
  expect(first).toMatch(pattern);
  for (const line of rest) expect(line).toMatch(/^hint: /);
}

// Each --demo process generates the demo account itself: generous timeouts for a loaded machine.
describe('loggd --demo insights', { timeout: 120_000 }, () => {
  it('prints at least three real findings, the planted pairs among them, and the same JSON every run', async () => {
    const [text, json, again] = await Promise.all([
      loggd(['--demo', 'insights']),
      loggd(['--demo', 'insights', '--format', 'json']),
      loggd(['--demo', 'insights', '--json']),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Insights · 2026-01-08 → 2026-04-07 \(last 90d\)\n/);
    expect(text.stdout).toMatch(/Europe\/Bucharest/);
    const findings = text.stdout.split('\n\n').find((s) => s.startsWith('Findings'))!;
    expect(findings.split('\n').filter((l) => l.startsWith('• ')).length).toBeGreaterThanOrEqual(3);
    expect(json.code, json.stderr).toBe(0);
    expect(again.stdout).toBe(json.stdout);
    const r = JSON.parse(json.stdout);
    const real = r.findings.filter((f: { kind: string }) => f.kind !== 'at_risk');
    expect(real.length).toBeGreaterThanOrEqual(3);
    const pairs = r.pairs.significant.map((p: { a: { name: string }; b: { name: string } }) =>
      [p.a.name, p.b.name].sort().join(' + '),
    );
    expect(pairs).toEqual(expect.arrayContaining(['Meditate + Morning Exercise', 'Floss + Read 20 pages']));
    for (const f of r.findings) expect(f.text).toMatch(/\.$/);
  });

  it('--format json has the documented shape', async () => {
    const r = await loggd(['--demo', 'insights', '--period', '6m', '--format', 'json', '--seed', '5']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      report: 'insights',
      range: { from: expect.any(String), to: '2026-04-07', label: 'last 6m' },
      timezone: 'Europe/Bucharest',
      week_start: expect.any(String),
      day_starts_at: '00:00',
      seed: 5,
      findings: expect.any(Array),
      limits: expect.any(Array),
      pairs: { tested: expect.any(Number), too_few_days: expect.any(Number), significant: expect.any(Array) },
      focus: {
        tested: expect.any(Number),
        since: expect.any(String),
        seed: 5,
        significant: expect.any(Array),
      },
      at_risk: expect.any(Array),
      goals: expect.any(Array),
    });
    expect(j.range.from).toBe('2025-10-08');
    const h = j.habits[0];
    expect(Object.keys(h).sort()).toEqual(
      [
        'current_streak',
        'days',
        'done',
        'id',
        'name',
        'rate',
        'rule',
        'streak_unit',
        'strength',
        'time_of_day',
        'trend',
        'weekdays',
      ].sort(),
    );
    expect(h.weekdays.weekdays).toHaveLength(7);
    expect(h.time_of_day.parts.map((p: { part: string }) => p.part)).toEqual([
      'night',
      'morning',
      'afternoon',
      'evening',
    ]);
    for (const p of j.pairs.significant) {
      expect(p.q).toBeLessThanOrEqual(0.05);
      expect(p.table.a + p.table.b + p.table.c + p.table.d).toBe(p.n);
    }
    for (const g of j.goals)
      expect([
        'ahead',
        'on_track',
        'behind',
        'projected',
        'reached',
        'uncertain',
        'stalled',
        'no_data',
      ]).toContain(g.verdict);
  });

  it('--format markdown and --habit narrow to the chosen habits', async () => {
    // Ids by name: the demo's ids are the mock's business.
    const all = JSON.parse((await loggd(['--demo', 'insights', '--json'])).stdout);
    const id = (name: string) => String(all.habits.find((h: { name: string }) => h.name === name).id);
    const r = await loggd([
      '--demo',
      'insights',
      '--format',
      'markdown',
      '--habit',
      id('Morning Exercise'),
      '--habit',
      id('Meditate'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# Insights: 2026-01-08 → 2026-04-07 \(last 90d\)\n/);
    expect(r.stdout).toMatch(/\n## Findings\n\n- /);
    expect(r.stdout).toMatch(/\| Morning Exercise \|/);
    expect(r.stdout).toMatch(/\| Meditate \|/);
    expect(r.stdout).not.toMatch(/\| Floss \|/);
    expect(r.stdout).toMatch(/1 habit pairs? and/);
  });

  it('--html writes one self-contained page atomically (no temp file left, an old file replaced whole)', async () => {
    const dir = mkdtempSync(join(CONFIG, 'html-'));
    const file = join(dir, 'insights.html');
    writeFileSync(file, 'old contents');
    const r = await loggd(['--demo', 'insights', '--html', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote ${file}`);
    expect(readdirSync(dir)).toEqual(['insights.html']);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<h2>Findings</h2><ul><li>');
    expect(html).not.toMatch(/<script/i);
    const bad = await loggd(['--demo', 'insights', '--html', join(dir, 'missing', 'x.html')]);
    expectCleanError(bad, 2, /^error: cannot write --html '.*x\.html'/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('bad input: one clean line each, exit 2', async () => {
    const [period, habit, unknown, seed] = await Promise.all([
      loggd(['--demo', 'insights', '--period', '3q']),
      loggd(['--demo', 'insights', '--habit', 'x']),
      loggd(['--demo', 'insights', '--habit', '99999']),
      loggd(['--demo', 'insights', '--seed', '-1']),
    ]);
    expectCleanError(
      period,
      2,
      /invalid --period '3q': accepted are a count of days, weeks, months or years/,
    );
    expectCleanError(habit, 2, /invalid habit id 'x'/);
    expectCleanError(unknown, 2, /unknown --habit 99999: no habit with that id/);
    expect(seed.code).toBe(2);
  });

  it('--help shows examples and loads neither the SDK, zod nor the mock', async () => {
    const hook = join(CONFIG, 'trace-resolve.mjs');
    writeFileSync(
      hook,
      `import { registerHooks } from 'node:module';
registerHooks({ resolve(s, c, next) { const r = next(s, c); process.stderr.write('RESOLVED ' + r.url + '\\n'); return r; } });`,
    );
    const r = await loggd(['insights', '--help'], ['--import', hook]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--period <span>/);
    expect(r.stdout).toMatch(/loggd insights --period 1y --habit 42 --habit 43/);
    expect(r.stderr).toMatch(/commander/);
    expect(r.stderr).not.toMatch(/packages\/(sdk|mock)\/|\/zod\/|\/msw\/|\/luxon\//);
  });
});
