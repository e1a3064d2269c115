import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BODY_BYTES } from '../src/request-body.js';
import { startMockServer } from '../src/server.js';
import { control, strictMock } from './support.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Streams a chunked POST until the server answers or closes; resolves with the status and the bytes written. */
function flood(url: string, max: number): Promise<{ status: number | null; written: number }> {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
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

describe('control API bodies', () => {
  it('answers a whitespace-only body with a 400 that says so (no body at all still means {})', async () => {
    const mock = strictMock();
    const blank = await control(mock, 'POST', '/faults', '  \n ');
    expect(blank.status).toBe(400);
    expect(blank.json.message).toMatch(/Malformed JSON body: only whitespace/);
    expect((await control(mock, 'POST', '/reset')).status).toBe(200);
  });

  it('refuses a body over the cap with a 413 naming the limit (in process)', async () => {
    const mock = strictMock();
    const res = await control(mock, 'POST', '/faults', `[${' '.repeat(MAX_REQUEST_BODY_BYTES)}]`);
    expect(res.status).toBe(413);
    expect(res.json.message).toContain(`over ${MAX_REQUEST_BODY_BYTES} bytes`);
  });

  it('stops reading a 200 MB POST at the cap over HTTP', async () => {
    const server = await startMockServer({ port: 0 });
    closers.push(() => server.close());
    const result = await flood(`${server.url}/__mock/faults`, 200 * 1024 * 1024);
    expect(result.status === 413 || result.status === null).toBe(true);
    expect(result.written).toBeLessThan(32 * 1024 * 1024);
  });
});
