import { nodeFetch } from './node-fetch.js';
import { mergeHeaders } from './request-headers.js';

type Fetch = typeof globalThis.fetch;

/** The proxy variables curl and Node's `NODE_USE_ENV_PROXY` read, in either case. */
const PROXY_VARIABLES = ['https_proxy', 'http_proxy', 'all_proxy'];

/**
 * The fetch the CLI's API client sends with: {@link nodeFetch} (no undici to load), unless the environment names
 * an HTTP(S) proxy. Proxies are the global fetch's business (Node routes it through one with
 * `NODE_USE_ENV_PROXY=1`, or a user's `--import` sets a dispatcher): with one configured, every request goes
 * through the global fetch exactly as before this adapter existed.
 */
export function cliFetch(env: Record<string, string | undefined>): Fetch {
  if (usesProxy(env)) return (input, init) => globalThis.fetch(input, init);
  return nodeFetch as Fetch;
}

function usesProxy(env: Record<string, string | undefined>): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name] || env[name.toUpperCase()]));
}

/**
 * A fetch that adds `loggd api -H` headers to every request (the SDK sets Authorization itself; a -H header
 * replaces the SDK's own of the same name, whatever its case). Built on plain records, not `Headers`, whose class
 * would load undici.
 */
export function withHeaders(base: Fetch, extra: Record<string, string> | undefined): Fetch {
  if (!extra) return base;
  return (input, init) => {
    const own = init?.headers ?? (isRequest(input) ? input.headers : undefined);
    return base(input, { ...init, headers: mergeHeaders(own, extra) });
  };
}

/** `instanceof Request` without touching the global `Request` (it loads undici). */
function isRequest(input: unknown): input is Request {
  return typeof input === 'object' && input !== null && !(input instanceof URL) && 'headers' in input;
}
