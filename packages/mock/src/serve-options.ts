import type { StartMockServerOptions } from './server.js';

/**
 * The flags of the standalone mock server as the user typed them (strings, as a command line gives them). Both
 * `loggd-mock` and `loggd mock serve` hand them to {@link parseServeOptions}, so the two bins accept the same
 * values and refuse bad ones with the same message.
 */
export interface ServeFlagValues {
  port?: string | undefined;
  host?: string | undefined;
  seed?: string | undefined;
  now?: string | undefined;
  scale?: string | undefined;
  strict?: boolean | undefined;
  /** `N` requests per minute, or `off`. */
  rateLimit?: string | undefined;
}

/** Server options after parsing: port and host always set. */
export type ServeOptions = StartMockServerOptions & { port: number; host: string };

/** A bad flag value. `message` is one line naming the flag, the value and what is accepted. */
export class MockOptionError extends Error {
  override readonly name = 'MockOptionError';
  constructor(
    readonly flag: string,
    readonly value: string,
    accepted: string,
  ) {
    super(`invalid ${flag} '${value}': accepted is ${accepted}`);
  }
}

/** Default port of the standalone server (Prism's too, so tutorials written for either work). */
export const DEFAULT_MOCK_PORT = 4010;

/** One line per flag, for both bins' help. */
export const SERVE_FLAG_HELP: ReadonlyArray<readonly [flag: string, description: string]> = [
  ['--port <port>', `port, 0 = any free port (default ${DEFAULT_MOCK_PORT})`],
  ['--host <host>', 'interface to bind (default 127.0.0.1)'],
  ['--seed <n>', 'data seed: same seed and --now, same data (default 1)'],
  ['--now <iso>', 'freeze the mock clock at this ISO 8601 instant (default: real time)'],
  ['--scale <x>', 'dataset size multiplier, 0 < x ≤ 100 (default 1 = the demo account)'],
  ['--rate-limit <n|off>', 'requests per minute per user, 1–1000000, or off (default 300)'],
  ['--strict', 'answer 500 and log when a response would break the SDK’s schemas'],
];

const MAX_SCALE = 100;

function integer(flag: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new MockOptionError(flag, raw, `an integer from ${min} to ${max}`);
  }
  return n;
}

/**
 * Validate the serve flags into `startMockServer()` options. Throws {@link MockOptionError} on the first bad value.
 *
 * @example parseServeOptions({ port: '0', rateLimit: 'off', seed: '7' }) // → { port: 0, host: '127.0.0.1', seed: 7, rateLimit: false }
 */
export function parseServeOptions(values: ServeFlagValues): ServeOptions {
  const options: ServeOptions = {
    port: values.port === undefined ? DEFAULT_MOCK_PORT : integer('--port', values.port, 0, 65535),
    host: '127.0.0.1',
  };
  if (values.host !== undefined) {
    // A host is a name or an address: no scheme, port, path or spaces (a pasted URL is the usual mistake).
    if (!/^(?:[A-Za-z0-9.-]+|\[?[0-9A-Fa-f:.]+\]?)$/.test(values.host)) {
      throw new MockOptionError('--host', values.host, 'a host name or IP address such as 127.0.0.1 or ::1');
    }
    options.host = values.host.replace(/^\[(.*)\]$/, '$1');
  }
  if (values.seed !== undefined) options.seed = integer('--seed', values.seed, 0, 2 ** 31 - 1);
  if (values.now !== undefined) {
    // An instant with a date: `Date.parse('1')` is a valid year, which is not what anyone means by --now.
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.now) || !Number.isFinite(Date.parse(values.now))) {
      throw new MockOptionError('--now', values.now, 'an ISO 8601 instant such as 2026-04-08T12:00:00Z');
    }
    options.now = values.now;
  }
  if (values.scale !== undefined) {
    const n = Number(values.scale);
    if (values.scale.trim() === '' || !Number.isFinite(n) || n <= 0 || n > MAX_SCALE) {
      throw new MockOptionError('--scale', values.scale, `a number greater than 0 and at most ${MAX_SCALE}`);
    }
    options.scale = n;
  }
  if (values.rateLimit !== undefined) {
    const raw = values.rateLimit;
    const n = Number(raw);
    if (raw === 'off') options.rateLimit = false;
    else if (/^\d+$/.test(raw) && n >= 1 && n <= 1_000_000) options.rateLimit = { limit: n };
    else throw new MockOptionError('--rate-limit', raw, "an integer from 1 to 1000000, or 'off'");
  }
  if (values.strict) options.strict = true;
  return options;
}

/** A listen failure (`EADDRINUSE`, `EACCES`…) as one line naming the port, with what to do about it. */
export function describeListenError(error: unknown, host: string, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return `port ${port} on ${host} is already in use: pick another with --port <port> (--port 0 picks a free one)`;
  }
  if (code === 'EACCES') {
    return `no permission to listen on port ${port}: use a port above 1023 with --port <port>`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return `cannot listen on ${host}: it is not an address of this machine (try --host 127.0.0.1)`;
  }
  return undefined;
}
