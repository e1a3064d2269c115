import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runLoggd } from './helpers/bin.js';

// Dynamic completion through the real binary: `loggd __complete <words…>` prints the candidates for the last
// word, and the bash script (`loggd completion bash`) feeds bash's COMPREPLY from it.

const HOME = mkdtempSync(join(tmpdir(), 'loggd-complete-'));
const CONFIG = join(HOME, 'loggd');
const ENV = { PATH: process.env.PATH ?? '', HOME, LOGGD_CONFIG_DIR: CONFIG, LOGGD_KEYRING: 'off' };

beforeAll(() => {
  // Two stored profiles (names only: completion never reads a token).
  mkdirSync(CONFIG, { recursive: true, mode: 0o700 });
  writeFileSync(
    join(CONFIG, 'settings.json'),
    JSON.stringify({
      activeProfile: 'work',
      profiles: { work: { storage: 'file' }, personal: { storage: 'keyring' } },
    }),
    { mode: 0o600 },
  );
});

const complete = async (...words: string[]) => {
  const r = await runLoggd(['__complete', ...words], ENV);
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
};

describe('loggd __complete', { timeout: 30_000 }, () => {
  it.each([
    [
      ['--profile', ''],
      ['personal', 'work'],
    ],
    [['habits', 'list', '--profile', 'w'], ['work']],
    [
      ['auth', 'switch', ''],
      ['personal', 'work'],
    ],
    [
      ['tasks', 'list', '--status', ''],
      ['active', 'completed', 'cancelled', 'all'],
    ],
    [
      ['goals', 'list', '--horizon', ''],
      ['monthly', 'quarterly', 'yearly', '3_year'],
    ],
    [
      ['habits', 'list', '--format', ''],
      ['table', 'json', 'ndjson', 'csv', 'tsv'],
    ],
    [
      ['report', 'weekly', '--format', ''],
      ['table', 'json', 'markdown'],
    ],
    [['export', '-F', 'i'], ['ics']],
    [['habits', 'list', '--format=n'], ['--format=ndjson']],
    [['habits', 'list', '--format', '=', 'c'], ['csv']],
    [
      ['--color', ''],
      ['auto', 'always', 'never'],
    ],
    [
      ['report', 'focus', '--by', ''],
      ['day', 'week', 'month'],
    ],
    [
      ['report', 'tasks', '--by', ''],
      ['week', 'month'],
    ],
    [
      ['completion', ''],
      ['bash', 'zsh', 'fish'],
    ],
    [
      ['config', 'set', ''],
      ['format', 'base_url', 'pager', 'timeout', 'color'],
    ],
    [['config', 'set', 'format', 'n'], ['ndjson']],
    [['ha'], ['habits']],
    [['habits', 'p'], ['pending']],
    [['habits', 'list', '--st'], ['--status']],
    [['tasks', 'list', '--status', 'all', '--li'], ['--limit']],
  ])('%j → %j', async (words, expected) => {
    expect(await complete(...words)).toEqual(expected);
  });

  it('an empty word offers the subcommands and the options; hidden commands never show', async () => {
    const top = await complete('');
    expect(top).toEqual(expect.arrayContaining(['habits', 'config', 'auth', '--format', '--no-pager']));
    expect(top).not.toContain('__complete');
    expect(await complete('habits', '')).toEqual(expect.arrayContaining(['list', 'pending', '--format']));
  });

  it('nothing to offer prints nothing and still exits 0 (a completion never errors into the prompt)', async () => {
    expect(await complete('tasks', 'list', '--from', '')).toEqual([]);
    expect(await complete('habits', 'nope', '--bogus', 'x')).toEqual([]);
  });
});

describe('loggd completion bash, in bash', { timeout: 30_000 }, () => {
  let hasBash = true;
  try {
    execFileSync('bash', ['-c', 'true']);
  } catch {
    hasBash = false;
  }

  it.runIf(hasBash)(
    'completes profiles, enum values and `--format=` through `loggd __complete`',
    async () => {
      const script = join(HOME, 'loggd.bash');
      writeFileSync(script, (await runLoggd(['completion', 'bash'], ENV)).stdout);
      const bin = join(HOME, 'bin');
      mkdirSync(bin, { recursive: true });
      writeFileSync(join(bin, 'loggd'), `#!/bin/sh\nexec ${process.execPath} ${BIN} "$@"\n`, { mode: 0o755 });
      const reply = (words: string[]) =>
        execFileSync(
          'bash',
          [
            '-c',
            `source ${script}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _loggd; printf '%s\\n' "\${COMPREPLY[@]}"`,
          ],
          { env: { ...ENV, PATH: `${bin}:${ENV.PATH}` } },
        )
          .toString()
          .split('\n')
          .filter(Boolean);
      expect(reply(['loggd', '--profile', ''])).toEqual(['personal', 'work']);
      expect(reply(['loggd', 'focus', 'list', '--status', 'c'])).toEqual(['completed', 'cancelled']);
      // bash splits `--format=cs` at '=': the script passes the pieces, __complete joins them.
      expect(reply(['loggd', 'tasks', 'list', '--format', '=', 'cs'])).toEqual(['csv']);
    },
  );

  it('zsh and fish scripts call the same command', async () => {
    for (const shell of ['zsh', 'fish']) {
      const r = await runLoggd(['completion', shell], ENV);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/ __complete /);
    }
  });
});
