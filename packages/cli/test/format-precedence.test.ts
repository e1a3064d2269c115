import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_FORMATS } from '../src/commands/api/command.js';
import { EXPORT_FORMATS } from '../src/commands/export/command.js';
import { REPORT_FORMATS } from '../src/commands/report/command.js';
import { STREAM_FORMATS } from '../src/commands/webhooks/command.js';
import type { CliError } from '../src/errors.js';
import {
  ALL_FORMATS,
  type FormatRule,
  LIST_FORMATS,
  type ResolvedFormat,
  resolveFormat,
} from '../src/output/format.js';
import { runLoggd } from './helpers/bin.js';

// One precedence for every command (docs/cli.md, "Output format"): flags, then LOGGD_FORMAT where the command
// prints it, then the command's terminal or pipe default. Checked on the function with every command's rule, then
// through the binary on commands of each rule.

const RULES: Record<string, FormatRule> = {
  'habits list': LIST_FORMATS,
  api: API_FORMATS,
  export: EXPORT_FORMATS,
  'report weekly': REPORT_FORMATS,
  'webhooks listen': STREAM_FORMATS,
};

type Flags = { format?: string; json?: boolean; jq?: string };

function outcome(
  flags: Flags,
  env: string | undefined,
  tty: boolean,
  command: string,
): ResolvedFormat | { error: string } {
  try {
    return resolveFormat(
      flags,
      env === undefined ? {} : { LOGGD_FORMAT: env },
      tty,
      RULES[command]!,
      command,
    );
  } catch (err) {
    expect((err as CliError).exitCode).toBe(2);
    return { error: (err as CliError).message };
  }
}

describe('resolveFormat: the precedence table', () => {
  const rows: Array<[string, Flags, string | undefined, boolean, ResolvedFormat | RegExp]> = [
    ['habits list', {}, undefined, true, { format: 'table', source: 'default' }],
    ['habits list', {}, undefined, false, { format: 'tsv', source: 'default' }],
    ['habits list', {}, 'csv', true, { format: 'csv', source: 'env' }],
    ['habits list', { json: true }, 'csv', false, { format: 'json', source: 'flag' }],
    ['habits list', { jq: '.' }, 'csv', false, { format: 'json', source: 'flag' }],
    ['habits list', { format: 'ndjson', jq: '.' }, undefined, false, { format: 'ndjson', source: 'flag' }],
    ['habits list', { format: 'tsv' }, 'csv', true, { format: 'tsv', source: 'flag' }],
    ['habits list', { format: 'csv', json: true }, undefined, false, /^--json and --format both set/],
    ['habits list', { format: 'csv', jq: '.' }, undefined, false, /^--jq filters JSON/],
    [
      'habits list',
      { format: 'markdown' },
      undefined,
      false,
      /^invalid --format 'markdown' for `loggd habits list`/,
    ],
    ['habits list', {}, 'markdown', false, { format: 'tsv', source: 'default' }],
    [
      'habits list',
      {},
      'yaml',
      false,
      /^invalid LOGGD_FORMAT 'yaml': accepted formats for `loggd habits list` are table, json, ndjson, csv, tsv$/,
    ],
    ['report weekly', {}, undefined, false, { format: 'table', source: 'default' }],
    ['report weekly', {}, 'json', false, { format: 'json', source: 'env' }],
    ['report weekly', {}, 'csv', true, { format: 'table', source: 'default' }],
    ['report weekly', { format: 'csv' }, undefined, true, /accepted formats are table, json, markdown$/],
    ['export', {}, undefined, true, { format: 'json', source: 'default' }],
    ['export', {}, 'csv', false, { format: 'csv', source: 'env' }],
    ['export', {}, 'tsv', false, { format: 'json', source: 'default' }],
    ['export', { json: true }, 'csv', false, { format: 'json', source: 'flag' }],
    [
      'export',
      { format: 'tsv' },
      undefined,
      false,
      /^invalid --format 'tsv' for `loggd export`: accepted formats are json, ndjson, csv, ics, markdown$/,
    ],
    ['api', {}, 'ndjson', false, { format: 'ndjson', source: 'env' }],
    ['api', {}, 'csv', true, { format: 'json', source: 'default' }],
    ['webhooks listen', {}, undefined, true, { format: 'table', source: 'default' }],
    ['webhooks listen', {}, undefined, false, { format: 'ndjson', source: 'default' }],
    ['webhooks listen', {}, 'json', true, { format: 'json', source: 'env' }],
  ];
  it.each(rows)('%s %o LOGGD_FORMAT=%s tty=%s', (command, flags, env, tty, expected) => {
    const got = outcome(flags, env, tty, command);
    if (expected instanceof RegExp) expect(got).toEqual({ error: expect.stringMatching(expected) });
    else expect(got).toEqual(expected);
  });
});

describe('resolveFormat: properties over every rule', () => {
  const format = fc.constantFrom(...ALL_FORMATS, 'yaml', 'md');
  const arb = fc.record({
    command: fc.constantFrom(...Object.keys(RULES)),
    flag: fc.option(format, { nil: undefined }),
    json: fc.boolean(),
    env: fc.option(fc.oneof(format, fc.constant('')), { nil: undefined }),
    tty: fc.boolean(),
  });

  it('gives a format the command prints, from the first source that applies', () => {
    fc.assert(
      fc.property(arb, ({ command, flag, json, env, tty }) => {
        const rule = RULES[command]!;
        const got = outcome({ ...(flag ? { format: flag } : {}), json }, env, tty, command);
        const accepts = (f: string) => (rule.accepts as readonly string[]).includes(f);
        let expected: unknown;
        if (flag && json) expected = { error: expect.stringMatching(/both set/) };
        else if (flag && !accepts(flag)) expected = { error: expect.stringMatching(/^invalid --format/) };
        else if (flag) expected = { format: flag, source: 'flag' };
        else if (json) expected = { format: 'json', source: 'flag' };
        else if (env && accepts(env)) expected = { format: env, source: 'env' };
        else if (env && !(ALL_FORMATS as readonly string[]).includes(env))
          expected = { error: expect.stringMatching(/^invalid LOGGD_FORMAT/) };
        else expected = { format: tty ? rule.tty : rule.pipe, source: 'default' };
        expect(got).toEqual(expected);
      }),
    );
  });

  it('never lets LOGGD_FORMAT override a flag', () => {
    fc.assert(
      fc.property(arb, ({ command, flag, env, tty }) => {
        fc.pre(flag !== undefined && (RULES[command]!.accepts as readonly string[]).includes(flag));
        expect(outcome({ format: flag }, env, tty, command)).toEqual({ format: flag, source: 'flag' });
      }),
    );
  });
});

describe('the precedence through the binary', () => {
  const BASE = { PATH: process.env.PATH ?? '', LOGGD_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'loggd-fmt-')) };
  const DEMO = { ...BASE, LOGGD_DEMO_SEED: '42', LOGGD_DEMO_NOW: '2026-04-08T12:00:00Z' };
  const events = ['webhooks', 'events'];

  it('lists: the pipe default, then LOGGD_FORMAT, then flags; a bad value is one usage line', async () => {
    const [piped, env, flag, both, typo, other] = await Promise.all([
      runLoggd(events, BASE),
      runLoggd(events, { ...BASE, LOGGD_FORMAT: 'csv' }),
      runLoggd(['--format', 'json', ...events], { ...BASE, LOGGD_FORMAT: 'csv' }),
      runLoggd(['--json', '--format', 'csv', ...events], BASE),
      runLoggd(events, { ...BASE, LOGGD_FORMAT: 'yaml' }),
      runLoggd(events, { ...BASE, LOGGD_FORMAT: 'markdown' }),
    ]);
    expect(piped.stdout).toMatch(/^name\tcategory\tdescription\tnote\n/);
    expect(env.stdout).toMatch(/^name,category,description,note\r\n/);
    expect(JSON.parse(flag.stdout)).toHaveLength(15);
    expect([both.code, both.stderr.split('\n')[0]]).toEqual([
      2,
      'error: --json and --format both set the output format: give one of them',
    ]);
    expect([typo.code, typo.stderr.split('\n')[0]]).toEqual([
      2,
      "error: invalid LOGGD_FORMAT 'yaml': accepted formats for `loggd webhooks events` are table, json, ndjson, csv, tsv",
    ]);
    // A format loggd knows but lists do not print is skipped: the pipe default.
    expect(other.stdout).toBe(piped.stdout);
  }, 30_000);

  it('report and export honour LOGGD_FORMAT where they print it and skip it where they do not', async () => {
    const out = mkdtempSync(join(tmpdir(), 'loggd-fmt-export-'));
    const [reportJson, reportCsv, exported, api] = await Promise.all([
      runLoggd(['--demo', 'report', 'goals'], { ...DEMO, LOGGD_FORMAT: 'json' }),
      runLoggd(['--demo', 'report', 'goals'], { ...DEMO, LOGGD_FORMAT: 'csv' }),
      runLoggd(['--demo', 'export', '--out', out, '--resources', 'profile'], {
        ...DEMO,
        LOGGD_FORMAT: 'ndjson',
      }),
      runLoggd(['--demo', 'api', '/habits'], { ...DEMO, LOGGD_FORMAT: 'ndjson' }),
    ]);
    expect(reportJson.code).toBe(0);
    expect(JSON.parse(reportJson.stdout)).toBeTypeOf('object');
    expect(reportCsv.code).toBe(0);
    expect(() => JSON.parse(reportCsv.stdout)).toThrow();
    expect(exported.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).format).toBe('ndjson');
    expect(api.code).toBe(0);
    for (const line of api.stdout.trimEnd().split('\n')) expect(JSON.parse(line)).toHaveProperty('id');
  }, 60_000);
});
