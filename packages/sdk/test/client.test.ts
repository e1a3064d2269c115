import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidRequestError,
  Loggd,
  type RequestEvent,
  type ResponseEvent,
  ResponseValidationError,
  type ValidationWarning,
} from '../src/index.js';
import { type FixtureServer, fixture, fixtureText, startFixtureServer } from './support/fixture-server.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

const serveDocs = () =>
  server.handle((req) => {
    if (req.path === '/profile') {
      return {
        body: fixtureText('profile-get'),
        headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299' },
      };
    }
    if (req.path === '/habits') return { body: fixtureText('habits-list') };
    return { status: 404, body: fixtureText('error-404') };
  });

function client(extra: ConstructorParameters<typeof Loggd>[0] = {}) {
  return new Loggd({ token: 'tok_abcdef', baseUrl: server.baseUrl, rateLimit: false, ...extra });
}

describe('withResponse', () => {
  it('gives data with the response status, headers and rate-limit state', async () => {
    serveDocs();
    const { data, response, rateLimit } = await client().profile.get().withResponse();
    expect(data).toEqual(fixture('profile-get').data);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('299');
    expect(rateLimit).toMatchObject({ limit: 300, remaining: 299 });
  });

  it('works on lists too, and loggd.rateLimit keeps the last seen state', async () => {
    serveDocs();
    const loggd = client();
    expect(loggd.rateLimit).toBeNull();
    const { data } = await loggd.habits.list().withResponse();
    expect(data.data).toEqual(fixture('habits-list').data);
    await loggd.profile.get();
    expect(loggd.rateLimit).toMatchObject({ limit: 300, remaining: 299 });
  });
});

describe('hooks', () => {
  it('report method, path, status, duration and attempt, with the token redacted', async () => {
    serveDocs();
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    await client({
      hooks: { onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) },
    }).habits.list({
      limit: 5,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/habits?limit=5', attempt: 0 });
    expect(requests[0]!.headers.Authorization).toBe('Bearer [REDACTED]');
    expect(JSON.stringify(requests)).not.toContain('tok_abcdef');
    expect(responses[0]).toMatchObject({ method: 'GET', path: '/habits?limit=5', status: 200, attempt: 0 });
    expect(responses[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('fetch resolution', () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('an injected fetch is used', async () => {
    const calls: string[] = [];
    const loggd = client({
      baseUrl: 'https://example.test/api/v1/public',
      fetch: async (input) => {
        calls.push(input instanceof Request ? input.url : String(input));
        return new Response(fixtureText('profile-get'), { headers: { 'content-type': 'application/json' } });
      },
    });
    expect((await loggd.profile.get()).username).toBe('jane');
    expect(calls).toEqual(['https://example.test/api/v1/public/profile']);
  });

  it('globalThis.fetch is looked up per request, not cached when the client is built', async () => {
    const loggd = client({ baseUrl: 'https://example.test/api/v1/public' });
    let used = false;
    globalThis.fetch = async () => {
      used = true;
      return new Response(fixtureText('profile-get'));
    };
    await loggd.profile.get();
    expect(used).toBe(true);
  });
});

describe('raw access for `loggd api <path>`', () => {
  it('request() returns the whole parsed body of any path', async () => {
    serveDocs();
    expect(await client().request('/habits', { limit: 1, status: undefined })).toEqual(
      fixture('habits-list'),
    );
    expect(server.requests.at(-1)!.query.toString()).toBe('limit=1');
  });

  it('request() maps errors like the typed methods', async () => {
    serveDocs();
    await expect(client().request('/nope')).rejects.toMatchObject({ code: 'not_found', path: '/nope' });
  });

  it('getPage() and paginate() work on any list path', async () => {
    serveDocs();
    const page = await client().getPage('/habits');
    expect(page).toEqual({ data: fixture('habits-list').data, has_more: true, nextCursor: 42 });
    server.handle((req) => ({
      body: req.query.get('after')
        ? { data: [{ id: 1 }], has_more: false }
        : { data: [{ id: 3 }, { id: 2 }], has_more: true },
    }));
    expect(await client().paginate('/habits/42/checks').toArray()).toEqual([{ id: 3 }, { id: 2 }, { id: 1 }]);
  });

  it.each(['habits', '//evil.test/x', '/../../admin', '/habits/../../x', 'https://evil.test/'])(
    'refuses paths that leave the base URL: %s',
    async (path) => {
      const before = server.requests.length;
      await expect(client().request(path)).rejects.toBeInstanceOf(InvalidRequestError);
      expect(server.requests.length).toBe(before);
    },
  );
});

describe('response validation modes', () => {
  const partialProfile = { data: { id: 7, username: 'jane', extra_field: 'kept' } };

  it('warn (default): returns the data as sent and warns once per endpoint and issue', async () => {
    server.handle(() => ({ body: partialProfile }));
    const warnings: ValidationWarning[] = [];
    const loggd = client({ onWarning: (w) => warnings.push(w) });
    expect(await loggd.profile.get()).toEqual(partialProfile.data);
    await loggd.profile.get();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.route).toBe('/profile');
    expect(warnings[0]!.issues.some((i) => i.startsWith('email:'))).toBe(true);
  });

  it('strict: throws ResponseValidationError with the path and raw data', async () => {
    server.handle(() => ({ body: partialProfile }));
    const error = await client({ validation: 'strict' })
      .profile.get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).path).toBe('/profile');
    expect((error as ResponseValidationError).data).toEqual(partialProfile.data);
  });

  it('off: no checks, no warnings', async () => {
    server.handle(() => ({ body: partialProfile }));
    const warnings: unknown[] = [];
    expect(await client({ validation: 'off', onWarning: (w) => warnings.push(w) }).profile.get()).toEqual(
      partialProfile.data,
    );
    expect(warnings).toEqual([]);
  });

  it('unknown fields pass through untouched in strict mode', async () => {
    const habit = { ...fixture('habits-get').data, added_in_v1_2: { nested: true } };
    server.handle(() => ({ body: { data: habit } }));
    expect(await client({ validation: 'strict' }).habits.get(42)).toEqual(habit);
  });

  it("the announcement's streak names still parse; the docs' names are filled in", async () => {
    const { current_streak, longest_streak, ...rest } = fixture('habits-get').data;
    const habit = { ...rest, streak_current: current_streak, streak_longest: longest_streak };
    server.handle(() => ({ body: { data: habit } }));
    const got = await client({ validation: 'strict' }).habits.get(42);
    expect(got).toMatchObject({ streak_current: 14, current_streak: 14, longest_streak: 45 });
  });
});

describe('configuration', () => {
  it('reads LOGGD_TOKEN and LOGGD_BASE_URL when no option is given', async () => {
    serveDocs();
    const saved = { token: process.env.LOGGD_TOKEN, base: process.env.LOGGD_BASE_URL };
    process.env.LOGGD_TOKEN = 'tok_from_env';
    process.env.LOGGD_BASE_URL = server.baseUrl;
    try {
      const loggd = new Loggd({ rateLimit: false });
      expect(loggd.baseUrl).toBe(server.baseUrl);
      await loggd.profile.get();
      expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer tok_from_env');
    } finally {
      for (const [key, value] of [
        ['LOGGD_TOKEN', saved.token],
        ['LOGGD_BASE_URL', saved.base],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });

  it('defaults to the production base URL', () => {
    const saved = process.env.LOGGD_BASE_URL;
    delete process.env.LOGGD_BASE_URL;
    try {
      expect(new Loggd({ token: 't' }).baseUrl).toBe('https://loggd.life/api/v1/public');
    } finally {
      if (saved !== undefined) process.env.LOGGD_BASE_URL = saved;
    }
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => new Loggd({ baseUrl: 'ftp://x' })).toThrow(InvalidRequestError);
  });
});
