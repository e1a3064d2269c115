// The published binary over stdio, driven by the MCP SDK's own client: `--demo`, a real token against the
// standalone mock (which never shows up in a frame or a log line), and its command-line errors.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@loggd/mock';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/bin/bin.js', import.meta.url));
beforeAll(() => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npx -y pnpm@12 run build\` first`);
});

const baseEnv = (): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  LOGGD_CONFIG_DIR: '/nonexistent-loggd-mcp-test',
});

/** Starts the binary with `args`/`env`, connects a client, and records every frame and stderr byte. */
async function start(args: string[], env: Record<string, string>) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, ...args],
    env: { ...baseEnv(), ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d) => (stderr += String(d)));
  const client = new Client({ name: 'loggd-mcp-stdio-test', version: '1.0.0' });
  await client.connect(transport);
  const frames: string[] = [];
  const deliver = transport.onmessage;
  transport.onmessage = (message) => {
    frames.push(JSON.stringify(message));
    deliver?.(message);
  };
  return { client, frames, stderr: () => stderr, close: () => client.close() };
}

describe('loggd-mcp over stdio', { timeout: 120_000 }, () => {
  it('--demo answers tools/list and a call with the demo data', async () => {
    const s = await start(['--demo'], { LOGGD_DEMO_SEED: '42', LOGGD_DEMO_NOW: '2026-04-08T12:00:00Z' });
    try {
      const { tools } = await s.client.listTools();
      expect(tools).toHaveLength(13);
      const r = (await s.client.callTool({ name: 'get_habit', arguments: { id: 42 } })) as unknown as {
        structuredContent: { habit: { id: number; name: string } };
      };
      expect(r.structuredContent.habit).toMatchObject({ id: 42, name: 'Morning Exercise' });
      expect(s.stderr()).toMatch(/loggd-mcp: serving the demo account over stdio/);
    } finally {
      await s.close();
    }
  });

  it('with LOGGD_TOKEN, every tool answers and the token is in no frame and no log line', async () => {
    const server = await startMockServer({
      port: 0,
      seed: 42,
      now: '2026-04-08T12:00:00Z',
      rateLimit: false,
    });
    const token = `lgd_${randomBytes(12).toString('hex')}`;
    // Habits and profile only: the task, goal and focus tools fail with missing_scope, whose messages are checked too.
    server.mock.tokens.create({ token, scopes: ['read:habits', 'read:profile'] });
    const s = await start([], { LOGGD_TOKEN: token, LOGGD_BASE_URL: server.baseUrl });
    try {
      const { tools } = await s.client.listTools();
      const args: Record<string, Record<string, unknown>> = {
        get_habit: { id: 42 },
        habit_checks: { habit_id: 42, from: '2026-03-01' },
        get_task: { id: 2 },
        get_goal_updates: { goal_id: 4 },
      };
      const outcomes: Record<string, boolean> = {};
      for (const tool of tools) {
        const r = await s.client.callTool({ name: tool.name, arguments: args[tool.name] ?? {} });
        outcomes[tool.name] = !r.isError;
      }
      expect(outcomes).toMatchObject({
        list_habits: true,
        get_habit: true,
        habit_checks: true,
        get_profile: true,
      });
      expect(outcomes).toMatchObject({ list_tasks: false, list_goals: false, list_focus_sessions: false });
      await s.client.readResource({ uri: 'loggd://profile' });
      expect(s.frames.length).toBeGreaterThan(13);
      expect(s.frames.join('\n')).toContain('read:tasks');
      for (const text of [...s.frames, s.stderr()]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(token.slice(4));
      }
      expect(s.stderr()).toContain(`serving ${server.baseUrl} over stdio`);
    } finally {
      await s.close();
      await server.close();
    }
  });
});

describe('command line', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [bin, ...args], {
      encoding: 'utf8',
      env: { ...baseEnv(), ...env },
      input: '',
    });

  it('--help and --version print to stdout and exit 0', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--demo .*demo account/);
    expect(help.stdout).toMatch(/LOGGD_TOKEN/);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('no token: one line naming LOGGD_TOKEN and --demo, exit 4, nothing on stdout', () => {
    const r = run([]);
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no token: set LOGGD_TOKEN .* or pass --demo/);
  });

  it('bad arguments: one line with what is accepted, exit 2', () => {
    const unknown = run(['--verbose']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(
      /unknown argument '--verbose': accepted are --demo, --base-url URL, --help, --version/,
    );
    const url = run(['--base-url', 'loggd.life'], { LOGGD_TOKEN: 'x' });
    expect(url.status).toBe(2);
    expect(url.stderr).toMatch(/invalid --base-url 'loggd.life': accepted is an http\(s\) URL/);
    const zone = run(['--demo'], { LOGGD_TZ: 'Mars/Olympus' });
    expect(zone.status).toBe(2);
    expect(zone.stderr).toMatch(/invalid LOGGD_TZ 'Mars\/Olympus'/);
  });
});
