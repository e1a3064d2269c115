import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockApi } from '@loggd/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runLoggd } from './helpers/bin.js';

// `loggd mock verify` through the real binary: against the mock (no drift), and against a server that drifts the
// way a real API release could (an unknown enum value, a dropped field, a new field).

const CONFIG = mkdtempSync(join(tmpdir(), 'loggd-verify-test-'));
const ENV = { PATH: process.env.PATH ?? '', HOME: CONFIG, LOGGD_CONFIG_DIR: CONFIG, LOGGD_KEYRING: 'off' };
const NOW = '2026-04-08T12:00:00Z';

const loggd = (args: string[], env: Record<string, string> = {}) => runLoggd(args, { ...ENV, ...env });

/** Serves the mock over HTTP, rewriting GET /habits list items so they drift from the SDK's schema. */
let drifting: Server;
let baseUrl: string;
const mock = createMockApi({ seed: 42, now: NOW, rateLimit: false });

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`build the CLI first: ${BIN} is missing`);
  drifting = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', mock.baseUrl);
    const upstream = await mock.fetch(
      `${mock.baseUrl}${url.pathname.replace(/^\/api\/v1\/public/, '')}${url.search}`,
      {
        headers: { authorization: req.headers.authorization ?? '' },
      },
    );
    let body = await upstream.text();
    if (url.pathname.endsWith('/habits') && upstream.ok) {
      const page = JSON.parse(body);
      for (const habit of page.data) {
        habit.status = 'paused';
        // tracking_mode is in every documented habit example (checked_today is not: its absence is no drift).
        delete habit.tracking_mode;
        habit.completion_rate = 0.9;
      }
      body = JSON.stringify(page);
    }
    res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((r) => drifting.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(drifting.address() as AddressInfo).port}/api/v1/public`;
});
afterAll(() => new Promise<void>((r) => drifting.close(() => r())));

describe('loggd mock verify', () => {
  it('finds no drift in the mock itself and exits 0', async () => {
    const r = await loggd(['--demo', 'mock', 'verify', '--format', 'json'], {
      LOGGD_DEMO_SEED: '42',
      LOGGD_DEMO_NOW: NOW,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toMatch(/0 violation\(s\), 0 unknown field\(s\)/);
  });

  it('reports unknown enum values, missing and new fields, and exits 1', async () => {
    const r = await loggd(['mock', 'verify', '--format', 'json'], {
      LOGGD_TOKEN: 'mock_pro_all',
      LOGGD_BASE_URL: baseUrl,
    });
    expect(r.code, r.stderr).toBe(1);
    const findings = JSON.parse(r.stdout) as {
      kind: string;
      endpoint: string;
      path: string;
      detail: string;
      count: number;
    }[];
    const habitsCount = mock.dataset.accounts[0]!.habits.length;
    const at = (kind: string, path: string) =>
      findings.find((f) => f.kind === kind && f.endpoint === 'GET /habits' && f.path === path);
    expect(at('violation', 'status')?.detail).toMatch(/paused/);
    expect(at('violation', 'tracking_mode')?.detail).toMatch(/missing/);
    expect(at('new_field', 'completion_rate')).toBeDefined();
    // Counted once per item of the page, and only on the endpoint that drifted.
    expect(at('violation', 'status')?.count).toBe(Math.min(100, habitsCount));
    expect(findings.every((f) => f.endpoint === 'GET /habits')).toBe(true);
    expect(r.stderr).not.toContain('mock_pro_all');
  });

  it('lists endpoints a token cannot read as skipped, not as drift', async () => {
    const r = await loggd(['mock', 'verify', '--format', 'json'], {
      LOGGD_TOKEN: 'mock_pro_habits',
      LOGGD_BASE_URL: `${baseUrl.replace(/\/api.*/, '')}/api/v1/public`,
    });
    const findings = JSON.parse(r.stdout) as { kind: string; endpoint: string }[];
    const skipped = findings.filter((f) => f.kind === 'skipped').map((f) => f.endpoint);
    expect(skipped).toEqual(
      expect.arrayContaining(['GET /profile', 'GET /tasks', 'GET /goals', 'GET /focus-sessions']),
    );
    expect(skipped).not.toContain('GET /habits');
  });

  it('exits 4 with a one-line error when the token is rejected', async () => {
    const r = await loggd(['mock', 'verify'], { LOGGD_TOKEN: 'not_a_token', LOGGD_BASE_URL: baseUrl });
    expect(r.code).toBe(4);
    expect(r.stderr.split('\n')[0]).toMatch(/^error: .*401/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
