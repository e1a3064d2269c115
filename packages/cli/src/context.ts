import { homedir } from 'node:os';
import { join } from 'node:path';
import type { RequestEvent, ResponseEvent } from '@loggd/sdk';
import { DEFAULT_BASE_URL } from '@loggd/sdk/constants';
import { CliError, noTokenError, usageError } from './errors.js';
import { EXIT } from './exit-codes.js';
import { type FormatRule, LIST_FORMATS, resolveFormat } from './output/format.js';
import { isValidTimeZone } from './time/zone.js';
import type { ClientOptions, CommandContext, GlobalOptions, IO } from './types.js';

/** The demo account's token in the in-process mock. */
export const DEMO_TOKEN = 'mock_pro_all';

/** ${XDG_CONFIG_HOME:-~/.config}/loggd, or LOGGD_CONFIG_DIR. */
export function configDirFor(env: Record<string, string | undefined>): string {
  if (env.LOGGD_CONFIG_DIR) return env.LOGGD_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'loggd');
}

/** The command a context is built for: its path (for messages) and its output format rule. */
export interface CommandOutput {
  command: string;
  formats: FormatRule;
}

/**
 * Builds the context every command receives: IO, global options, the output format (resolved here, once, by the
 * command's rule: a bad --format or LOGGD_FORMAT fails before any request), and lazy client and time-zone lookups.
 */
export function createContext(
  io: IO,
  opts: GlobalOptions,
  output: CommandOutput = { command: '', formats: LIST_FORMATS },
): CommandContext {
  let client: Promise<import('@loggd/sdk').Loggd> | undefined;
  let zone: Promise<string> | undefined;
  const { format, source } = resolveFormat(
    opts,
    io.env,
    Boolean(io.stdout.isTTY),
    output.formats,
    output.command,
  );
  const ctx: CommandContext = {
    io,
    opts,
    format,
    formatSource: source,
    configDir: configDirFor(io.env),
    createClient: (options = {}) => {
      client ??= buildClient(io, opts, ctx.configDir, options).then((built) => {
        ctx.baseUrl = built.baseUrl;
        return built;
      });
      return client;
    },
    now: async () => (opts.demo ? (await demoMock(io.env)).clock.now() : new Date()),
    timeZone: () => {
      zone ??= lookUpTimeZone(ctx);
      return zone;
    },
  };
  return ctx;
}

async function lookUpTimeZone(ctx: CommandContext): Promise<string> {
  const fromEnv = ctx.io.env.LOGGD_TZ;
  if (fromEnv) {
    if (!isValidTimeZone(fromEnv))
      throw usageError(`invalid LOGGD_TZ '${fromEnv}': give an IANA zone such as Europe/Bucharest`);
    return fromEnv;
  }
  try {
    // One request per run, only when a table shows a datetime: the API computes days in this zone too.
    const profile = await (await ctx.createClient()).profile.get();
    return isValidTimeZone(profile.timezone) ? profile.timezone : 'UTC';
  } catch (err) {
    // Only a missing read:profile scope is worth working around; a free plan, a bad token or an outage is the
    // error the user must see ("needs Pro", not "no read:profile scope").
    if ((err as { code?: string }).code !== 'missing_scope') throw err;
    ctx.io.stderr.write('note: the token has no read:profile scope: times are shown in UTC\n');
    return 'UTC';
  }
}

async function buildClient(
  io: IO,
  opts: GlobalOptions,
  configDir: string,
  options: ClientOptions,
): Promise<import('@loggd/sdk').Loggd> {
  const { Loggd } = await import('@loggd/sdk');
  const hooks = (token: string) => (opts.debug ? debugHooks(io, token) : {});
  const timeoutMs = timeoutOf(opts, io.env);
  if (opts.demo) {
    const mock = await demoMock(io.env);
    const { withHeaders } = await import('./http/cli-fetch.js');
    if (io.stderr.isTTY) io.stderr.write('demo: the in-process mock’s demo account (no token, no network)\n');
    // The demo is in-process and nobody else's quota: no rate limit on either side, so `--demo export` is instant.
    const demo = new Loggd({
      token: DEMO_TOKEN,
      fetch: withHeaders(mock.fetch, options.headers),
      baseUrl: mock.baseUrl,
      rateLimit: false,
      ...hooks(DEMO_TOKEN),
    });
    tokens.set(demo, DEMO_TOKEN);
    return demo;
  }
  const creds = await resolveTokenAndUrl(io, opts, configDir);
  if (!creds.token) {
    await checkProfileExists(opts.profile || io.env.LOGGD_PROFILE, configDir);
    throw noTokenError();
  }
  const baseUrl = creds.baseUrl;
  if (baseUrl !== undefined)
    (await import('./auth/base-url.js')).checkBaseUrl(
      baseUrl,
      opts.baseUrl ? '--base-url' : io.env.LOGGD_BASE_URL ? 'LOGGD_BASE_URL' : 'stored base URL',
    );
  const { announceTimeouts, announceWaits } = await import('./client-events.js');
  const { cliFetch, withHeaders } = await import('./http/cli-fetch.js');
  const debug: import('@loggd/sdk').LoggdHooks = opts.debug ? debugHooks(io, creds.token).hooks : {};
  const timeouts = announceTimeouts(io, baseUrl ?? DEFAULT_BASE_URL);
  const client = new Loggd({
    token: creds.token,
    ...(baseUrl ? { baseUrl } : {}),
    // node:http rather than the global fetch (no undici to load: docs/performance.md), unless a proxy is set.
    fetch: withHeaders(cliFetch(io.env), options.headers),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(options.batch ? { maxRateLimitWaitMs: 15 * 60_000 } : {}),
    ...rateWindowOf(io.env),
    onRateLimit: announceWaits(io),
    hooks: {
      onRequest: (e) => debug.onRequest?.(e),
      onResponse: (e) => {
        debug.onResponse?.(e);
        timeouts(e);
      },
    },
  });
  tokens.set(client, creds.token);
  return client;
}

/** A named profile that was never stored: list the stored ones rather than saying "no token". */
async function checkProfileExists(name: string | undefined, configDir: string): Promise<void> {
  if (!name) return;
  const { readSettings } = await import('./auth/settings.js');
  const stored = Object.keys((await readSettings(configDir)).profiles).sort();
  if (stored.includes(name)) return;
  throw new CliError(
    `unknown profile '${name}': ${stored.length ? `stored profiles are ${stored.join(', ')}` : 'no profile is stored yet'}`,
    EXIT.auth,
    'unknown_profile',
    [`\`loggd auth login --profile ${name}\` creates it; \`loggd auth switch <name>\` picks a stored one`],
  );
}

/** --timeout / LOGGD_TIMEOUT in seconds (0 = none) → the SDK's per-attempt timeoutMs. */
function timeoutOf(opts: GlobalOptions, env: Record<string, string | undefined>): number | undefined {
  if (opts.timeout !== undefined) return opts.timeout * 1000;
  const raw = env.LOGGD_TIMEOUT;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(raw.trim()))
    throw usageError(
      `invalid LOGGD_TIMEOUT '${raw}': accepted is a number of seconds (0 = no timeout)`,
      'e.g. LOGGD_TIMEOUT=20',
    );
  return Number(raw.trim()) * 1000;
}

/**
 * LOGGD_RATE_WINDOW_MS: the server's rate-limit window, for a mock with a short one (tests, benchmarks); the
 * public API's is a minute.
 */
function rateWindowOf(env: Record<string, string | undefined>): { rateLimit?: { windowMs: number } } {
  const raw = env.LOGGD_RATE_WINDOW_MS;
  if (!raw) return {};
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw usageError(`invalid LOGGD_RATE_WINDOW_MS '${raw}': accepted is a positive number of milliseconds`);
  return { rateLimit: { windowMs: Number(raw) } };
}

// One demo mock per seed and clock per process: read-only commands leave it unchanged, and in-process callers
// (tests, scripts running several commands) skip regenerating the dataset.
const demoMocks = new Map<string, Promise<import('@loggd/mock').MockApi>>();

export function demoMock(env: Record<string, string | undefined>): Promise<import('@loggd/mock').MockApi> {
  const seed = env.LOGGD_DEMO_SEED;
  const now = env.LOGGD_DEMO_NOW;
  if (seed !== undefined && !/^\d+$/.test(seed))
    throw usageError(`invalid LOGGD_DEMO_SEED '${seed}': accepted is a non-negative integer`);
  if (now !== undefined && Number.isNaN(Date.parse(now)))
    throw usageError(`invalid LOGGD_DEMO_NOW '${now}': accepted is an ISO datetime`);
  const key = `${seed ?? ''}|${now ?? ''}`;
  let mock = demoMocks.get(key);
  if (!mock) {
    mock = import('@loggd/mock').then(({ createMockApi }) =>
      createMockApi({
        rateLimit: false,
        ...(seed !== undefined ? { seed: Number(seed) } : {}),
        ...(now ? { now } : {}),
      }),
    );
    demoMocks.set(key, mock);
  }
  return mock;
}

interface Resolved {
  token?: string;
  baseUrl?: string;
}

/** The token and base URL in effect: flags, then env, then the profile's stored ones (auth/credentials.ts). */
export async function resolveTokenAndUrl(io: IO, opts: GlobalOptions, configDir: string): Promise<Resolved> {
  const { resolveCredentials } = await import('./auth/credentials.js');
  return resolveCredentials({
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.token ? { token: opts.token } : {}),
    ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
    env: io.env,
    configDir,
  });
}

const tokens = new WeakMap<object, string>();

/**
 * Which account on which server a client reads: its base URL and the first 16 hex digits of the token's SHA-256
 * (a fingerprint that cannot be turned back into the token). Export state records it to refuse resuming a run
 * of another source.
 */
export async function sourceOf(_ctx: CommandContext, client: import('@loggd/sdk').Loggd): Promise<string> {
  const { createHash } = await import('node:crypto');
  const token = tokens.get(client) ?? '';
  return `${client.baseUrl}#${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

/** Masks a token for logs: the first 4 characters, then …. */
export function redact(text: string, token: string | undefined): string {
  return token ? text.replaceAll(token, `${token.slice(0, 4)}…`) : text;
}

/** --debug: one stderr line per request and response, the token masked. */
function debugHooks(io: IO, token: string) {
  const write = (line: string) => io.stderr.write(redact(`debug: ${line}\n`, token));
  return {
    hooks: {
      onRequest: (e: RequestEvent) => write(`→ ${describe(e)}`),
      onResponse: (e: ResponseEvent) => write(`← ${describe(e)}${e.error ? ` ${e.error.message}` : ''}`),
    },
  };
}

function describe(e: RequestEvent | ResponseEvent): string {
  const status = 'status' in e ? ` ${e.status ?? 'no response'}` : '';
  const took = 'durationMs' in e ? ` (${Math.round(e.durationMs)} ms)` : '';
  const headers = 'status' in e ? e.headers : null;
  const limit = headers?.get('x-ratelimit-limit');
  const remaining = headers?.get('x-ratelimit-remaining');
  const retryAfter = headers?.get('retry-after');
  const quota =
    limit || remaining
      ? ` [rate limit ${remaining ?? '?'}/${limit ?? '?'} left${retryAfter ? `, Retry-After ${retryAfter}` : ''}]`
      : '';
  const retry = e.attempt > 0 ? ` [retry ${e.attempt}]` : '';
  return `${e.method} ${e.path}${status}${took}${quota}${retry}`;
}
