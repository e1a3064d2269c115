import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ListenServer, startListenServer } from '../src/webhooks/listen-server.js';
import { resolveSecret, SECRET_ENV } from '../src/webhooks/secret.js';

const servers: ListenServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function receiver(extra: { requestTimeoutMs?: number } = {}) {
  const server = await startListenServer({
    port: 0,
    path: '/',
    secrets: ['whsec_limits'],
    onDelivery: () => {},
    ...extra,
  });
  servers.push(server);
  return server;
}

/**
 * POSTs a chunked body of `chunk` repeated until the receiver answers or closes (at most `max` bytes);
 * resolves with the status seen (null when the connection closed first) and how many bytes were written.
 */
function streamUntilStopped(
  url: string,
  chunk: Buffer,
  max: number,
): Promise<{ status: number | null; written: number }> {
  return new Promise((resolve) => {
    let written = 0;
    let status: number | null = null;
    let stopped = false;
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
    const finish = () => {
      if (stopped) return;
      stopped = true;
      req.destroy();
      resolve({ status, written });
    };
    req.on('response', (res) => {
      status = res.statusCode ?? null;
      res.resume();
      res.on('end', finish);
    });
    req.on('error', finish);
    req.on('close', finish);
    const pump = () => {
      while (!stopped && written < max) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!stopped) req.end();
    };
    pump();
  });
}

describe('webhooks listen: limits a hostile sender cannot stretch', () => {
  it('answers 413 to an over-limit chunked body without reading the rest of it', async () => {
    const l = await receiver();
    const max = 500 * 1024 * 1024;
    const result = await streamUntilStopped(l.url, Buffer.alloc(64 * 1024, 0x20), max);
    // The 413 (or the close that follows it) arrives after about the 1 MiB limit plus socket buffers.
    expect(result.status === 413 || result.status === null).toBe(true);
    expect(result.written).toBeLessThan(32 * 1024 * 1024);
  });

  it('answers 413 to a declared over-limit Content-Length at once', async () => {
    const l = await receiver();
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(l.url, {
        method: 'POST',
        headers: { 'content-length': String(600 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.write('{');
    });
    expect(status).toBe(413);
  });

  it('drops a sender that drips its body slower than the request timeout', async () => {
    const l = await receiver({ requestTimeoutMs: 300 });
    const outcome = await new Promise<string>((resolve) => {
      const req = request(l.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000' },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(`status ${res.statusCode}`);
      });
      req.on('error', () => resolve('closed'));
      req.on('close', () => resolve('closed'));
      // One byte, then silence: the server's own timer has to end it.
      req.write('{');
    });
    expect(['status 408', 'closed']).toContain(outcome);
  });
});

describe('webhook secret sources', () => {
  const warnings: string[] = [];
  const warn = (line: string) => warnings.push(line);
  afterEach(() => {
    warnings.length = 0;
  });

  async function secretFile(text: string, mode = 0o600): Promise<string> {
    const path = join(await mkdtemp(join(tmpdir(), 'loggd-secret-')), 'secret');
    await writeFile(path, text);
    await chmod(path, mode);
    return path;
  }

  it(`defaults to ${SECRET_ENV}, silently`, async () => {
    expect(await resolveSecret({}, { [SECRET_ENV]: 'whsec_env' }, warn)).toBe('whsec_env');
    expect(warnings).toEqual([]);
  });

  it('reads the first line of --secret-file, ahead of the environment', async () => {
    const path = await secretFile('whsec_from_file\n');
    expect(await resolveSecret({ secretFile: path }, { [SECRET_ENV]: 'whsec_env' }, warn)).toBe(
      'whsec_from_file',
    );
    expect(warnings).toEqual([]);
  });

  it('warns when the file is readable by others', async () => {
    const path = await secretFile('whsec_loose\n', 0o644);
    expect(await resolveSecret({ secretFile: path }, {}, warn)).toBe('whsec_loose');
    expect(warnings.join('\n')).toMatch(/readable by other users; chmod 600/);
  });

  it('still takes --secret, warning that it shows in ps', async () => {
    expect(await resolveSecret({ secret: 'whsec_flag' }, {}, warn)).toBe('whsec_flag');
    expect(warnings.join('\n')).toMatch(/--secret is visible to other users of this machine \(ps/);
    expect(warnings.join('\n')).not.toContain('whsec_flag');
  });

  it.each([
    [{}, /missing webhook secret: set LOGGD_WEBHOOK_SECRET or give --secret-file PATH/],
    [{ secret: 'a', secretFile: 'b' }, /either --secret or --secret-file, not both/],
    [
      { secretFile: '/nonexistent/loggd-secret' },
      /cannot read --secret-file '\/nonexistent\/loggd-secret' \(ENOENT\)/,
    ],
  ])('refuses %o with a usage error', async (flags, message) => {
    await expect(resolveSecret(flags, {}, warn)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(message),
    });
  });

  it('refuses an empty secret file', async () => {
    const path = await secretFile('\n');
    await expect(resolveSecret({ secretFile: path }, {}, warn)).rejects.toThrow(/is empty/);
  });
});
