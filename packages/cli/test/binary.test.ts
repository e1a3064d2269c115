import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMockApi, type RunningMockServer, startMockServer } from '@loggd/mock';
import { Loggd } from '@loggd/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HABIT, TASK } from '../src/resources/spec.js';
import { BIN, type BinResult, runLoggd } from './helpers/bin.js';
import { parseDelimited } from './helpers/rfc4180.js';

// The built binary as a subprocess (process.execPath = the project's Node), against the in-process demo mock
// (--demo) and a standalone mock started here. Assertions are grouped: each subprocess costs ~100 ms+.
const CONFIG = mkdtempSync(join(tmpdir(), 'loggd-cli-test-'));
const DEMO = { LOGGD_DEMO_SEED: '42', LOGGD_DEMO_NOW: '2026-04-08T12:00:00Z' };
const BASE_ENV = {
  PATH: process.env.PATH ?? '',
  HOME: CONFIG,
  LOGGD_CONFIG_DIR: CONFIG,
  LOGGD_KEYRING: 'off',
};

type Result = BinResult;

function loggd(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Result> {
  return runLoggd(args, { ...BASE_ENV, ...env }, nodeArgs);
}

/** One line naming the input, hints after it, and no stack trace. */
function expectCleanError(r: Result, code: number, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  const [first, ...rest] = r.stderr.trimEnd().split('\n');
  expect(first).toMatch(/^error: /);
  expect(first).toMatch(pattern);
  for (const line of rest) expect(line).toMatch(/^hint: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const demoClient = () => {
  const mock = createMockApi({ seed: 42, now: '2026-04-08T12:00:00Z' });
  return new Loggd({ token: 'mock_pro_all', fetch: mock.fetch, baseUrl: mock.baseUrl });
};

let server: RunningMockServer;
/** Env for the standalone mock: it generates its data once, where each --demo process generates its own. */
let HTTP: Record<string, string>;

afterAll(() => server?.close());

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 42, now: '2026-04-08T12:00:00Z' });
  HTTP = { LOGGD_TOKEN: 'mock_pro_all', LOGGD_BASE_URL: server.baseUrl };
  if (!existsSync(BIN)) {
    execFileSync('npx', ['-y', 'pnpm@12', '--filter', '@loggd/cli', 'run', 'build'], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: 'ignore',
    });
  }
});

describe('startup stays light', () => {
  it('--version and --help load neither the SDK, zod nor the mock', async () => {
    const hook = join(CONFIG, 'trace-resolve.mjs');
    writeFileSync(
      hook,
      `import { registerHooks } from 'node:module';
registerHooks({ resolve(s, c, next) { const r = next(s, c); process.stderr.write('RESOLVED ' + r.url + '\\n'); return r; } });`,
    );
    const [version, help, list] = await Promise.all([
      loggd(['--version'], {}, ['--import', hook]),
      loggd(['--help'], {}, ['--import', hook]),
      loggd(['--demo', 'profile', '--json'], DEMO, ['--import', hook]),
    ]);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe('0.1.0\n');
    expect(help.code).toBe(0);
    for (const cmd of [
      'habits',
      'tasks',
      'goals',
      'focus',
      'profile',
      'api',
      'auth',
      'mock',
      'completion',
      'help',
    ]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    }
    // The SDK, zod and ky are bundled into a lazy chunk of dist/: find it by its contents so the check does not
    // depend on chunk names.
    const dist = join(BIN, '..');
    const sdkChunks = readdirSync(dist).filter((f) =>
      readFileSync(join(dist, f), 'utf8').includes('LoggdApiError=class extends LoggdError'),
    );
    expect(sdkChunks.length).toBeGreaterThan(0);
    const heavy = new RegExp(
      [
        String.raw`packages\/(sdk|mock)\/`,
        String.raw`\/zod\/`,
        String.raw`\/msw\/`,
        ...sdkChunks.map((f) => f.replace('.', '\\.')),
      ].join('|'),
    );
    expect(version.stderr).not.toMatch(/commander/);
    expect(version.stderr).not.toMatch(heavy);
    expect(help.stderr).toMatch(/commander/);
    expect(help.stderr).not.toMatch(heavy);
    // The tracer does see them when a command needs them.
    expect(list.stderr).toMatch(heavy);
  });
});

describe('--demo: every read command and format against the SDK’s own data', () => {
  // Three tests of at most six `loggd` processes each, not one of fourteen: on a loaded two-core machine fourteen
  // concurrent Node start-ups alone took most of the 30 s budget (the requests are the same on main and here).
  const ndjson = (s: string) =>
    s
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  // CSV: each cell = the value by the documented flattening rule.
  const cell = (v: unknown): string =>
    v === null || v === undefined
      ? ''
      : Array.isArray(v)
        ? v.map((x) => (typeof x === 'object' ? (x.name ?? x.title) : String(x))).join(';')
        : String(v);

  it('single items: JSON equals the API data (--demo and HTTP), --fields picks, CSV one row', async () => {
    const sdk = demoClient();
    const [habits, task, goal, focus, profile, h1] = await Promise.all([
      sdk.habits.list(),
      sdk.tasks.get(6),
      sdk.goals.get(16),
      sdk.focusSessions.list({ status: 'all', limit: 7 }),
      sdk.profile.get(),
      sdk.habits.get(42) as Promise<Record<string, unknown>>,
    ]);
    const runs = await Promise.all([
      loggd(['--demo', 'habits', 'list', '--json'], DEMO),
      loggd(['--demo', 'tasks', 'get', '6', '--format', 'json'], DEMO),
      loggd(['goals', 'get', '16', '--json'], HTTP),
      loggd(['profile', '--json'], HTTP),
      loggd(['focus', 'get', String(focus.data[0]?.id), '--json', '--fields', 'id,title,tags'], HTTP),
      loggd(['habits', 'get', '42', '--format', 'csv', '--no-headers', '--fields', 'name,custom_days'], HTTP),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [jHabits, jTask, jGoal, jProfile, jFocusOne, csvOne] = runs.map((r) => r.stdout) as string[];
    expect(JSON.parse(jHabits as string)).toEqual(habits.data);
    expect(JSON.parse(jTask as string)).toEqual(task);
    expect(JSON.parse(jGoal as string)).toEqual(goal);
    expect(JSON.parse(jProfile as string)).toEqual(profile);
    const f0 = focus.data[0] as Record<string, unknown>;
    expect(JSON.parse(jFocusOne as string)).toEqual({ id: f0.id, title: f0.title, tags: f0.tags });
    expect(parseDelimited(csvOne as string, ',')).toEqual([[String(h1.name), cell(h1.custom_days)]]);
  });

  it('lists: JSON equals the API data, NDJSON one object per line', async () => {
    const sdk = demoClient();
    const [allTasks, goals, focus, checks, skips, updates] = await Promise.all([
      sdk.tasks.list({ status: 'all' }).toArray({ max: Number.POSITIVE_INFINITY }),
      sdk.goals.list({ status: 'all', time_horizon: 'yearly' }),
      sdk.focusSessions.list({ status: 'all', limit: 7 }),
      sdk.habits.checks(42, { from: '2026-03-01', to: '2026-03-31' }),
      sdk.habits.skips(42),
      sdk.goals.updates(13, { limit: 3 }),
    ]);
    const runs = await Promise.all([
      loggd(['tasks', 'list', '--status', 'all', '--all', '--format', 'json'], HTTP),
      loggd(['goals', 'list', '--status', 'all', '--horizon', 'yearly', '--format', 'ndjson'], HTTP),
      loggd(['focus', 'list', '--status', 'all', '--limit', '7', '--json'], HTTP),
      loggd(['habits', 'checks', '42', '--from', '2026-03-01', '--to', '2026-03-31', '--json'], HTTP),
      loggd(['habits', 'skips', '42', '--format', 'ndjson'], HTTP),
      loggd(['goals', 'updates', '13', '--limit', '3', '--json'], HTTP),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [jTasks, nGoals, jFocus, jChecks, nSkips, jUpdates] = runs.map((r) => r.stdout) as string[];
    expect(JSON.parse(jTasks as string)).toEqual(allTasks);
    expect(allTasks.length).toBeGreaterThan(100); // several pages became one array
    expect(ndjson(nGoals as string)).toEqual(goals.data);
    expect(JSON.parse(jFocus as string)).toEqual(focus.data);
    expect(JSON.parse(jChecks as string)).toEqual(checks.data);
    expect(ndjson(nSkips as string)).toEqual(skips.data);
    expect(JSON.parse(jUpdates as string)).toEqual(updates.data);
  });

  it('CSV and TSV re-parse to the same values, headers the documented fields', async () => {
    const sdk = demoClient();
    const [habits, allTasks] = await Promise.all([
      sdk.habits.list(),
      sdk.tasks.list({ status: 'all' }).toArray({ max: Number.POSITIVE_INFINITY }),
    ]);
    const runs = await Promise.all([
      loggd(['habits', 'list', '--format', 'csv'], HTTP),
      loggd(['tasks', 'list', '--status', 'all', '--all'], HTTP), // piped: TSV by default
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [csvHabits, tsvTasks] = runs.map((r) => r.stdout) as string[];
    const [header, ...rows] = parseDelimited(csvHabits as string, ',');
    expect(header).toEqual([...HABIT.fields]);
    expect(rows).toEqual(
      habits.data.map((h) => HABIT.fields.map((f) => cell((h as Record<string, unknown>)[f]))),
    );
    const [tHeader, ...tRows] = parseDelimited(tsvTasks as string, '\t');
    expect(tHeader).toContain('recurrence_type');
    expect(tRows).toHaveLength(allTasks.length);
    const col = (name: string) => (tHeader as string[]).indexOf(name);
    tRows.forEach((row, i) => {
      const t = allTasks[i] as Record<string, unknown> & { recurrence: Record<string, unknown> | null };
      expect(row[col('title')]).toBe(t.title);
      expect(row[col('tags')]).toBe(cell(t.tags));
      expect(row[col('recurrence_type')]).toBe(cell(t.recurrence?.type));
      expect(row.length).toBe(tHeader?.length);
    });
    expect(
      TASK.fields.every((f) => (tHeader as string[]).some((h) => h === f || h.startsWith(`${f}_`))),
    ).toBe(true);
  });

  it('habits pending exits 10 with the unchecked active habits, api prints raw JSON, help and completion work', async () => {
    const sdk = demoClient();
    const active = await sdk.habits.list({ status: 'active', limit: 100 }).toArray();
    // LOGGD_DEMO_NOW is Wednesday 2026-04-08, 15:00 in Europe/Bucharest; the demo's weeks start on monday.
    const unchecked = active.filter((h) => !h.checked_today);
    const isPending = async (h: (typeof active)[number]) => {
      if (h.weekly_target) {
        const week = await sdk.habits.checks(h.id, { from: '2026-04-06', to: '2026-04-08' }).toArray();
        return new Set(week.map((c) => c.date)).size < h.weekly_target;
      }
      return h.custom_days?.length ? h.custom_days.includes('wednesday') : true;
    };
    const verdicts = await Promise.all(unchecked.map(isPending));
    const pendingIds = unchecked.filter((_, i) => verdicts[i]).map((h) => h.id);
    // Unchecked but not due today (another custom day, or a weekly target already met) is not pending.
    expect(pendingIds.length).toBeLessThan(unchecked.length);
    const [pending, api, paginated, exitCodes, bash, zsh, fish, badShell] = await Promise.all([
      loggd(['--demo', 'habits', 'pending', '--json', '--fields', 'id,checked_today'], DEMO),
      loggd(['api', '/habits', '-q', 'limit=2', '-q', 'status=all'], HTTP),
      loggd(['api', '/api/v1/public/tasks?status=all', '--paginate'], HTTP),
      loggd(['help', 'exit-codes']),
      loggd(['completion', 'bash']),
      loggd(['completion', 'zsh']),
      loggd(['completion', 'fish']),
      loggd(['completion', 'tcsh']),
    ]);
    expect(pendingIds.length).toBeGreaterThan(0);
    expect(pending.code).toBe(10);
    expect(JSON.parse(pending.stdout)).toEqual(pendingIds.map((id) => ({ id, checked_today: false })));
    expect(api.code).toBe(0);
    expect(JSON.parse(api.stdout)).toEqual(await sdk.request('/habits', { limit: '2', status: 'all' }));
    expect(JSON.parse(paginated.stdout)).toEqual(
      await sdk.paginate('/tasks', { status: 'all' }).toArray({ max: Number.POSITIVE_INFINITY }),
    );
    expect(exitCodes.code).toBe(0);
    for (const code of [0, 1, 2, 3, 4, 5, 6, 7, 130])
      expect(exitCodes.stdout).toMatch(new RegExp(`^\\s+${code}  \\S`, 'm'));
    // The scripts ask the binary (`loggd __complete`) for candidates, so they list no commands themselves.
    for (const script of [bash, zsh, fish]) {
      expect(script.code).toBe(0);
      expect(script.stdout).toContain('__complete');
    }
    try {
      const script = join(CONFIG, 'loggd.bash');
      writeFileSync(script, bash.stdout);
      // `loggd` on PATH, as installed.
      writeFileSync(join(CONFIG, 'loggd'), `#!/bin/sh\nexec ${process.execPath} ${BIN} "$@"\n`, {
        mode: 0o755,
      });
      const words = execFileSync(
        'bash',
        [
          '-c',
          `source ${script}; COMP_WORDS=(loggd habits ""); COMP_CWORD=2; _loggd; echo "\${COMPREPLY[@]}"`,
        ],
        { env: { ...process.env, PATH: `${CONFIG}:${process.env.PATH}` } },
      ).toString();
      expect(words.split(' ')).toEqual(
        expect.arrayContaining(['list', 'get', 'checks', 'skips', 'pending', '--format']),
      );
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e; // no bash on this machine
    }
    expectCleanError(badShell, 2, /'tcsh'.*bash, zsh, fish/);
  });
});

describe('against a standalone mock (--base-url, LOGGD_TOKEN)', () => {
  let env: Record<string, string>;
  beforeAll(() => {
    env = HTTP;
  });

  it('reads over HTTP, and maps every API error to its exit code, one line and a hint', async () => {
    const sdk = new Loggd({ token: 'mock_pro_all', baseUrl: server.baseUrl });
    const closed = await freePort();
    const [tasks, viaFlag, notFound, notFoundJson, badToken, notPro, missingScope, noToken, network] =
      await Promise.all([
        loggd(['tasks', 'list', '--from', '2026-04-01', '--to', '2026-04-30', '--json'], env),
        loggd([
          '--token',
          'mock_pro_all',
          '--base-url',
          server.baseUrl,
          'goals',
          'list',
          '--json',
          '--fields',
          'id,title',
        ]),
        loggd(['habits', 'get', '99999'], env),
        loggd(['habits', 'get', '99999', '--json'], env),
        loggd(['habits', 'list'], { ...env, LOGGD_TOKEN: 'not-a-token' }),
        loggd(['habits', 'list'], { ...env, LOGGD_TOKEN: 'mock_free_all' }),
        loggd(['tasks', 'list'], { ...env, LOGGD_TOKEN: 'mock_pro_habits' }),
        loggd(['habits', 'list'], { LOGGD_BASE_URL: server.baseUrl }),
        loggd(['habits', 'list'], { ...env, LOGGD_BASE_URL: `http://127.0.0.1:${closed}/api/v1/public` }),
      ]);
    expect(tasks.code, tasks.stderr).toBe(0);
    expect(JSON.parse(tasks.stdout)).toEqual(
      (await sdk.tasks.list({ from: '2026-04-01', to: '2026-04-30' })).data,
    );
    expect(JSON.parse(viaFlag.stdout)).toEqual(
      (await sdk.goals.list()).data.map((g) => ({ id: g.id, title: g.title })),
    );
    expectCleanError(notFound, 3, /not found/i);
    expect(notFoundJson.code).toBe(3);
    expect(JSON.parse(notFoundJson.stderr)).toMatchObject({
      error: { code: 'not_found', message: expect.any(String), hints: expect.any(Array) },
    });
    expectCleanError(badToken, 4, /./);
    expect(badToken.stderr).toMatch(/hint: .*loggd auth login/);
    expectCleanError(notPro, 4, /Pro/);
    expect(notPro.stderr).toMatch(/hint: .*re-subscribe/);
    expectCleanError(missingScope, 4, /scope/i);
    expect(missingScope.stderr).toMatch(/hint: .*read:tasks/);
    expectCleanError(noToken, 4, /^error: no token: run `loggd auth login`, set LOGGD_TOKEN, or try --demo$/);
    expectCleanError(network, 6, /./);
  });

  it('exits 5 when still rate limited after retries, 0 when no habit is pending', async () => {
    server.mock.faults.add({ fault: 'rate-limit', retryAfter: 0, route: '/profile' } as never);
    const limited = await loggd(['profile', '--format', 'ndjson'], env);
    server.mock.faults.clear();
    expect(limited.code, limited.stderr).toBe(5);
    // Each wait was announced on its own line; the error is the last one.
    expect(limited.stderr).toMatch(/^waiting \d+ s for the rate limit/m);
    expect(JSON.parse(limited.stderr.trimEnd().split('\n').at(-1)!).error.code).toBe('rate_limited');
    for (const h of server.mock.dataset.accounts[0]?.habits ?? []) {
      if (h.status === 'active' && !h.checked_today) server.mock.control.completeHabit(h.id);
    }
    const pending = await loggd(['habits', 'pending'], env);
    expect(pending.code, pending.stderr).toBe(0);
    expect(pending.stdout.trim().split('\n')).toHaveLength(1); // the header row only
  });

  it('is interrupted by SIGINT with exit 130', async () => {
    let arrived!: () => void;
    const requested = new Promise<void>((r) => (arrived = r));
    const hang: Server = createServer(() => arrived());
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const port = (hang.address() as AddressInfo).port;
    const child = spawn(process.execPath, [BIN, 'habits', 'list'], {
      env: {
        ...BASE_ENV,
        LOGGD_TOKEN: 'mock_pro_all',
        LOGGD_BASE_URL: `http://127.0.0.1:${port}/api/v1/public`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    await requested;
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    hang.closeAllConnections();
    hang.close();
  });
});

describe('bad input: one line naming the input and what is accepted, exit 2, no stack', () => {
  it('covers commander’s errors and every flag parser', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['habitz'], /unknown command 'habitz'.*accepted commands are habits, tasks/],
      [['habits', 'lst'], /unknown command 'lst'.*accepted commands are list, get, checks, skips, pending/],
      [['habits', 'list', '--bogus'], /unknown option '--bogus'/],
      [['tasks', 'list', '--from', '2026-02-30'], /--from '2026-02-30'.*YYYY-MM-DD/],
      [
        ['tasks', 'list', '--from', '2026-05-01', '--to', '2026-04-01'],
        /--from 2026-05-01 is after --to 2026-04-01/,
      ],
      [['habits', 'list', '--limit', '0'], /--limit '0'.*1 to 100/],
      [['habits', 'list', '--limit', '101'], /--limit '101'.*1 to 100/],
      [['habits', 'get', 'abc'], /habit id 'abc'.*positive integer/],
      [['goals', 'list', '--status', 'done'], /--status 'done'.*active, completed, paused, abandoned, all/],
      [['goals', 'list', '--horizon', 'weekly'], /--horizon 'weekly'.*monthly, quarterly, yearly, 3_year/],
      [['habits', 'list', '--fields', 'id,nope'], /'nope'.*valid fields are id, name/],
      [['habits', 'list', '--format', 'yaml'], /--format 'yaml'.*table, json, ndjson, csv, tsv/],
      [['habits', 'get'], /missing required argument 'id'/],
      [['help', 'nonsense'], /unknown help topic 'nonsense'/],
    ];
    const results = await Promise.all(cases.map(([argv]) => loggd(argv, HTTP)));
    for (const [i, r] of results.entries()) expectCleanError(r, 2, (cases[i] as [string[], RegExp])[1]);
    const machine = await loggd(['habits', 'list', '--limit', '0', '--json'], HTTP);
    expect(machine.code).toBe(2);
    expect(JSON.parse(machine.stderr)).toEqual({
      error: { code: 'usage', message: expect.stringMatching(/--limit '0'/), hints: [expect.any(String)] },
    });
    const debug = await loggd(['--debug', 'habits', 'get', '1'], {
      LOGGD_TOKEN: 'secret-token-abcdef',
      LOGGD_BASE_URL: 'http://127.0.0.1:9/api/v1/public',
    });
    expect(debug.code).toBe(6);
    expect(debug.stderr).toMatch(/debug: → GET \/habits\/1/);
    expect(debug.stderr).toMatch(/\n\s+at /); // --debug shows the stack
    expect(debug.stderr).not.toContain('secret-token-abcdef');
  });
});

describe('a reader that stops early (| head)', () => {
  it('exits 0 without a stack trace when stdout closes', async () => {
    const child = spawn(
      process.execPath,
      [BIN, '--demo', 'habits', 'checks', '42', '--all', '--format', 'csv'],
      {
        env: { ...BASE_ENV, ...DEMO },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // Like `… | head -0`: the reader is gone before the first write, so every write meets EPIPE.
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe('loggd mock serve', () => {
  it('prints the base URL and demo tokens, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'mock', 'serve', '--port', '0', '--seed', '42'], {
      env: BASE_ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const baseUrl = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /listening on (\S+)/.exec(out);
        if (m && out.includes('mock_pro_all')) resolve(m[1] as string);
      });
      child.on('close', () => reject(new Error(`mock serve exited early: ${out}`)));
    });
    const res = await fetch(`${baseUrl}/profile`, { headers: { Authorization: 'Bearer mock_pro_all' } });
    expect(res.status).toBe(200);
    const exited = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}
