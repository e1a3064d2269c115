import { createConnection } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../src/index.js';
import { NOW, strictMock } from './support.js';

const requests = [
  '/habits',
  '/habits?status=all&limit=3',
  '/tasks?status=all&limit=7',
  '/goals?status=all',
  '/focus-sessions?limit=5',
  '/profile',
  '/habits/999999999',
  '/habits?limit=0',
];

async function bodies(fetcher: typeof fetch, baseUrl: string, token = 'mock_pro_all'): Promise<string[]> {
  const out: string[] = [];
  for (const path of requests) {
    const res = await fetcher(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    out.push(`${res.status} ${await res.text()}`);
  }
  return out;
}

describe('three doors, one engine', () => {
  const viaFetch = strictMock();
  const viaMsw = strictMock();
  const viaServer = strictMock();
  const server = setupServer(...viaMsw.handlers);
  let standalone: Awaited<ReturnType<typeof startMockServer>>;
  // msw patches the global fetch: keep the untouched one for the standalone server.
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    standalone = await startMockServer({ mock: viaServer, port: 0 });
    server.listen({ onUnhandledFrame: 'error' });
  });
  afterAll(async () => {
    server.close();
    await standalone.close();
  });

  it('give byte-identical bodies for the same seed and requests', async () => {
    const a = await bodies(viaFetch.fetch, viaFetch.baseUrl);
    const b = await bodies(globalThis.fetch, 'https://loggd.life/api/v1/public');
    const c = await bodies(realFetch, standalone.baseUrl);
    expect(a[0]).toMatch(/^200 \{"data":\[/);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('msw: per-test overrides with server.use go in front of the mock', async () => {
    const { http, HttpResponse } = await import('msw');
    server.use(
      http.get('https://loggd.life/api/v1/public/profile', () => HttpResponse.json({ data: 'override' }), {
        once: true,
      }),
    );
    const res = await fetch('https://loggd.life/api/v1/public/profile', {
      headers: { authorization: 'Bearer mock_pro_all' },
    });
    expect(await res.json()).toEqual({ data: 'override' });
    const again = await fetch('https://loggd.life/api/v1/public/profile', {
      headers: { authorization: 'Bearer mock_pro_all' },
    });
    expect((await again.json()).data.username).toBeTypeOf('string');
  });

  it('msw: a reset fault is a network error', async () => {
    await expect(
      fetch('https://loggd.life/api/v1/public/habits', {
        headers: { authorization: 'Bearer mock_pro_all', 'x-mock-fault': 'reset' },
      }),
    ).rejects.toThrow(TypeError);
  });

  it('standalone: control API, and transport faults are real socket behaviour', async () => {
    const health = await realFetch(`${standalone.url}/__mock/health`);
    expect((await health.json()).now).toBe('2026-04-08T12:00:00+00:00');
    expect(NOW).toBe('2026-04-08T12:00:00Z');
    const headers = { authorization: 'Bearer mock_pro_all' };
    await expect(
      realFetch(`${standalone.baseUrl}/habits`, { headers: { ...headers, 'x-mock-fault': 'reset' } }),
    ).rejects.toThrow('fetch failed');
    await expect(
      realFetch(`${standalone.baseUrl}/habits`, { headers: { ...headers, 'x-mock-fault': 'empty' } }),
    ).rejects.toThrow('fetch failed');
    const truncated = await realFetch(`${standalone.baseUrl}/habits`, {
      headers: { ...headers, 'x-mock-fault': 'truncate' },
    });
    expect(truncated.status).toBe(200);
    await expect(truncated.text()).rejects.toThrow();
    const dribble = await realFetch(`${standalone.baseUrl}/profile`, {
      headers: { ...headers, 'x-mock-fault': 'dribble=1' },
    });
    expect((await dribble.json()).data.username).toBeTypeOf('string');
    const hung = realFetch(`${standalone.baseUrl}/profile`, {
      headers: { ...headers, 'x-mock-fault': 'hang' },
      signal: AbortSignal.timeout(50),
    });
    await expect(hung).rejects.toThrow(/abort|timeout/i);
  });

  it('standalone: a malformed HTTP request does not crash the server', async () => {
    const url = new URL(standalone.url);
    await new Promise<void>((resolve) => {
      const socket = createConnection(Number(url.port), url.hostname, () => socket.end('GARBAGE\r\n\r\n'));
      socket.resume();
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
    const res = await realFetch(`${standalone.baseUrl}/profile`, {
      headers: { authorization: 'Bearer mock_pro_all' },
    });
    expect(res.status).toBe(200);
  });
});
