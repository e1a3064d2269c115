import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FaultSpec, type RunningMockServer, startMockServer } from '@loggd/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runInProcess } from '../src/program.js';
import { BIN, type BinResult, runLoggd } from './helpers/bin.js';
import { fakeIO } from './helpers/fake-io.js';

// The CLI as a new user meets it: bad input, faults and back-to-back runs against a standalone mock, through the
// real binary. Each row is argv, env, the exit code, and the one line stderr must start with (hints may follow);
// every row also checks that no stack trace and no token reach the output. Faults are scoped to a token made for
// the row, so rows run concurrently against one mock without seeing each other's faults.

const CONFIG = mkdtempSync(join(tmpdir(), 'loggd-real-use-'));
const WORK = mkdtempSync(join(tmpdir(), 'loggd-real-use-out-'));
const BASE_ENV = {
  PATH: process.env.PATH ?? '',
  HOME: CONFIG,
  LOGGD_CONFIG_DIR: CONFIG,
  LOGGD_KEYRING: 'off',
};
const DEMO = { LOGGD_DEMO_SEED: '42', LOGGD_DEMO_NOW: '2026-04-08T12:00:00Z' };
/** The machine's own Node (20 here): sync must refuse it at start. Skipped where the machine's Node is new. */
const SYSTEM_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p));

interface Row {
  name: string;
  argv: string[];
  /** Extra env; `$URL` and `$ORIGIN` are replaced by the mock's base URL and origin. */
  env?: Record<string, string>;
  /** 'row' (default): a fresh token of the Pro user, faults scoped to it; 'none': no token at all. */
  token?: 'row' | 'none' | string;
  faults?: Omit<FaultSpec, 'token'>[];
  code: number;
  /** The first line of stderr (errors), or a line stderr must contain (successes). */
  stderr: RegExp;
  stdout?: RegExp;
  /** Run with this Node binary instead of the project's. */
  node?: string;
  /** Further assertions on stdout (e.g. an order that a regex cannot state). */
  check?: (stdout: string) => void;
}

let server: RunningMockServer;
/** A base URL on a port nothing listens on. */
let closedUrl = '';
const tokens = new Map<string, string>();

function envOf(row: Row, index: number): Record<string, string> {
  const env: Record<string, string> = { ...BASE_ENV, LOGGD_BASE_URL: server.baseUrl };
  if (row.token === undefined || row.token === 'row') env.LOGGD_TOKEN = tokens.get(String(index))!;
  else if (row.token !== 'none') env.LOGGD_TOKEN = row.token;
  for (const [k, v] of Object.entries(row.env ?? {}))
    env[k] = v.replace('$URL', server.baseUrl).replace('$ORIGIN', server.url).replace('$CLOSED', closedUrl);
  return env;
}

/** Runs one row's `loggd`; a row that hangs is killed after 30 s and fails on its exit code, not the suite. */
function run(row: Row, index: number): Promise<BinResult> {
  const env = envOf(row, index);
  return new Promise((resolve, reject) => {
    const child = spawn(row.node ?? process.execPath, [BIN, ...row.argv], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const hang = (route: string): Omit<FaultSpec, 'token'> => ({ fault: 'hang', route });

/** A config directory holding `loggd config` values, as `loggd config set` writes them (i16b rows). */
function configDir(name: string, config: Record<string, string>): string {
  const dir = join(WORK, name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({ profiles: {}, config }), { mode: 0o600 });
  return dir;
}
const LIST = ['habits', 'list'];

const ROWS: Row[] = [
  // usage: exit 2, the input named with what is accepted
  {
    name: 'limit 0',
    argv: [...LIST, '--limit', '0'],
    code: 2,
    stderr: /^error: invalid --limit '0': accepted is an integer from 1 to 100$/,
  },
  { name: 'limit 101', argv: [...LIST, '--limit', '101'], code: 2, stderr: /^error: invalid --limit '101'/ },
  {
    name: 'id not a number',
    argv: ['habits', 'get', 'abc'],
    code: 2,
    stderr: /^error: invalid habit id 'abc': accepted is a positive integer$/,
  },
  {
    name: 'format unknown',
    argv: ['--format', 'xml', ...LIST],
    code: 2,
    stderr: /^error: .*'xml'.*table, json, ndjson, csv, tsv/,
  },
  {
    name: 'LOGGD_FORMAT unknown',
    argv: LIST,
    env: { LOGGD_FORMAT: 'yaml' },
    code: 2,
    stderr: /^error: invalid LOGGD_FORMAT 'yaml'/,
  },
  {
    name: 'status unknown',
    argv: [...LIST, '--status', 'bogus'],
    code: 2,
    stderr: /^error: .*--status.*'bogus'/,
  },
  {
    name: 'date invalid',
    argv: ['tasks', 'list', '--from', '2026-13-01'],
    code: 2,
    stderr: /^error: invalid --from '2026-13-01'/,
  },
  {
    name: 'date range reversed',
    argv: ['tasks', 'list', '--from', '2026-04-09', '--to', '2026-04-01'],
    code: 2,
    stderr: /^error: .*--from 2026-04-09 is after --to 2026-04-01/,
  },
  {
    name: 'timeout not a number',
    argv: ['--timeout', 'soon', ...LIST],
    code: 2,
    stderr: /^error: invalid --timeout 'soon': accepted is a number of seconds/,
  },
  {
    name: 'LOGGD_TIMEOUT not a number',
    argv: LIST,
    env: { LOGGD_TIMEOUT: '5s' },
    code: 2,
    stderr: /^error: invalid LOGGD_TIMEOUT '5s'/,
  },
  {
    name: 'base URL not a URL',
    argv: ['--base-url', 'loggd.life', ...LIST],
    code: 2,
    stderr: /^error: invalid --base-url "loggd.life": give an http\(s\) URL/,
  },
  {
    name: 'LOGGD_BASE_URL not http',
    argv: LIST,
    env: { LOGGD_BASE_URL: 'ftp://x' },
    code: 2,
    stderr: /^error: invalid LOGGD_BASE_URL "ftp:\/\/x"/,
  },
  { name: 'unknown command', argv: ['habbits'], code: 2, stderr: /^error: unknown command 'habbits'/ },
  {
    name: 'unknown subcommand',
    argv: ['habits', 'frobnicate'],
    code: 2,
    stderr: /^error: unknown command 'frobnicate' for 'loggd habits'/,
  },
  {
    name: 'unknown field',
    argv: [...LIST, '--fields', 'nope'],
    code: 2,
    stderr: /^error: unknown field 'nope' in --fields: valid fields are id, name/,
  },
  {
    name: 'api with a URL',
    argv: ['api', 'https://x.test/habits'],
    code: 2,
    stderr:
      /^error: invalid path 'https:\/\/x\.test\/habits': give a path under \/api\/v1\/public, not a URL$/,
  },
  {
    name: 'completion shell unknown',
    argv: ['completion', 'tcsh'],
    code: 2,
    stderr: /^error: .*'tcsh'.*bash, zsh/,
  },
  {
    name: 'export without --out',
    argv: ['export'],
    code: 2,
    stderr: /^error: required option '--out <dir>' not specified$/,
  },
  {
    name: 'sync without --db',
    argv: ['sync'],
    code: 2,
    stderr: /^error: required option '--db <file>' not specified$/,
  },
  {
    name: 'format unknown on a list offers only list formats',
    argv: [...LIST, '--format', 'xml'],
    code: 2,
    stderr:
      /^error: invalid --format 'xml' for `loggd habits list`: accepted formats are table, json, ndjson, csv, tsv$/,
  },
  {
    name: 'format unknown on export offers export formats',
    argv: ['export', '--out', join(WORK, 'x'), '--format', 'xml'],
    code: 2,
    stderr:
      /^error: invalid --format 'xml' for `loggd export`: accepted formats are json, ndjson, csv, ics, markdown$/,
  },
  {
    name: 'export format for lists',
    argv: [...LIST, '--format', 'markdown'],
    code: 2,
    stderr:
      /^error: invalid --format 'markdown' for `loggd habits list`: accepted formats are table, json, ndjson, csv, tsv$/,
  },
  {
    name: 'list format for export',
    argv: ['export', '--out', join(WORK, 'x'), '--format', 'tsv'],
    code: 2,
    stderr: /^error: invalid --format 'tsv' for `loggd export`/,
  },
  {
    name: 'mock serve bad port',
    argv: ['mock', 'serve', '--port', '99999'],
    code: 2,
    stderr: /^error: .*port/,
  },
  {
    name: 'webhook signature not hex',
    argv: ['webhooks', 'verify', '--signature', 'nothex'],
    env: { LOGGD_WEBHOOK_SECRET: 'whsec_row' },
    code: 2,
    stderr: /^error: invalid --signature 'nothex': accepted is sha256= and 64 hex digits/,
  },
  {
    name: 'api with --fields',
    argv: ['api', '/profile', '--fields', 'id'],
    code: 2,
    stderr: /^error: --fields does not apply to `loggd api`/,
  },
  {
    name: 'auth status with --fields',
    argv: ['auth', 'status', '--fields', 'id'],
    code: 2,
    stderr: /^error: --fields does not apply to `loggd auth status`/,
  },
  {
    name: 'report with --fields',
    argv: ['report', 'weekly', '--fields', 'id'],
    code: 2,
    stderr: /^error: --fields does not apply to `loggd report weekly`/,
  },
  {
    name: 'api with --format tsv',
    argv: ['api', '/profile', '--format', 'tsv'],
    code: 2,
    stderr: /^error: invalid --format 'tsv' for `loggd api`: accepted formats are json, ndjson$/,
  },
  {
    name: 'webhook signature mismatch',
    argv: ['webhooks', 'verify', '--signature', `sha256=${'0'.repeat(64)}`],
    env: { LOGGD_WEBHOOK_SECRET: 'whsec_row' },
    code: 7,
    stderr: /^error: invalid signature: --signature does not match the 0-byte body/,
  },
  {
    name: 'checks range reversed',
    argv: ['habits', 'checks', '1', '--from', '2026-04-09', '--to', '2026-04-01'],
    code: 2,
    stderr: /^error: .*--from 2026-04-09 is after --to 2026-04-01/,
  },

  // authentication and permission: exit 4
  {
    name: 'no token',
    argv: LIST,
    token: 'none',
    code: 4,
    stderr: /^error: no token: run `loggd auth login`, set LOGGD_TOKEN, or try --demo$/,
  },
  {
    name: 'profile never stored',
    argv: ['--profile', 'ghost', ...LIST],
    token: 'none',
    code: 4,
    stderr: /^error: unknown profile 'ghost': no profile is stored yet$/,
  },
  {
    name: 'token revoked',
    argv: LIST,
    token: 'tok_revoked_0123456789abcdef',
    code: 4,
    stderr: /^error: .*401/,
  },
  { name: 'free plan', argv: LIST, token: 'mock_free_all', code: 4, stderr: /^error: .*Pro/ },
  {
    name: 'free plan, pending',
    argv: ['habits', 'pending'],
    token: 'mock_free_all',
    code: 4,
    stderr: /^error: .*Pro/,
  },
  {
    name: 'free plan, table with time zone',
    argv: ['tasks', 'list', '--format', 'table'],
    token: 'mock_free_all',
    code: 4,
    stderr: /^error: .*needs an active Pro plan/,
  },
  {
    name: 'scope missing',
    argv: ['tasks', 'list'],
    token: 'mock_pro_habits',
    code: 4,
    stderr: /^error: .*read:tasks/,
  },

  // not found: exit 3
  {
    name: 'id unknown',
    argv: ['habits', 'get', '99999'],
    code: 3,
    stderr: /^error: Habit not found\. \(404 on GET \/habits\/99999\)$/,
  },
  {
    name: 'id of another account',
    argv: ['habits', 'get', '1'],
    token: 'mock_other_all',
    code: 3,
    stderr: /^error: .*not found.*404/,
  },
  {
    name: 'base URL without the API path',
    argv: LIST,
    env: { LOGGD_BASE_URL: '$ORIGIN' },
    code: 3,
    stderr:
      /^error: not found \(404\): http:\/\/127\.0\.0\.1:\d+\/habits — this base URL does not answer like the Loggd API$/,
  },
  {
    name: 'api path unknown',
    argv: ['api', '/nope'],
    code: 3,
    stderr: /^error: not found \(404\): http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public\/nope/,
  },
  {
    name: 'report habit unknown',
    argv: ['report', 'habits', '--habit', '999'],
    code: 3,
    stderr: /^error: no habit 999: --habit names no habit of this account$/,
  },

  // network: exit 6, never a silent wait
  {
    name: 'connection refused',
    argv: LIST,
    env: { LOGGD_BASE_URL: '$CLOSED' },
    code: 6,
    stderr: /^error: GET \/habits.* failed: .*ECONNREFUSED/,
  },
  {
    name: 'hung server, --timeout',
    argv: ['--timeout', '0.3', 'profile'],
    faults: [hang('/profile')],
    code: 6,
    stderr: /^no answer from http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public\/profile after \d+ s, retrying$/,
  },
  {
    name: 'hung server, LOGGD_TIMEOUT',
    argv: ['profile'],
    env: { LOGGD_TIMEOUT: '0.3' },
    faults: [hang('/profile')],
    code: 6,
    stderr: /^no answer from .*\/profile/,
  },

  // server faults: exit 1, and `habits pending` never mistakes them for "pending"
  {
    name: 'server 500',
    argv: ['profile'],
    faults: [{ fault: 'status', status: 500, times: 3 }],
    code: 1,
    stderr: /^error: .*500/,
  },
  {
    name: 'server 500, pending',
    argv: ['habits', 'pending'],
    faults: [{ fault: 'status', status: 500, times: 6 }],
    code: 1,
    stderr: /^error: .*500/,
  },
  {
    name: 'malformed JSON',
    argv: ['profile'],
    faults: [{ fault: 'malformed-json', times: 3 }],
    code: 1,
    stderr: /^error: .*not JSON/,
  },

  // rate limits: interactive commands give up after their retries, batch commands wait (and say so)
  {
    name: '429 on a single read',
    argv: ['profile'],
    faults: [{ fault: 'rate-limit', retryAfter: 1, times: 3 }],
    code: 5,
    stderr: /^waiting 1 s for the rate limit/,
  },
  {
    name: '429 in export is waited out',
    argv: ['export', '--out', join(WORK, 'rl-export'), '--resources', 'habits'],
    faults: [{ fault: 'rate-limit', retryAfter: 1, times: 4 }],
    code: 0,
    stderr: /^waiting 1 s for the rate limit \(the server asked for it: 429 Retry-After\)$/m,
  },
  {
    name: '429 in report is waited out',
    argv: ['report', 'weekly', '--format', 'json'],
    faults: [{ fault: 'rate-limit', retryAfter: 1, times: 4 }],
    code: 0,
    stderr: /^waiting 1 s for the rate limit/m,
  },

  // habits pending: its own code
  {
    name: 'pending',
    argv: ['habits', 'pending', '--fields', 'id'],
    code: 10,
    stderr: /^$/,
    stdout: /^id\n\d+/,
  },

  // error format
  {
    name: 'JSON error with --format json',
    argv: ['habits', 'get', '99999', '--format', 'json'],
    code: 3,
    stderr: /^\{"error":\{"code":"not_found","message":"Habit not found\./,
  },
  {
    name: 'human error with --format csv',
    argv: ['habits', 'get', '99999', '--format', 'csv'],
    code: 3,
    stderr: /^error: Habit not found/,
  },
  {
    name: 'human error from auth when piped',
    argv: ['auth', 'status'],
    token: 'none',
    code: 4,
    stderr: /^error: not logged in/,
  },

  // file system: one line with the path and the remedy
  {
    name: 'export into a file',
    argv: ['export', '--out', join(WORK, 'a-file')],
    code: 2,
    stderr: /^error: --out .*a-file is a file: give a folder/,
  },
  {
    name: 'export under a file',
    argv: ['export', '--out', join(WORK, 'a-file', 'sub')],
    code: 1,
    stderr: /^error: cannot create .*a-file\/sub: a part of the path is a file, not a folder \(ENOTDIR\)$/,
  },
  {
    name: 'export to a read-only place',
    argv: ['export', '--out', '/sys/loggd-export'],
    code: 1,
    stderr: /^error: cannot create \/sys\/loggd-export: .*\((EPERM|EACCES|EROFS|ENOENT)\)$/,
  },
  {
    name: 'export into a pseudo file system',
    argv: ['export', '--out', '/proc/loggd-export'],
    code: 1,
    stderr:
      /^error: cannot create \/proc\/loggd-export: this file system does not allow new folders here \(ENOENT\)$/,
  },
  {
    name: 'report --html into a folder',
    argv: ['report', 'weekly', '--html', WORK],
    code: 2,
    stderr: /^error: --html .* is a folder: give a file name/,
  },
  {
    name: 'sync db is a folder',
    argv: ['sync', '--db', WORK],
    code: 2,
    stderr: /^error: --db .* is a folder: give a file name$/,
  },
  {
    name: 'sync db under a file',
    argv: ['sync', '--db', join(WORK, 'a-file', 'x.sqlite')],
    code: 1,
    stderr: /^error: cannot (create|open) .*a-file.*\((ENOTDIR|EEXIST)\)$/,
  },

  // terminal safety: control characters in API data never reach the terminal raw (JSON keeps them)
  {
    name: 'escape sequences in a table',
    argv: ['habits', 'list', '--format', 'table', '--fields', 'id,name'],
    token: 'mock_other_all',
    code: 0,
    stderr: /^$/,
    stdout: /Evil\\e\]0;pwned\\a\\tname\\n/,
  },
  {
    name: 'escape sequences in a terminal report',
    argv: ['report', 'habits', '--format', 'table'],
    token: 'mock_other_all',
    code: 0,
    stderr: /^$/,
    stdout: /^ {2}Evil\\e\]0;pwned\\a\\tname\\n +daily/m,
  },
  {
    name: 'escape sequences kept in JSON',
    argv: ['habits', 'list', '--format', 'json', '--fields', 'name'],
    token: 'mock_other_all',
    code: 0,
    stderr: /^$/,
    stdout: /Evil\\u001b\]0;pwned\\u0007\\tname\\n/,
  },

  // successes that used to misbehave
  {
    name: 'api --format ndjson',
    argv: ['api', '/habits', '--format', 'ndjson', '--paginate'],
    code: 0,
    stderr: /^$/,
    stdout: /^(\{"id":\d+.*\}\n)+$/,
  },
  {
    name: '--all --limit 5 is 5 items',
    argv: ['tasks', 'list', '--all', '--limit', '5', '--status', 'all', '--format', 'ndjson'],
    code: 0,
    stderr: /^$/,
    stdout: /^(\{.*\}\n){5}$/,
  },
  {
    name: 'gh-style --json with fields',
    argv: ['--demo', 'habits', 'list', '--json', 'id,name'],
    env: DEMO,
    token: 'none',
    code: 0,
    stderr: /^$/,
    stdout: /^\[\n {2}\{\n {4}"id": \d+,\n {4}"name": "[^"]+"\n {2}\},/,
  },
  {
    name: '--json before the command stays a flag',
    argv: ['--demo', '--json', 'profile'],
    env: DEMO,
    token: 'none',
    code: 0,
    stderr: /^$/,
    stdout: /^\{\n {2}"id":/,
  },
  {
    name: '--json fields and --fields together',
    argv: [...LIST, '--json', 'id', '--fields', 'name'],
    code: 2,
    stderr: /^error: --json id and --fields both select fields: give one of them$/,
  },
  {
    name: '--jq filters the JSON, strings raw',
    argv: ['--demo', 'habits', 'list', '--jq', '.[0:2][] | .name'],
    env: DEMO,
    token: 'none',
    code: 0,
    stderr: /^$/,
    stdout: /^[^"{[\n]+\n[^"{[\n]+\n$/,
  },
  {
    name: '--jq on api NDJSON pages',
    argv: ['api', '/habits', '--paginate', '--format', 'ndjson', '--jq', '.id'],
    code: 0,
    stderr: /^$/,
    stdout: /^(\d+\n)+$/,
  },
  {
    name: '--jq syntax error',
    argv: [...LIST, '--jq', '.['],
    code: 2,
    stderr: /^error: invalid --jq '\.\[': syntax error/,
  },
  {
    name: '--jq with --format csv',
    argv: [...LIST, '--format', 'csv', '--jq', '.'],
    code: 2,
    stderr: /^error: --jq filters JSON: it does not apply to --format csv$/,
  },
  {
    name: 'api -i prints status and headers first',
    argv: ['api', '-i', '/profile'],
    code: 0,
    stderr: /^$/,
    stdout: /^HTTP\/1\.1 200 OK\n(.+: .*\n)*Content-Type: application\/json\n(.+: .*\n)*\n\{/,
  },
  {
    name: 'api -H Authorization is refused',
    argv: ['api', '/profile', '-H', 'Authorization: Bearer other'],
    code: 2,
    stderr:
      /^error: -H cannot set Authorization: the token comes from --profile, LOGGD_TOKEN or `loggd auth login`$/,
  },
  {
    name: 'api -H malformed',
    argv: ['api', '/profile', '-H', 'no colon'],
    code: 2,
    stderr: /^error: invalid -H 'no colon': accepted is 'Name: value'$/,
  },
  {
    name: 'api -i with --paginate',
    argv: ['api', '-i', '/habits', '--paginate'],
    code: 2,
    stderr: /^error: -i shows one response: it does not combine with --paginate$/,
  },
  {
    name: 'auth token piped prints the token',
    argv: ['auth', 'token'],
    token: 'tok_short',
    code: 0,
    stderr: /^$/,
    stdout: /^tok_short\n$/,
  },
  {
    name: 'auth token without a token',
    argv: ['auth', 'token'],
    token: 'none',
    code: 4,
    stderr: /^error: not logged in \(profile default\)$/,
  },
  {
    name: 'archived habits are not ✗ under TODAY',
    argv: [
      '--demo',
      'habits',
      'list',
      '--status',
      'archived',
      '--format',
      'table',
      '--fields',
      'id,status,checked_today',
    ],
    env: DEMO,
    token: 'none',
    code: 0,
    stderr: /^$/,
    stdout: /^ID +STATUS +TODAY\n(\d+ +archived +–\n)+$/,
  },
  {
    name: 'mock verify piped: a header row like any empty list',
    argv: ['--demo', 'mock', 'verify'],
    env: DEMO,
    token: 'none',
    code: 0,
    stderr: /^checked \d+ items from \d+ endpoint reads .*: 0 violation\(s\)/m,
    stdout: /^kind\tendpoint\tpath\tdetail\tcount\n$/,
  },
  {
    name: 'list csv names object columns as the export does: recurrence_type, not recurrence.type',
    argv: ['--demo', 'tasks', 'list', '--format', 'csv', '--fields', 'id,recurrence'],
    env: DEMO,
    token: 'none',
    code: 0,
    stderr: /^$/,
    stdout:
      /^id,recurrence_is_template,recurrence_parent_id,recurrence_type,recurrence_interval,recurrence_days,/,
  },
  {
    name: '--sort -field sorts descending',
    argv: [
      '--demo',
      'habits',
      'list',
      '--sort',
      '-current_streak',
      '--fields',
      'current_streak',
      '--no-headers',
    ],
    env: DEMO,
    token: 'none',
    code: 0,
    stderr: /^$/,
    stdout: /^\d+\n\d+\n/,
    check: (stdout) => {
      const streaks = stdout.trim().split('\n').map(Number);
      expect(streaks.length).toBeGreaterThan(3);
      expect(new Set(streaks).size).toBeGreaterThan(1);
      expect(streaks).toEqual([...streaks].sort((a, b) => b - a));
    },
  },
  {
    name: '--sort unknown field',
    argv: [...LIST, '--sort', 'nope'],
    code: 2,
    stderr: /^error: unknown field 'nope' in --sort: valid fields are id, name/,
  },
  {
    name: '--sort on a single item',
    argv: ['habits', 'get', '1', '--sort', 'id'],
    code: 2,
    stderr: /^error: --sort does not apply to `loggd habits get`/,
  },
  {
    name: 'demo list',
    argv: ['--demo', 'habits', 'list', '--fields', 'id,name'],
    env: DEMO,
    token: 'none',
    code: 0,
    stderr: /^$/,
    stdout: /^id\tname\n\d+\t/,
  },
  // config, pager, completion, auth status of every profile (gh-style, #16 item 13)
  {
    name: 'config set: a bad value names the key and the accepted values',
    argv: ['config', 'set', 'format', 'xml'],
    env: { LOGGD_CONFIG_DIR: join(WORK, 'cfg-unused') },
    code: 2,
    stderr: /^error: invalid value 'xml' for config key format: accepted are table, json, ndjson, csv, tsv$/,
  },
  {
    name: 'config get: an unknown key lists the keys',
    argv: ['config', 'get', 'editor'],
    code: 2,
    stderr: /^error: unknown config key 'editor': accepted keys are format, base_url, pager, timeout, color$/,
  },
  {
    name: 'config timeout applies like LOGGD_TIMEOUT',
    argv: ['profile'],
    env: { LOGGD_CONFIG_DIR: configDir('cfg-timeout', { timeout: '0.3' }) },
    faults: [hang('/profile')],
    code: 6,
    stderr: /^no answer from .*\/profile/,
  },
  {
    name: 'config format applies; LOGGD_FORMAT wins over it',
    argv: [...LIST, '--limit', '1', '--fields', 'id'],
    env: { LOGGD_CONFIG_DIR: configDir('cfg-format', { format: 'json' }), LOGGD_FORMAT: 'ndjson' },
    code: 0,
    stderr: /^$/,
    stdout: /^\{"id":\d+\}\n$/,
  },
  {
    name: 'config: a hand-edited bad value is one line naming the key',
    argv: LIST,
    env: { LOGGD_CONFIG_DIR: configDir('cfg-bad', { color: 'sometimes' }) },
    code: 2,
    stderr:
      /^error: invalid value 'sometimes' for config key color in .*settings\.json: accepted are auto, always, never$/,
  },
  {
    name: 'a pager is never started on a pipe',
    argv: [...LIST, '--format', 'table', '--limit', '1'],
    env: { LOGGD_PAGER: 'false' },
    code: 0,
    stderr: /^$/,
    stdout: /^ID\s+NAME/,
  },
  { name: '--no-pager is accepted', argv: ['--no-pager', ...LIST, '--limit', '1'], code: 0, stderr: /^$/ },
  {
    name: '__complete offers a command’s enum values',
    argv: ['__complete', 'habits', 'list', '--status', ''],
    code: 0,
    stderr: /^$/,
    stdout: /^active\narchived\nall\n$/,
  },
  {
    name: '__complete never fails',
    argv: ['__complete', 'nope', '--profile'],
    code: 0,
    stderr: /^$/,
  },
  {
    name: 'auth status --json is {"profiles": [...]}',
    argv: ['auth', 'status', '--json'],
    code: 0,
    stderr: /^$/,
    stdout: /^\{"profiles":\[\{"profile":"default","active":true,"selected":true,.*"source":"env"/,
  },
  {
    name: 'auth status gives a hung server 10 s, then says so',
    argv: ['auth', 'status'],
    faults: [hang('/profile')],
    code: 6,
    stderr: /^error: no answer from http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public\/profile within 10 s$/,
    stdout: /^✗ default \(active\) {2}tok_ro…cr3t \(LOGGD_TOKEN\).*error: no answer from/,
  },
  {
    name: 'report unknown habit id exit 3 in JSON',
    argv: ['report', 'habits', '--habit', '999', '--format', 'json'],
    code: 3,
    stderr: /^\{"error":\{"code":"not_found"/,
  },
];

if (SYSTEM_NODE) {
  const version = execFileSync(SYSTEM_NODE, ['--version']).toString().trim().replace(/^v/, '');
  if (Number(version.split('.')[0]) < 22)
    ROWS.push({
      name: 'sync on an old Node',
      argv: ['sync', '--db', join(WORK, 'old.sqlite')],
      node: SYSTEM_NODE,
      code: 1,
      stderr: new RegExp(`^error: sync needs Node ≥ 22\\.13, you have ${version.replace(/\./g, '\\.')}$`),
    });
}

async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

let results: BinResult[] = [];

beforeAll(async () => {
  if (!existsSync(BIN)) {
    execFileSync('npx', ['-y', 'pnpm@12', '--filter', '@loggd/cli', 'run', 'build'], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: 'ignore',
    });
  }
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/api/v1/public`;
  await new Promise((r) => probe.close(r));
  server = await startMockServer({ port: 0, seed: 42, now: '2026-04-08T12:00:00Z', rateLimit: false });
  writeFileSync(join(WORK, 'a-file'), 'not a folder');
  mkdirSync(join(WORK, 'rl-export'), { recursive: true });
  const other = server.mock.dataset.accounts[1]!;
  server.mock.control.createHabit({ user_id: other.userId, name: 'Evil\x1b]0;pwned\x07\tname\n' });
  ROWS.forEach((row, i) => {
    const token = `tok_row${i}_${'s3cr3t'.repeat(4)}`;
    server.mock.tokens.create({ token });
    tokens.set(String(i), token);
    for (const fault of row.faults ?? []) server.mock.faults.add({ ...fault, token } as FaultSpec);
  });
  results = await pool(ROWS, 2, run);
}, 300_000);

afterAll(() => server?.close());

describe(`the CLI under real use: ${ROWS.length} cases`, () => {
  it.each(ROWS.map((row, i) => [row.name, i] as const))('%s', (_name, i) => {
    const row = ROWS[i]!;
    const r = results[i]!;
    const context = `loggd ${row.argv.join(' ')}\n--- stderr\n${r.stderr}--- stdout\n${r.stdout.slice(0, 400)}`;
    expect(r.code, context).toBe(row.code);
    if (row.code === 0 || row.code === 10) {
      if (row.stderr.source === '^$') expect(r.stderr, context).toBe('');
      else expect(r.stderr, context).toMatch(row.stderr);
    } else {
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0], context).toMatch(row.stderr);
      // After the message: hints, or announcements of waits and retries; never more than a few lines.
      for (const line of lines.slice(1))
        expect(line, context).toMatch(/^(hint: |error: |waiting \d+ s |no answer from |\{"error")/);
      expect(lines.length, context).toBeLessThanOrEqual(6);
    }
    if (row.stdout) expect(r.stdout, context).toMatch(row.stdout);
    row.check?.(r.stdout);
    expect(r.stderr + r.stdout, context).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const token = envOf(row, i).LOGGD_TOKEN;
    if (token && token.length > 12) expect(r.stderr + r.stdout, context).not.toContain(token);
  });
});

describe('export on a full disk', () => {
  // A real ENOSPC: a 64 KiB tmpfs (needs root and a kernel that allows the mount; skipped otherwise, e.g. in a
  // rootless container). The export fails with one line and leaves no partial run behind.
  const tiny = join(WORK, 'tiny-disk');
  let mounted = false;
  beforeAll(() => {
    mkdirSync(tiny, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', tiny], { stdio: 'ignore' });
      mounted = true;
    } catch {
      mounted = false;
    }
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [tiny], { stdio: 'ignore' });
  });

  it('fails with one line naming the folder and removes its temp files', async (test) => {
    if (!mounted) test.skip();
    const out = join(tiny, 'export');
    const r = await runLoggd(['--demo', 'export', '--out', out], { ...BASE_ENV, ...DEMO });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe(
      `error: cannot write ${out}: the disk is full (ENOSPC)\nhint: free some space (or pick another disk), then run the command again\n`,
    );
    expect(existsSync(join(out, '.loggd-export', 'run'))).toBe(false);
    expect(readdirSync(out).filter((f) => f !== '.loggd-export')).toEqual([]);
  });
});

describe('auth token on a terminal', () => {
  it('refuses without --show and prints with it', async () => {
    const env = { ...BASE_ENV, LOGGD_TOKEN: 'tok_terminal_0123456789' };
    const refused = fakeIO({ tty: true, env });
    expect(await runInProcess(['auth', 'token'], refused.io)).toBe(2);
    expect(refused.stderr()).toMatch(
      /^error: refusing to print the token on a terminal: pipe it, or add --show$/m,
    );
    expect(refused.stdout()).toBe('');
    const shown = fakeIO({ tty: true, env });
    expect(await runInProcess(['auth', 'token', '--show'], shown.io)).toBe(0);
    expect(shown.stdout()).toBe('tok_terminal_0123456789\n');
  });
});

describe('api -H', () => {
  it('sends the extra headers with the stored token', async () => {
    const { createServer: createHttpServer } = await import('node:http');
    const echo = createHttpServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: req.headers }));
    });
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    try {
      const { port } = echo.address() as AddressInfo;
      const r = await runLoggd(['api', '/echo', '-H', 'X-Trace: abc 1', '-H', 'accept-language:de'], {
        ...BASE_ENV,
        LOGGD_TOKEN: 'tok_header_row_0123456789',
        LOGGD_BASE_URL: `http://127.0.0.1:${port}/api/v1/public`,
      });
      expect(r.code, r.stderr).toBe(0);
      const sent = JSON.parse(r.stdout).data as Record<string, string>;
      expect(sent['x-trace']).toBe('abc 1');
      expect(sent['accept-language']).toBe('de');
      expect(sent.authorization).toBe('Bearer tok_header_row_0123456789');
    } finally {
      await new Promise((r) => echo.close(r));
    }
  });
});

describe('back-to-back runs on one account', () => {
  it('an export folder of one account, exported again with another, starts over instead of reusing cursors', async () => {
    const out = join(WORK, 'two-sources');
    const env = (token: string) => ({ ...BASE_ENV, LOGGD_TOKEN: token, LOGGD_BASE_URL: server.baseUrl });
    const first = await runLoggd(['export', '--out', out, '--resources', 'habits'], env('mock_pro_all'));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(/another account/);
    const second = await runLoggd(['export', '--out', out, '--resources', 'habits'], env('mock_other_all'));
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(
      /^note: this folder holds an export of another account or server: fetching everything again/m,
    );
    const habits = JSON.parse(readFileSync(join(out, 'habits.json'), 'utf8')) as Array<{ name: string }>;
    expect(habits.map((h) => h.name)).toContain('Evil\x1b]0;pwned\x07\tname\n');
    expect(JSON.stringify(readFileSync(join(out, 'manifest.json'), 'utf8'))).not.toContain('mock_other_all');
  });

  it('two full exports in a row both succeed, the second waiting for the rate limit instead of failing', async () => {
    // A mock with its real limiter, small data and a short window: one export nearly fills the window, so the
    // second must seed its limiter from X-RateLimit-Remaining and wait (saying so). When the first export's
    // requests were sent is unknown to the second (the limiter spreads them over the window), so the second may
    // meet a few 429s as the window reopens: each must be waited out as Retry-After says, never a failure.
    const limited = await startMockServer({
      port: 0,
      seed: 7,
      scale: 0.1,
      rateLimit: { limit: 200, windowMs: '4s' },
    });
    try {
      const env = {
        ...BASE_ENV,
        LOGGD_TOKEN: 'mock_pro_all',
        LOGGD_BASE_URL: limited.baseUrl,
        LOGGD_RATE_WINDOW_MS: '4000',
      };
      const first = await runLoggd(['export', '--out', join(WORK, 'twice-1')], env);
      const second = await runLoggd(['export', '--out', join(WORK, 'twice-2')], env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/ 0 retries/);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/waiting \d+ s for the rate limit/);
      const files = (dir: string) => {
        const m = JSON.parse(readFileSync(join(WORK, dir, 'manifest.json'), 'utf8'));
        return Object.fromEntries(
          Object.entries(m.files as Record<string, { count: number }>).map(([f, v]) => [f, v.count]),
        );
      };
      expect(Object.keys(files('twice-1')).length).toBeGreaterThan(5);
      expect(files('twice-2')).toEqual(files('twice-1'));
      // Only the few requests in flight as the window reopened may be refused (the export pool runs 4 at once),
      // and every one was retried after its Retry-After: the retries the summary counts are exactly those.
      const refused = limited.mock.journal.list().filter((e: { status: number }) => e.status === 429);
      expect(refused.length).toBeLessThanOrEqual(8);
      expect(second.stderr).toMatch(new RegExp(` ${refused.length} retries`));
    } finally {
      await limited.close();
    }
  }, 60_000);
});
