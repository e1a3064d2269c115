import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MockOptionError, parseServeOptions } from '@loggd/mock';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN } from './helpers/bin.js';

// `loggd mock serve` and `loggd-mock` share @loggd/mock's parseServeOptions: same flags, same one-line errors,
// same exit codes (2 a bad value, 6 an address that cannot be listened on).
const MOCK_BIN = fileURLToPath(new URL('../../mock/dist/bin.js', import.meta.url));
const ENV = { PATH: process.env.PATH ?? '', LOGGD_KEYRING: 'off', HOME: '/nonexistent' };

const BINS: ReadonlyArray<readonly [name: string, argv: readonly string[]]> = [
  ['loggd mock serve', [BIN, 'mock', 'serve']],
  ['loggd-mock', [MOCK_BIN]],
];

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(argv: readonly string[], args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...argv, ...args], {
      env: ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      children.delete(child);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Start a bin and resolve with its base URL once it printed it; the caller stops it. */
function serve(argv: readonly string[], args: string[]): Promise<{ baseUrl: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...argv, ...args], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve({ baseUrl: m[1]!, child });
    });
    child.on('close', () => reject(new Error(`exited early: ${out}`)));
  });
}

async function stop(child: ChildProcess): Promise<number | null> {
  const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  child.kill('SIGTERM');
  const code = await closed;
  children.delete(child);
  return code;
}

const BAD: ReadonlyArray<readonly [args: string[], flag: string, accepted: RegExp]> = [
  [['--port', '70000'], '--port', /integer from 0 to 65535/],
  [['--port', 'http'], '--port', /integer from 0 to 65535/],
  [['--seed', '-1'], '--seed', /integer from 0 to 2147483647/],
  [['--seed', '1.5'], '--seed', /integer/],
  [['--now', 'yesterday'], '--now', /ISO 8601 instant/],
  [['--now', '1'], '--now', /ISO 8601 instant/],
  [['--scale', '0'], '--scale', /greater than 0 and at most 100/],
  [['--scale', 'big'], '--scale', /greater than 0/],
  [['--rate-limit', 'none'], '--rate-limit', /integer from 1 to 1000000, or 'off'/],
  [['--rate-limit', '0'], '--rate-limit', /or 'off'/],
  [['--host', 'http://localhost:4010'], '--host', /host name or IP address/],
];

describe('parseServeOptions (the one parser of both bins)', () => {
  it('turns flag strings into server options, with the documented defaults', () => {
    expect(parseServeOptions({})).toEqual({ port: 4010, host: '127.0.0.1' });
    expect(
      parseServeOptions({
        port: '0',
        host: '::1',
        seed: '7',
        now: '2026-04-08T12:00:00Z',
        scale: '2.5',
        rateLimit: 'off',
        strict: true,
      }),
    ).toEqual({
      port: 0,
      host: '::1',
      seed: 7,
      now: '2026-04-08T12:00:00Z',
      scale: 2.5,
      rateLimit: false,
      strict: true,
    });
    expect(parseServeOptions({ rateLimit: '60' }).rateLimit).toEqual({ limit: 60 });
  });

  it.each(BAD)(
    'refuses %j with one line naming the flag, the value and what is accepted',
    (args, flag, accepted) => {
      const values = { [args[0]!.slice(2).replace('rate-limit', 'rateLimit')]: args[1] };
      let error: unknown;
      try {
        parseServeOptions(values);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MockOptionError);
      const message = (error as Error).message;
      expect(message).toContain(`invalid ${flag} '${args[1]}'`);
      expect(message).toMatch(accepted);
      expect(message).not.toContain('\n');
    },
  );
});

describe.runIf(existsSync(BIN) && existsSync(MOCK_BIN))('both bins', () => {
  it('refuse the same bad values with the same one-line message and exit 2, no stack trace', async () => {
    for (const [[flagArg, value], flag] of BAD.slice(0, 6)) {
      // `--flag=value`: node:util parseArgs reads `--seed -1` as a flag missing its value.
      const args = [`${flagArg}=${value}`];
      const messages: string[] = [];
      for (const [name, argv] of BINS) {
        const r = await run(argv, args);
        expect(r.code, `${name} ${args.join(' ')}: ${r.stderr}`).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).not.toMatch(/\n\s+at /);
        const line = r.stderr.split('\n').find((l) => l.includes(flag))!;
        messages.push(line.replace(/^(loggd-mock|loggd|error):\s*/, ''));
      }
      expect(messages[0], args.join(' ')).toBe(messages[1]);
    }
  });

  describe('a busy port', () => {
    let blocker: Server;
    afterAll(() => new Promise<void>((r) => blocker.close(() => r())));

    it('is one line naming the port and --port, exit 6, no stack trace', async () => {
      blocker = createServer();
      await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
      const { port } = blocker.address() as AddressInfo;
      for (const [name, argv] of BINS) {
        const r = await run(argv, ['--port', String(port)]);
        expect(r.code, `${name}: ${r.stderr}`).toBe(6);
        expect(r.stdout).toBe('');
        expect(r.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
        const lines = r.stderr.trim().split('\n');
        expect(lines[0], name).toMatch(
          new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use.*--port`),
        );
      }
    });
  });

  it('--rate-limit, --scale, --seed, --now and --strict reach the server, in both bins', async () => {
    for (const [name, argv] of BINS) {
      const { baseUrl, child } = await serve(argv, [
        '--port',
        '0',
        '--rate-limit',
        '2',
        '--seed',
        '9',
        '--now',
        '2026-04-08T12:00:00Z',
        '--scale',
        '2',
        '--strict',
      ]);
      const auth = { headers: { Authorization: 'Bearer mock_pro_all' } };
      const first = await fetch(`${baseUrl}/habits/42`, auth);
      expect(first.status, name).toBe(200);
      expect(first.headers.get('x-ratelimit-limit')).toBe('2');
      const habits = (await (await fetch(`${baseUrl}/habits?status=all&limit=100`, auth)).json()) as {
        data: unknown[];
      };
      expect(await fetch(`${baseUrl}/profile`, auth).then((r) => r.status)).toBe(429);
      const health = (await (
        await fetch(`${baseUrl.replace(/\/api\/v1\/public$/, '')}/__mock/health`)
      ).json()) as {
        seed: number;
        now: string;
        frozen: boolean;
      };
      expect(health).toMatchObject({ seed: 9, now: '2026-04-08T12:00:00+00:00', frozen: true });
      expect(await stop(child), name).toBe(0);

      // Scale 2 doubles the demo account's habits (compared with the same seed and instant at scale 1).
      const plain = await serve(argv, [
        '--port',
        '0',
        '--rate-limit',
        'off',
        '--seed',
        '9',
        '--now',
        '2026-04-08T12:00:00Z',
      ]);
      const base = (await (await fetch(`${plain.baseUrl}/habits?status=all&limit=100`, auth)).json()) as {
        data: unknown[];
      };
      expect(habits.data.length, name).toBe(base.data.length * 2);
      for (let i = 0; i < 5; i++) expect((await fetch(`${plain.baseUrl}/profile`, auth)).status).toBe(200);
      expect(await stop(plain.child)).toBe(0);
    }
  });
});
