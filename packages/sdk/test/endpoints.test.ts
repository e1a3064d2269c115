import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Loggd } from '../src/index.js';
import { type FixtureServer, fixture, fixtureText, startFixtureServer } from './support/fixture-server.js';

// Each documented endpoint, served with the docs' example response verbatim.
const routes: Record<string, string> = {
  '/habits': 'habits-list',
  '/habits/42': 'habits-get',
  '/habits/42/checks': 'habits-checks',
  '/habits/42/skips': 'habits-skips',
  '/tasks': 'tasks-list',
  '/tasks/123': 'tasks-get',
  '/goals': 'goals-list',
  '/goals/12': 'goals-get',
  '/goals/12/updates': 'goals-updates',
  '/focus-sessions': 'focus-sessions-list',
  '/focus-sessions/321': 'focus-sessions-get',
  '/profile': 'profile-get',
};

let server: FixtureServer;
let loggd: Loggd;
const warnings: unknown[] = [];

beforeAll(async () => {
  server = await startFixtureServer((req) => {
    const name = routes[req.path];
    return name ? { body: fixtureText(name) } : { status: 404, body: fixtureText('error-404') };
  });
  loggd = new Loggd({
    token: 'tok_secret_123',
    baseUrl: server.baseUrl,
    validation: 'strict',
    onWarning: (w) => warnings.push(w),
  });
});
afterAll(() => server.close());

function lastRequest() {
  return server.requests.at(-1)!;
}

describe('every documented endpoint returns the docs example unchanged', () => {
  const lists: Array<[string, () => PromiseLike<unknown>, string]> = [
    ['habits.list', () => loggd.habits.list(), 'habits-list'],
    ['habits.checks', () => loggd.habits.checks(42), 'habits-checks'],
    ['habits.skips', () => loggd.habits.skips(42), 'habits-skips'],
    ['tasks.list', () => loggd.tasks.list(), 'tasks-list'],
    ['goals.list', () => loggd.goals.list(), 'goals-list'],
    ['goals.updates', () => loggd.goals.updates(12), 'goals-updates'],
    ['focusSessions.list', () => loggd.focusSessions.list(), 'focus-sessions-list'],
  ];
  it.each(lists)('%s: first page data and has_more', async (_name, call, name) => {
    const page = (await call()) as { data: unknown[]; has_more: boolean; nextCursor: number | null };
    const expected = fixture(name);
    expect(page.data).toEqual(expected.data);
    expect(page.has_more).toBe(expected.has_more);
    expect(page.nextCursor).toBe(expected.has_more ? expected.data.at(-1).id : null);
  });

  const items: Array<[string, () => PromiseLike<unknown>, string]> = [
    ['habits.get', () => loggd.habits.get(42), 'habits-get'],
    ['tasks.get', () => loggd.tasks.get(123), 'tasks-get'],
    ['goals.get', () => loggd.goals.get(12), 'goals-get'],
    ['focusSessions.get', () => loggd.focusSessions.get(321), 'focus-sessions-get'],
    ['profile.get', () => loggd.profile.get(), 'profile-get'],
  ];
  it.each(items)('%s: data', async (_name, call, name) => {
    expect(await call()).toEqual(fixture(name).data);
  });

  it('raised no validation warning for any docs example', () => {
    expect(warnings).toEqual([]);
  });
});

describe('requests on the wire', () => {
  it('sends the bearer token, JSON accept header and a user agent', async () => {
    await loggd.profile.get();
    const req = lastRequest();
    expect(req.method).toBe('GET');
    expect(req.headers.authorization).toBe('Bearer tok_secret_123');
    expect(req.headers.accept).toBe('application/json');
    expect(req.headers['user-agent']).toMatch(/^loggd-sdk-js\//);
  });

  it('keeps snake_case parameter names and sends only what was given', async () => {
    await loggd.goals.list({ status: 'all', time_horizon: '3_year', limit: 7 });
    expect(Object.fromEntries(lastRequest().query)).toEqual({
      status: 'all',
      time_horizon: '3_year',
      limit: '7',
    });
    await loggd.habits.checks(42, { from: '2026-04-01', to: '2026-04-30' });
    expect(Object.fromEntries(lastRequest().query)).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    await loggd.focusSessions.list();
    expect([...lastRequest().query]).toEqual([]);
  });

  it("omits tasks' documented default status 'active' but sends the others", async () => {
    await loggd.tasks.list({ status: 'active' });
    expect(lastRequest().query.has('status')).toBe(false);
    await loggd.tasks.list({ status: 'completed', from: '2026-04-01' });
    expect(Object.fromEntries(lastRequest().query)).toEqual({ status: 'completed', from: '2026-04-01' });
  });

  it('resumes from a saved cursor with the after option', async () => {
    await loggd.habits.skips(42, { limit: 2 }, { after: 9801 });
    expect(Object.fromEntries(lastRequest().query)).toEqual({ limit: '2', after: '9801' });
  });

  it('a get is sent once however often it is awaited', async () => {
    const before = server.requests.length;
    const pending = loggd.habits.get(42);
    await pending;
    await pending.withResponse();
    expect(server.requests.length).toBe(before + 1);
  });

  it('a list sends nothing until awaited or iterated', async () => {
    const before = server.requests.length;
    const pending = loggd.habits.list();
    await Promise.resolve();
    expect(server.requests.length).toBe(before);
    await pending;
    await pending;
    expect(server.requests.length).toBe(before + 1);
  });
});
