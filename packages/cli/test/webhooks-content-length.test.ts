import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WEBHOOK_EVENT_NAMES } from '@loggd/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runLoggd } from './helpers/bin.js';
import { rawPost, sign } from './webhooks.support.js';

// Receivers that frame a body by Content-Length only (Python's http.server, PHP/CGI, several serverless runtimes)
// read a chunked body as empty: every delivery `trigger` makes, and every relay `listen --forward-to` makes, must
// carry Content-Length. The receiver here is Python's own BaseHTTPRequestHandler, verifying the signature itself.
const SECRET = 'whsec_content_length_0123456789ab';
const RECEIVER = fileURLToPath(new URL('./helpers/content-length-receiver.py', import.meta.url));
const PYTHON = spawnSync('python3', ['--version']).status === 0;
const ENV = { PATH: process.env.PATH ?? '' };

interface Receipt {
  event: string | null;
  valid: boolean;
  length: number;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** Spawns a process and resolves the first match of `ready` in its stdout (or stderr), with a live line reader. */
function start(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  stream: 'stdout' | 'stderr',
) {
  const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let text = '';
  let other = '';
  const waiters: Array<() => void> = [];
  child[stream].on('data', (d) => {
    text += d;
    for (const w of waiters.splice(0)) w();
  });
  child[stream === 'stdout' ? 'stderr' : 'stdout'].on('data', (d) => (other += d));
  const match = new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => {
      const m = ready.exec(text);
      if (m) resolve(m);
      else waiters.push(check);
    };
    check();
    child.on('close', () => reject(new Error(`${cmd} exited early: ${text}${other}`)));
  });
  const lines = () => text.split('\n').filter((l) => l.startsWith('{'));
  const untilLines = (n: number) =>
    new Promise<string[]>((resolve) => {
      const check = () => (lines().length >= n ? resolve(lines()) : waiters.push(check));
      check();
    });
  return { match, untilLines };
}

function receiver() {
  const r = start(
    'python3',
    [RECEIVER],
    { ...process.env, LOGGD_WEBHOOK_SECRET: SECRET },
    /PORT (\d+)/,
    'stdout',
  );
  return {
    url: r.match.then((m) => `http://127.0.0.1:${m[1]}/hook`),
    receipts: (n: number) => r.untilLines(n).then((ls) => ls.map((l) => JSON.parse(l) as Receipt)),
  };
}

const TITLE = 'a Content-Length-only receiver (Python http.server)';
describe.skipIf(!PYTHON)(PYTHON ? TITLE : `${TITLE}: skipped, python3 is not on PATH`, () => {
  it('gets all 15 events from `trigger --all` with their bodies and valid signatures', async () => {
    const app = receiver();
    const trigger = await runLoggd(
      ['webhooks', 'trigger', '--all', '--url', await app.url, '--secret', SECRET],
      ENV,
    );
    expect(trigger.code).toBe(0);
    const receipts = await app.receipts(15);
    expect(receipts.map((r) => r.event).sort()).toEqual([...WEBHOOK_EVENT_NAMES].sort());
    expect(receipts.every((r) => r.valid && r.length > 0)).toBe(true);
  });

  it('gets a chunked delivery relayed by `listen --forward-to` byte for byte, with Content-Length', async () => {
    const app = receiver();
    const listen = start(
      process.execPath,
      [BIN, 'webhooks', 'listen', '--port', '0', '--format', 'ndjson', '--forward-to', await app.url],
      { ...ENV, LOGGD_WEBHOOK_SECRET: SECRET },
      /Ready! listening on (\S+)/,
      'stderr',
    );
    const url = (await listen.match)[1] as string;
    const body = JSON.stringify({
      event: 'habit.logged',
      version: 1,
      timestamp: '2026-04-08T14:30:00+00:00',
      data: { habit: { id: 1, name: 'Réveil ☀' } },
    });
    // rawPost gives node:http a header list, so this request itself arrives chunked, without Content-Length.
    const sent = await rawPost(
      url,
      [
        'Content-Type',
        'application/json',
        'X-Loggd-Event',
        'habit.logged',
        'X-Loggd-Delivery',
        'dlv_cl_1',
        'X-Loggd-Signature',
        sign(body, SECRET),
      ],
      body,
    );
    expect(sent.status).toBe(200);
    const [receipt] = await app.receipts(1);
    expect(receipt).toEqual({ event: 'habit.logged', valid: true, length: Buffer.byteLength(body) });
  });
});
