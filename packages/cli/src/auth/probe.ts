import { ErrorBodySchema, SCOPES, type Scope } from '@loggd/sdk';

/** What one authenticated GET told us about a token. */
export type ProbeResult =
  | { kind: 'ok'; body: unknown }
  | { kind: 'unauthenticated' }
  | { kind: 'requires_pro' }
  | { kind: 'missing_scope'; missing: string[] }
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; message: string };

export interface ProbeTarget {
  token: string;
  baseUrl: string;
  /** Injected by tests (the mock's fetch); the global fetch otherwise. */
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** The cheapest read of each scope: one item of each collection, and the profile. */
export const SCOPE_PROBES: Readonly<Record<Scope, string>> = {
  'read:habits': 'habits?limit=1',
  'read:tasks': 'tasks?limit=1',
  'read:goals': 'goals?limit=1',
  'read:focus': 'focus-sessions?limit=1',
  'read:profile': 'profile',
};

const PROBE_TIMEOUT_MS = 15_000;

/**
 * One GET under the base URL, classified. A plain fetch rather than the SDK client: a probe wants the first answer
 * as is (no retries, no schema checks), and a 403 is information here, not a failure.
 */
export async function probe(target: ProbeTarget, path: string): Promise<ProbeResult> {
  const url = `${target.baseUrl.replace(/\/+$/, '')}/${path}`;
  let response: Response;
  try {
    response = await (target.fetch ?? globalThis.fetch)(url, {
      headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(target.timeoutMs ?? PROBE_TIMEOUT_MS),
    });
  } catch (err) {
    return { kind: 'network', message: networkMessage(err, url, target.timeoutMs ?? PROBE_TIMEOUT_MS) };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok) return { kind: 'ok', body };
  const error = ErrorBodySchema.safeParse(body);
  const message = error.success ? error.data.message : `HTTP ${response.status}`;
  if (response.status === 401) return { kind: 'unauthenticated' };
  if (response.status === 403 && error.success && error.data.requires_pro) return { kind: 'requires_pro' };
  if (response.status === 403 && error.success && error.data.missing_abilities) {
    return { kind: 'missing_scope', missing: error.data.missing_abilities };
  }
  return { kind: 'http', status: response.status, message };
}

function networkMessage(err: unknown, url: string, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `no answer from ${url} within ${timeoutMs / 1000} s`;
  const cause = e.cause?.code ?? e.cause?.message;
  return `cannot reach ${originOf(url)}: ${e.message ?? String(err)}${cause ? ` (${cause})` : ''}`;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** Each scope and whether the token has it; `undefined` when the API would not say (not Pro, network…). */
export interface ScopeReport {
  granted: Scope[];
  missing: Scope[];
  /** Probe results keyed by scope, for the caller to spot 401 / requires_pro / network failures. */
  results: Record<Scope, ProbeResult>;
}

/** Probes every scope's endpoint in parallel: what the token can really read, not what it claims. */
export async function probeScopes(target: ProbeTarget): Promise<ScopeReport> {
  const results = await Promise.all(SCOPES.map((scope) => probe(target, SCOPE_PROBES[scope])));
  const byScope = Object.fromEntries(SCOPES.map((scope, i) => [scope, results[i]!])) as Record<
    Scope,
    ProbeResult
  >;
  return {
    granted: SCOPES.filter((scope) => byScope[scope].kind === 'ok'),
    missing: SCOPES.filter((scope) => byScope[scope].kind === 'missing_scope'),
    results: byScope,
  };
}
