// The built `loggd` sends its API requests over node:http (no undici loaded), `loggd api -H/-i` keep working on
// it, and a configured HTTP proxy still carries the requests (through the global fetch).
import { createServer, request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { type RunningMockServer, startMockServer } from '@loggd/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoggd } from './helpers/bin.js';
import { type HostileServer, PROFILE_BODY, startHostileServer } from './helpers/hostile-server.js';

/** Preloaded into the binary: at exit, says whether Node ever loaded its undici bundle. */
const UNDICI_PROBE = `--import=data:text/javascript,process.on('exit',()=>process.stderr.write('undici loaded: '+process.moduleLoadList.some((m)=>m.includes('undici'))+'\\n'))`;

let mock: RunningMockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await mock.close();
});

function envFor(baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    LOGGD_TOKEN: 'mock_pro_all',
    LOGGD_BASE_URL: baseUrl,
    LOGGD_CONFIG_DIR: '/nonexistent-loggd-node-fetch',
    ...extra,
  };
}

describe('loggd over node:http', () => {
  it('`habits list --format json` answers from the API without loading undici', async () => {
    const result = await runLoggd(['habits', 'list', '--format', 'json'], envFor(mock.baseUrl), [
      UNDICI_PROBE,
    ]);
    expect(result.stderr).toBe('undici loaded: false\n');
    expect(result.code).toBe(0);
    const habits = JSON.parse(result.stdout) as { id: number; name: string }[];
    expect(habits.length).toBeGreaterThan(0);
    expect(habits[0]).toMatchObject({ id: expect.any(Number), name: expect.any(String) });
  });

  it('`loggd api -i -H` sends the extra header and prints the status line and sorted headers, without undici', async () => {
    let server: HostileServer | undefined;
    try {
      server = await startHostileServer((_req, res) => {
        res.writeHead(200, 'OK', {
          'content-type': 'application/json',
          'x-ratelimit-remaining': '299',
          'x-ratelimit-limit': '300',
        });
        res.end(PROFILE_BODY);
      });
      const result = await runLoggd(
        ['api', '-i', '/profile', '-H', 'Accept-Language: de'],
        envFor(server.baseUrl),
        [UNDICI_PROBE],
      );
      expect(result.stderr).toBe('undici loaded: false\n');
      expect(result.code).toBe(0);
      expect(server.seen[0]?.headers).toMatchObject({
        'accept-language': 'de',
        authorization: 'Bearer mock_pro_all',
        accept: 'application/json',
      });
      const [head = '', body = ''] = result.stdout.split('\n\n');
      const lines = head.split('\n');
      expect(lines[0]).toBe('HTTP/1.1 200 OK');
      expect(lines).toContain('X-Ratelimit-Remaining: 299');
      const names = lines.slice(1).map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
      expect(names).toEqual([...names].sort());
      expect(JSON.parse(body)).toMatchObject({ data: { username: 'jane' } });
    } finally {
      await server?.close();
    }
  });

  it('with HTTP_PROXY set (and NODE_USE_ENV_PROXY), the requests go through the proxy', async () => {
    const proxied: string[] = [];
    // A forward proxy: absolute-form requests relayed, CONNECT tunnelled (undici tunnels even plain http).
    const proxy = createServer((req, res) => {
      proxied.push(req.url ?? '');
      const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    proxy.on('connect', (req, client, head) => {
      proxied.push(`CONNECT ${req.url}`);
      const [host = '', port = ''] = (req.url ?? '').split(':');
      const target = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        target.write(head);
        target.pipe(client);
        client.pipe(target);
      });
      target.on('error', () => client.destroy());
      client.on('error', () => target.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      const result = await runLoggd(
        ['habits', 'list', '--format', 'json'],
        envFor(mock.baseUrl, { HTTP_PROXY: proxyUrl, NODE_USE_ENV_PROXY: '1' }),
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(expect.any(Array));
      const { host } = new URL(mock.baseUrl);
      expect(proxied).toEqual([
        expect.stringMatching(new RegExp(`^(CONNECT ${host}|${mock.baseUrl}/habits)`.replaceAll('.', '\\.'))),
      ]);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
