// `loggd mcp`: the @loggd/mcp server started by the built CLI with its own credential resolution, driven by the
// MCP SDK's client over stdio.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@loggd/mock';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/loggd.js', import.meta.url));

let configHome: string;
let server: Awaited<ReturnType<typeof startMockServer>>;
const env = () => ({
  PATH: process.env.PATH ?? '',
  HOME: configHome,
  XDG_CONFIG_HOME: configHome,
  LOGGD_KEYRING: 'off',
});

beforeAll(async () => {
  configHome = await mkdtemp(join(tmpdir(), 'loggd-mcp-cmd-'));
  server = await startMockServer({ port: 0, seed: 42, now: '2026-04-08T12:00:00Z', rateLimit: false });
});
afterAll(async () => {
  await server?.close();
  await rm(configHome, { recursive: true, force: true });
});

function loggd(
  args: string[],
  stdin = '',
  extra: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...env(), ...extra } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

async function connect(args: string[]) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, ...args],
    env: env(),
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += String(d)));
  const client = new Client({ name: 'loggd-mcp-command-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

describe.runIf(existsSync(BIN))('loggd mcp', { timeout: 120_000 }, () => {
  it('--demo serves the demo account', async () => {
    const { client, stderr } = await connect(['--demo', 'mcp']);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain('weekly_review');
      const r = (await client.callTool({ name: 'get_habit', arguments: { id: 42 } })) as unknown as {
        structuredContent: { habit: { name: string } };
      };
      expect(r.structuredContent.habit.name).toBe('Morning Exercise');
      expect(stderr()).toMatch(/loggd mcp: serving the demo account over stdio/);
    } finally {
      await client.close();
    }
  });

  it('uses a stored profile’s token and base URL, and never shows the token', async () => {
    const token = 'mock_pro_habits';
    const login = await loggd(
      [
        '--profile',
        'work',
        'auth',
        'login',
        '--with-token',
        '--insecure-storage',
        '--base-url',
        server.baseUrl,
      ],
      `${token}\n`,
    );
    expect(login.code).toBe(0);
    const { client, stderr } = await connect(['--profile', 'work', 'mcp']);
    try {
      const habits = await client.callTool({ name: 'list_habits', arguments: { limit: 2 } });
      expect(habits.isError).toBeFalsy();
      const tasks = await client.callTool({ name: 'list_tasks', arguments: {} });
      expect(tasks.isError).toBe(true);
      expect(JSON.stringify(tasks.content)).toMatch(/read:tasks/);
      expect(JSON.stringify([habits, tasks])).not.toContain(token);
      expect(stderr()).toContain(`serving ${server.baseUrl} over stdio`);
      expect(stderr()).not.toContain(token);
    } finally {
      await client.close();
    }
  });

  it('without any token: exit 4 before serving, nothing on stdout', async () => {
    const empty = join(configHome, 'empty');
    const r = await loggd(['mcp'], '', { HOME: empty, XDG_CONFIG_HOME: empty });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: no token/);
  });

  it('--help shows an assistant config', async () => {
    const r = await loggd(['mcp', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"command": "loggd", "args": \["mcp"\]/);
  });
});
