import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, registerExportCommand } from '../src/commands/export/command.js';
import { runExport } from '../src/commands/export/export.js';
import { registerSyncCommand } from '../src/commands/sync/command.js';
import { runSync } from '../src/commands/sync/sync.js';
import { resolveFormat } from '../src/output/format.js';
import type { CommandContext, GlobalOptions } from '../src/types.js';
import { client, mockApi, NOW, tempDir } from './export.support.js';
import { fakeIO } from './helpers/fake-io.js';

function ctxFor(opts: GlobalOptions = {}) {
  const mock = mockApi();
  const fake = fakeIO({ tty: false });
  const { format, source } = resolveFormat(opts, fake.io.env, false, EXPORT_FORMATS, 'export');
  const ctx: CommandContext = {
    io: fake.io,
    opts,
    format,
    formatSource: source,
    configDir: '/nonexistent',
    createClient: async () => client(mock),
    now: async () => new Date(NOW),
    timeZone: async () => 'UTC',
  };
  return { ctx, fake };
}

describe('export and sync commands', () => {
  it('export takes the global --format, prints a summary on stderr and nothing on stdout', async () => {
    const { ctx, fake } = ctxFor({ format: 'csv' });
    const out = await tempDir();
    expect(await runExport(ctx, { out, resources: ['habits'] })).toBe(0);
    expect(fake.stdout()).toBe('');
    expect(fake.stderr()).toMatch(/exported to .*: \d+ files/);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.format).toBe('csv');
    expect(Object.keys(manifest.files)).toContain('habit_days.csv');
  });

  it('rejects formats export cannot write, and an inverted range, as usage errors', async () => {
    const out = await tempDir();
    expect(() => ctxFor({ format: 'table' })).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringMatching(/accepted formats are json, ndjson/),
      }),
    );
    await expect(
      runExport(ctxFor().ctx, { out, from: '2026-02-01', to: '2026-01-01' }),
    ).rejects.toMatchObject({ exitCode: 2 });
  });

  it('sync writes the database and reports what changed', async () => {
    const { ctx, fake } = ctxFor();
    const db = join(await tempDir('loggd-sync-'), 'x.sqlite');
    expect(await runSync(ctx, { db })).toBe(0);
    expect(fake.stderr()).toMatch(/synced .*habit_checks \+\d+/);
  });

  it('declares export and sync with validated flags', async () => {
    const program = new Command().exitOverride();
    const calls: Array<Record<string, unknown>> = [];
    const bind = (cmd: Command) =>
      cmd.action((...raw: unknown[]) => {
        calls.push((raw.at(-1) as Command).opts());
      });
    registerExportCommand(program, bind);
    registerSyncCommand(program, bind);
    await program.parseAsync(['export', '--out', 'x', '--resources', 'habits,tasks', '--bom'], {
      from: 'user',
    });
    expect(calls[0]).toMatchObject({ out: 'x', resources: ['habits', 'tasks'], bom: true });
    await expect(
      program.parseAsync(['export', '--out', 'x', '--resources', 'nope'], { from: 'user' }),
    ).rejects.toMatchObject({ exitCode: 2 });
    await expect(
      program.parseAsync(['sync', '--db', 'x', '--concurrency', '0'], { from: 'user' }),
    ).rejects.toMatchObject({ exitCode: 2 });
  });
});
