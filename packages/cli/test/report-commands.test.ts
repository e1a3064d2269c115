import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockApi } from '@loggd/mock';
import { Loggd } from '@loggd/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../src/commands/report/command.js';
import { type ReportFlags, type ReportKind, runReport } from '../src/commands/report/report.js';
import { resolveFormat } from '../src/output/format.js';
import { displayWidth } from '../src/output/width.js';
import { dayOf, isoOf } from '../src/report/compute/calendar.js';
import { habitFigures } from '../src/report/compute/habits.js';
import { loadReportData } from '../src/report/load.js';
import { localDayOfInstant } from '../src/time/zone.js';
import type { CommandContext, GlobalOptions } from '../src/types.js';
import { fakeIO } from './helpers/fake-io.js';

// The mock's demo account at a fixed clock (reports end where its history ends), without rate limits: its
// frozen clock would never free the window for the many reports run here.
const NOW = '2026-04-08T12:00:00Z';
const mock = createMockApi({ seed: 7, now: NOW, rateLimit: false });
const loggd = new Loggd({
  token: 'mock_pro_all',
  fetch: mock.fetch,
  baseUrl: mock.baseUrl,
  rateLimit: false,
});

function fakeContext(io: CommandContext['io'], opts: GlobalOptions): CommandContext {
  const { format, source } = resolveFormat(opts, io.env, Boolean(io.stdout.isTTY), REPORT_FORMATS, 'report');
  return {
    io,
    opts,
    format,
    formatSource: source,
    configDir: '/nonexistent',
    createClient: async () => loggd,
    timeZone: async () => 'UTC',
  };
}

async function report(
  kind: ReportKind,
  flags: ReportFlags = {},
  options: { format?: 'json' | 'csv'; columns?: number; color?: boolean; tty?: boolean } = {},
) {
  const f = fakeIO({
    tty: options.tty ?? true,
    columns: options.columns ?? 100,
    color: options.color ?? false,
  });
  const ctx = fakeContext(f.io, options.format ? { format: options.format as 'json' } : {});
  const code = await runReport(ctx, kind, flags, () => Date.parse(NOW));
  return { code, out: f.stdout(), err: f.stderr() };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'loggd-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('reports on the demo account', () => {
  it('recomputes every habit’s streaks as the API reports them', async () => {
    const profile = await loggd.profile.get();
    const today = localDayOfInstant(Date.parse(NOW), profile.timezone);
    const data = await loadReportData(loggd, { habits: true }, { to: isoOf(today) });
    expect(data.habits.length).toBeGreaterThan(3);
    const weekStart = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].indexOf(
      profile.week_start_day,
    );
    for (const h of data.habits) {
      const f = habitFigures(
        h,
        data.checks.get(h.id)!,
        data.skips.get(h.id)!,
        { from: today - 6, to: today },
        today,
        weekStart,
      );
      const api = h as typeof h & { current_streak: number; longest_streak: number };
      expect([h.id, f.current_streak, f.longest_streak]).toEqual([
        h.id,
        api.current_streak,
        api.longest_streak,
      ]);
    }
  });

  it('weekly: header with range, zone and week start; rows fit the width; no colour codes without colour', async () => {
    const { code, out } = await report('weekly', {}, { columns: 80 });
    expect(code).toBe(0);
    expect(out).toContain('Weekly review · 2026-04-06 → 2026-04-12 (2026-W15)');
    // The zone line wraps at 80 columns: join it back before matching.
    expect(out.replaceAll('\n', ' ')).toMatch(
      /Europe\/Bucharest \(UTC\+03:00\) · weeks start monday · days start 00:00 · as of 2026-04-08/,
    );
    expect(out).not.toContain('\u001b[');
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(out).toMatch(/[✓✗–!]/);
    expect(out).toContain('vs last week');
  });

  it('weekly --format json: stable fields whose totals agree with the rows', async () => {
    const { out } = await report('weekly', { week: '2026-W14' }, { format: 'json' });
    const json = JSON.parse(out);
    expect(json.report).toBe('weekly');
    expect(json.range).toEqual({ from: '2026-03-30', to: '2026-04-05', label: '2026-W14' });
    expect(json.week_start).toBe('monday');
    const done = json.habits.reduce((s: number, h: { done: number }) => s + h.done, 0);
    expect(json.summary.habits_done).toBe(done);
    const focus = json.focus.days.reduce((s: number, d: { seconds: number }) => s + d.seconds, 0);
    expect(json.summary.focus_seconds).toBeCloseTo(focus, 6);
    expect(json.focus.days).toHaveLength(7);
    for (const h of json.habits) expect(h.marks).toMatch(/^[dsmronbf]{7}$/);
  });

  it('monthly, habits, focus, tasks and goals render in every format', async () => {
    for (const kind of ['monthly', 'habits', 'focus', 'tasks', 'goals'] as const) {
      const text = await report(kind, { explain: true });
      expect(text.code).toBe(0);
      expect(text.out).toContain('How these figures are computed');
      const md = await report(kind, { markdown: true });
      expect(md.out.startsWith('# ')).toBe(true);
      const json = JSON.parse((await report(kind, {}, { format: 'json' })).out);
      expect(json.report).toBe(kind);
      expect(json.timezone).toBe('Europe/Bucharest');
    }
  });

  it('habits: a 7-row heatmap with a legend, and week start from the profile', async () => {
    const { out } = await report('habits', { from: '2026-01-05', to: '2026-04-08' });
    const lines = out.split('\n');
    const rows = lines.filter((l) => /^ {2}(Mo|Tu|We|Th|Fr|Sa|Su) /.test(l));
    expect(rows.slice(0, 7).map((l) => l.slice(2, 4))).toEqual(['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su']);
    expect(out).toMatch(/less · ░ ▒ ▓ █ more/);
    expect(out).toContain('Jan');
  });

  it('focus --by week with --day-starts-at keeps the total within the range', async () => {
    const day = await report(
      'focus',
      { by: 'week', from: '2026-03-02', to: '2026-03-29' },
      { format: 'json' },
    );
    const json = JSON.parse(day.out);
    expect(json.buckets).toHaveLength(4);
    const sum = json.buckets.reduce((s: number, b: { seconds: number }) => s + b.seconds, 0);
    expect(sum).toBeCloseTo(json.total_seconds, 6);
    const owl = JSON.parse(
      (
        await report(
          'focus',
          { by: 'week', from: '2026-03-02', to: '2026-03-29', dayStartsAt: 240 },
          { format: 'json' },
        )
      ).out,
    );
    expect(owl.day_starts_at).toBe('04:00');
  });

  it('writes a self-contained HTML file atomically', async () => {
    const file = join(dir, 'weekly.html');
    const { code, out, err } = await report('weekly', { html: file });
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain(`wrote ${file}`);
    const html = await readFile(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
  });

  it('rejects bad input with one line naming it', async () => {
    await expect(report('weekly', {}, { format: 'csv' })).rejects.toThrow(
      /accepted formats are table, json, markdown/,
    );
    await expect(report('habits', { habit: 999_999 })).rejects.toThrow(/no habit 999999/);
  });
});

describe('dates in tests', () => {
  it('uses calendar-day helpers', () => {
    expect(isoOf(dayOf('2026-04-08'))).toBe('2026-04-08');
  });
});

describe('command declarations', () => {
  async function parse(argv: string[]) {
    const { Command } = await import('commander');
    const { registerReportCommands } = await import('../src/commands/report/command.js');
    const program = new Command('loggd').exitOverride();
    const seen: { opts?: Record<string, unknown>; name?: string } = {};
    registerReportCommands(program, (cmd, _handler) =>
      cmd.exitOverride().action((...raw: unknown[]) => {
        const self = raw.at(-1) as import('commander').Command;
        seen.opts = self.opts();
        seen.name = self.name();
      }),
    );
    await program.parseAsync(argv, { from: 'user' });
    return seen;
  }

  it('parses every report’s flags into the values the command expects', async () => {
    expect(
      await parse(['report', 'weekly', '--week', '2026-W15', '--day-starts-at', '04:30', '--explain']),
    ).toEqual({
      name: 'weekly',
      opts: { week: '2026-W15', dayStartsAt: 270, explain: true },
    });
    expect((await parse(['report', 'focus', '--by', 'month', '--from', '2026-01-01'])).opts).toEqual({
      by: 'month',
      from: '2026-01-01',
    });
    expect((await parse(['report', 'habits', '--habit', '42'])).opts).toEqual({ habit: 42 });
  });

  it('rejects bad flags before any request, naming the input and what is accepted', async () => {
    await expect(parse(['report', 'weekly', '--week', '2026-W54'])).rejects.toThrow(
      /invalid --week '2026-W54'.*YYYY-Www/,
    );
    await expect(parse(['report', 'monthly', '--month', '2026-13'])).rejects.toThrow(/invalid --month/);
    await expect(parse(['report', 'weekly', '--day-starts-at', '24:00'])).rejects.toThrow(/00:00 to 23:59/);
    await expect(parse(['report', 'tasks', '--by', 'day'])).rejects.toThrow(
      /accepted values are week, month/,
    );
    await expect(parse(['report', 'habits', '--from', '2026-02-30'])).rejects.toThrow(/calendar date/);
  });
});
