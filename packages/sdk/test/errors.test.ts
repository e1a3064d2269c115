import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  InvalidRequestError,
  Loggd,
  LoggdApiError,
  LoggdError,
  MissingScopeError,
  NotFoundError,
  ProRequiredError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../src/index.js';
import {
  type FixtureServer,
  fixture,
  fixtureText,
  startFixtureServer,
  virtualClock,
} from './support/fixture-server.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());

function client(extra: ConstructorParameters<typeof Loggd>[0] = {}) {
  const clock = virtualClock();
  return new Loggd({
    token: 'tok_never_shown',
    baseUrl: server.baseUrl,
    ...clock,
    rateLimit: false,
    ...extra,
  });
}

async function failure(promise: PromiseLike<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('documented error payloads map to their classes', () => {
  const cases = [
    [401, 'error-401', AuthenticationError, 'authentication'],
    [403, 'error-403-requires-pro', ProRequiredError, 'requires_pro'],
    [403, 'error-403-missing-scope', MissingScopeError, 'missing_scope'],
    [404, 'error-404', NotFoundError, 'not_found'],
  ] as const;

  it.each(cases)('%i %s', async (status, name, ErrorClass, code) => {
    server.handle(() => ({
      status,
      body: fixtureText(name),
      headers: { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '12' },
    }));
    const error = await failure(client().habits.get(42));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(LoggdApiError);
    expect(error).toBeInstanceOf(LoggdError);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.body).toEqual(fixture(name));
    expect(error.message).toContain(fixture(name).message);
    expect(error.method).toBe('GET');
    expect(error.path).toBe('/habits/42');
    expect(error.headers.get('x-ratelimit-remaining')).toBe('12');
    expect(error.rateLimit).toMatchObject({ limit: 300, remaining: 12 });
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(
      'tok_never_shown',
    );
  });

  it('MissingScopeError lists the missing abilities and names them in its message', async () => {
    server.handle(() => ({ status: 403, body: fixtureText('error-403-missing-scope') }));
    const error = await failure(client().habits.list());
    expect(error.missingAbilities).toEqual(['read:habits']);
    expect(error.message).toMatch(/Add the scope read:habits to the token/);
  });

  it('422 becomes ValidationError with its errors field', async () => {
    // The docs describe the `errors` field but give no example payload; this one follows Laravel's shape.
    const body = {
      message: 'The given data was invalid.',
      errors: { limit: ['The limit must be at most 100.'] },
    };
    server.handle(() => ({ status: 422, body }));
    const error = await failure(client().request('/habits', { limit: 500 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('validation');
    expect(error.errors).toEqual(body.errors);
    expect(error.message).toContain('limit: The limit must be at most 100.');
  });

  it('a 403 without a documented flag is still a LoggdApiError with a code', async () => {
    server.handle(() => ({ status: 403, body: { message: 'Nope.' } }));
    const error = await failure(client().profile.get());
    expect(error).toBeInstanceOf(LoggdApiError);
    expect(error.code).toBe('forbidden');
  });

  it('5xx after the retries becomes ServerError, with a non-JSON body kept as text', async () => {
    server.handle(() => ({
      status: 502,
      body: '<html>Bad gateway</html>',
      headers: { 'content-type': 'text/html' },
    }));
    const error = await failure(client({ maxRetries: 1 }).profile.get());
    expect(error).toBeInstanceOf(ServerError);
    expect(error.code).toBe('server');
    expect(error.body).toBe('<html>Bad gateway</html>');
  });

  it('429 after the retries becomes RateLimitError with retryAfterMs', async () => {
    server.handle(() => ({
      status: 429,
      body: { message: 'Too Many Attempts.' },
      headers: { 'retry-after': '3' },
    }));
    const error = await failure(client({ maxRetries: 0 }).profile.get());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(3000);
  });
});

describe('failures without a usable response', () => {
  it('a 200 body that is not JSON is a ResponseValidationError naming the path', async () => {
    server.handle(() => ({
      status: 200,
      body: '<!doctype html><p>login</p>',
      headers: { 'content-type': 'text/html' },
    }));
    const error = await failure(client().habits.get(1));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(/GET \/habits\/1 returned a body that is not JSON \(text\/html\)/);
    expect(error.data).toBe('<!doctype html><p>login</p>');
  });

  it('a dropped connection on every attempt is a ConnectionError', async () => {
    server.handle(() => ({ destroy: true }));
    const before = server.requests.length;
    const error = await failure(client({ maxRetries: 2 }).profile.get());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.code).toBe('connection');
    expect(server.requests.length - before).toBe(3);
  });

  it('an attempt past timeoutMs is a TimeoutError', async () => {
    server.handle(() => ({ hang: true }));
    const error = await failure(client({ maxRetries: 0, timeoutMs: 50 }).profile.get());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe('timeout');
  });

  it('aborting an in-flight request rejects with AbortError carrying the reason', async () => {
    const controller = new AbortController();
    server.handle(() => {
      controller.abort(new Error('user hit ctrl-c'));
      return { hang: true };
    });
    const error = await failure(client().profile.get({ signal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error.code).toBe('aborted');
    expect(error.cause).toEqual(new Error('user hit ctrl-c'));
  });

  it('no token: InvalidRequestError before any request', async () => {
    const before = server.requests.length;
    const loggd = new Loggd({ baseUrl: server.baseUrl, token: '' });
    const error = await failure(loggd.profile.get());
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.param).toBe('token');
    expect(server.requests.length).toBe(before);
  });
});
