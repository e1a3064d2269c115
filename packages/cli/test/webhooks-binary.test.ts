import { spawn } from 'node:child_process';
import { WEBHOOK_EVENT_NAMES } from '@loggd/sdk';
import { describe, expect, it } from 'vitest';
import { BIN, runLoggd } from './helpers/bin.js';

// The built binary end to end: signals, exit codes and stdout/stderr as users get them (the rest is covered
// in-process by webhooks-listen.test.ts and webhooks-commands.test.ts).
const SECRET = 'whsec_binary_test_0123456789abcd';

describe('the loggd binary: webhooks', () => {
  it('listen + trigger --all round-trip all 15 events; SIGINT stops listen with exit 130', async () => {
    const child = spawn(process.execPath, [BIN, 'webhooks', 'listen', '--port', '0', '--format', 'ndjson'], {
      env: { PATH: process.env.PATH ?? '', LOGGD_WEBHOOK_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        const m = /Ready! listening on (\S+)/.exec(stderr);
        if (m) resolve(m[1] as string);
      });
      child.on('close', () => reject(new Error(`listen exited: ${stderr}`)));
    });
    const trigger = await runLoggd(['webhooks', 'trigger', '--all', '--url', url, '--secret', SECRET], {
      PATH: process.env.PATH ?? '',
    });
    expect(trigger.code).toBe(0);
    const lines = () => stdout.split('\n').filter(Boolean);
    await new Promise<void>((resolve) => {
      if (lines().length >= 15) resolve();
      child.stdout.on('data', () => lines().length >= 15 && resolve());
    });
    const records = lines().map((l) => JSON.parse(l));
    expect(records.map((r) => r.event).sort()).toEqual([...WEBHOOK_EVENT_NAMES].sort());
    expect(records.every((r) => r.verified === true)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).not.toContain(SECRET);
  });

  it('verify exits 7 for a wrong signature', async () => {
    const result = await runLoggd(
      ['webhooks', 'verify', '--secret', SECRET, '--signature', `sha256=${'0'.repeat(64)}`, '/dev/null'],
      {
        PATH: process.env.PATH ?? '',
      },
    );
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('invalid signature');
  });
});
