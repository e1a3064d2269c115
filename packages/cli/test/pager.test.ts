import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runLoggd } from './helpers/bin.js';

// The pager through a real pseudo-terminal: `script` gives loggd a TTY on stdout, and a tiny pager (a shell
// that copies its stdin to a file) proves the table went through it. Skipped where util-linux `script` is missing.

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
const DEMO = { LOGGD_DEMO_SEED: '42', LOGGD_DEMO_NOW: '2026-04-08T12:00:00Z' };
const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

let n = 0;
function fresh(): { dir: string; env: Record<string, string>; paged: string } {
  const dir = mkdtempSync(join(tmpdir(), `loggd-pager-${n++}-`));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    LOGGD_CONFIG_DIR: join(dir, 'loggd'),
    TERM: 'xterm',
    ...DEMO,
  };
  return { dir, env, paged: join(dir, 'paged.txt') };
}

/** Runs `loggd args…` with stdout on a pseudo-terminal; resolves to what the terminal showed. */
function onTerminal(args: string[], env: Record<string, string>): Promise<{ code: number; screen: string }> {
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  return new Promise((resolve) => {
    execFile(SCRIPT!, ['-qec', command, '/dev/null'], { env }, (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, screen: stdout.replaceAll('\r\n', '\n') }),
    );
  });
}

const LIST = ['--demo', 'habits', 'list', '--limit', '3', '--color', 'never'];

describe.runIf(SCRIPT)('the pager (on a pseudo-terminal)', { timeout: 30_000 }, () => {
  it('a table on a terminal goes through LOGGD_PAGER, and only the pager shows it', async () => {
    const { env, paged } = fresh();
    const r = await onTerminal(LIST, { ...env, LOGGD_PAGER: `sh -c "cat > ${paged}"` });
    expect(r.code).toBe(0);
    const text = readFileSync(paged, 'utf8');
    expect(text).toMatch(/^ID\s+NAME\s+FREQUENCY/);
    expect(text.trimEnd().split('\n')).toHaveLength(4);
    expect(r.screen).not.toMatch(/FREQUENCY/);
  });

  it('the pager comes from config when LOGGD_PAGER is unset, and from PAGER after that', async () => {
    const a = fresh();
    expect((await runLoggd(['config', 'set', 'pager', `sh -c "cat > ${a.paged}"`], a.env)).code).toBe(0);
    expect((await onTerminal(LIST, { ...a.env, PAGER: 'false' })).code).toBe(0);
    expect(readFileSync(a.paged, 'utf8')).toMatch(/^ID\s+NAME/);
    const b = fresh();
    // A pager script on PATH: a plain command line runs without a shell.
    writeFileSync(join(b.dir, 'mypager'), `#!/bin/sh\ncat > ${b.paged}\n`, { mode: 0o755 });
    expect(
      (await onTerminal(LIST, { ...b.env, PATH: `${b.dir}:${b.env.PATH}`, PAGER: 'mypager' })).code,
    ).toBe(0);
    expect(readFileSync(b.paged, 'utf8')).toMatch(/^ID\s+NAME/);
  });

  it('--no-pager, machine formats and `cat` never page', async () => {
    const { env, paged } = fresh();
    const pagerEnv = { ...env, LOGGD_PAGER: `sh -c "cat > ${paged}"` };
    const [noPager, json, cat] = await Promise.all([
      onTerminal(['--no-pager', ...LIST], pagerEnv),
      onTerminal([...LIST, '--format', 'json'], pagerEnv),
      onTerminal(LIST, { ...env, LOGGD_PAGER: 'cat' }),
    ]);
    expect(existsSync(paged)).toBe(false);
    expect(noPager.screen).toMatch(/^ID\s+NAME\s+FREQUENCY/m);
    expect(json.screen).toMatch(/^\[/m);
    expect(cat.screen).toMatch(/^ID\s+NAME\s+FREQUENCY/m);
  });

  it('a pager that does not exist falls back to plain output, exit 0', async () => {
    const { env } = fresh();
    const [missing, viaShell] = await Promise.all([
      onTerminal(LIST, { ...env, LOGGD_PAGER: '/nonexistent/pager -R' }),
      onTerminal(LIST, { ...env, LOGGD_PAGER: 'nonexistent-pager -R 2>/dev/null' }),
    ]);
    for (const r of [missing, viaShell]) {
      expect(r.code).toBe(0);
      expect(r.screen).toMatch(/^ID\s+NAME\s+FREQUENCY/m);
    }
  });

  it('the default is less -FRX: a short table is shown and less quits by itself', async () => {
    const { env } = fresh();
    const r = await onTerminal(LIST, env);
    expect(r.code).toBe(0);
    expect(r.screen).toMatch(/ID\s+NAME\s+FREQUENCY/);
  });
});

describe('the pager on a pipe', () => {
  it('is never started, even with LOGGD_PAGER set', async () => {
    const { env, paged } = fresh();
    const r = await runLoggd([...LIST, '--format', 'table'], {
      ...env,
      LOGGD_PAGER: `sh -c "cat > ${paged}"`,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID\s+NAME/);
    expect(existsSync(paged)).toBe(false);
  });
});
