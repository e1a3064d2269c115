import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Loggd, type RateLimitEvent } from '../src/index.js';
import { virtualClock } from './support/fixture-server.js';

// Prism (@stoplight/prism-cli, a root devDependency) as a static mock of docs/openapi.json: it serves each
// operation's first example, so this checks that the SDK works against the spec alone, the way a team using our
// spec with Prism would use it. Prism runs offline on the project's Node and downloads nothing.

type Json = Record<string, any>;
const root = new URL('../../../', import.meta.url);
const specPath = new URL('docs/openapi.json', root);
const spec: Json = JSON.parse(readFileSync(specPath, 'utf8'));
const examples: { responses: Record<string, Json> } = JSON.parse(
  readFileSync(new URL('packages/mock/test/fixtures/docs-examples.json', root), 'utf8'),
);
const require = createRequire(import.meta.url);
const prismPackage = require.resolve('@stoplight/prism-cli/package.json');
const PRISM = join(dirname(prismPackage), (require(prismPackage) as { bin: { prism: string } }).bin.prism);

const children: ChildProcess[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'loggd-prism-'));

/** Start `prism mock` on a free loopback port; resolves with its URL once it listens. */
function startPrism(file: string): Promise<string> {
  const child = spawn(process.execPath, [PRISM, 'mock', '--host', '127.0.0.1', '--port', '0', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' },
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const read = (d: Buffer) => {
      out += d;
      const m = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('close', (code) => reject(new Error(`prism exited (${code}): ${out.slice(-2000)}`)));
  });
}

/** The spec without header examples: Prism then fills X-RateLimit-Limit/Remaining with 0. */
function withoutHeaderExamples(document: Json): Json {
  const copy = structuredClone(document);
  const strip = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Json)) {
      if (key === 'headers' && value && typeof value === 'object') {
        for (const header of Object.values<Json>(value)) delete header.example;
      }
      strip(value);
    }
  };
  strip(copy);
  return copy;
}

let specUrl: string;
let zeroUrl: string;
beforeAll(async () => {
  const zeroSpec = join(tmp, 'openapi-no-header-examples.json');
  writeFileSync(zeroSpec, JSON.stringify(withoutHeaderExamples(spec)));
  [specUrl, zeroUrl] = await Promise.all([startPrism(specPath.pathname), startPrism(zeroSpec)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('close', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  rmSync(tmp, { recursive: true, force: true });
});

/** Every list and item endpoint of the SDK, read in full (lists paginated to their end). */
async function readEverything(loggd: Loggd): Promise<Record<string, unknown>> {
  return {
    'GET /habits': await loggd.habits.list({ status: 'all' }).toArray(),
    'GET /habits/{id}': await loggd.habits.get(42),
    'GET /habits/{id}/checks': await loggd.habits
      .checks(42, { from: '2026-04-01', to: '2026-04-30' })
      .toArray(),
    'GET /habits/{id}/skips': await loggd.habits.skips(42).toArray(),
    'GET /tasks': await loggd.tasks.list({ from: '2026-04-01', to: '2026-04-30' }).toArray(),
    'GET /tasks/{id}': await loggd.tasks.get(123),
    'GET /goals': await loggd.goals.list({ time_horizon: 'yearly' }).toArray(),
    'GET /goals/{id}': await loggd.goals.get(12),
    'GET /goals/{id}/updates': await loggd.goals.updates(12).toArray(),
    'GET /focus-sessions': await loggd.focusSessions.list({ status: 'all' }).toArray(),
    'GET /focus-sessions/{id}': await loggd.focusSessions.get(321),
    'GET /profile': await loggd.profile.get(),
  };
}

describe('the SDK against Prism serving docs/openapi.json', () => {
  it("pages every list to its end (no stuck cursor) and reads the docs' example data", async () => {
    const clock = virtualClock();
    const loggd = new Loggd({ token: 'prism', baseUrl: specUrl, ...clock });
    const read = await readEverything(loggd);
    for (const [key, value] of Object.entries(read)) {
      expect(value, key).toEqual(examples.responses[key]!.data);
    }
    expect(loggd.rateLimit).toMatchObject({ limit: 300, remaining: 299 });
    expect(clock.sleeps).toEqual([]);
  });

  it('gets the errors the spec declares: 422 for tasks status=active, 401 without a token', async () => {
    const raw = await fetch(`${specUrl}/tasks?status=active`, { headers: { authorization: 'Bearer prism' } });
    expect(raw.status).toBe(422);
    const anonymous = await fetch(`${specUrl}/profile`);
    expect(anonymous.status).toBe(401);
  });

  it('does not throttle itself when the server says X-RateLimit-Limit: 0 (unknown, not "no quota")', async () => {
    const probe = await fetch(`${zeroUrl}/profile`, { headers: { authorization: 'Bearer prism' } });
    expect(probe.headers.get('x-ratelimit-limit')).toBe('0');
    expect(probe.headers.get('x-ratelimit-remaining')).toBe('0');
    const clock = virtualClock();
    const events: RateLimitEvent[] = [];
    const loggd = new Loggd({
      token: 'prism',
      baseUrl: zeroUrl,
      ...clock,
      onRateLimit: (e) => events.push(e),
    });
    for (let round = 0; round < 3; round++) await readEverything(loggd);
    expect(events).toEqual([]);
    expect(clock.sleeps).toEqual([]);
    expect(loggd.rateLimit).toBeNull();
  });
});
