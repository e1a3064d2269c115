import { checkBaseUrl } from '../../auth/base-url.js';
import { DEFAULT_BASE_URL, resolveCredentials } from '../../auth/credentials.js';
import { KEYRING_SERVICE, selectKeyring } from '../../auth/keyring.js';
import { maskToken } from '../../auth/mask.js';
import { type ProbeResult, probe, probeScopes } from '../../auth/probe.js';
import { printError, runCommand, wantsJson } from '../../auth/report.js';
import { readSettings, type Settings } from '../../auth/settings.js';
import { tokenFilePath } from '../../auth/token-file.js';
import { loadStoredToken } from '../../auth/token-store.js';
import { probeFailure, rejectedTokenError } from '../../auth/validate-token.js';
import { CliError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { escapeControl } from '../../output/escape.js';
import type { AuthContext } from './auth-context.js';

/** Each profile gets this long for its GET /profile: one dead server must not hold up the others for long. */
const PROFILE_TIMEOUT_MS = 10_000;

/** One profile in `loggd auth status --json` (`{"profiles": [...]}`); the token is always masked. */
export interface ProfileStatusJson {
  profile: string;
  /** The stored default profile (`loggd auth switch`). */
  active: boolean;
  /** The profile this command would use (--profile, LOGGD_PROFILE, else the active one): it sets the exit code. */
  selected: boolean;
  base_url: string;
  token: string;
  source: 'flag' | 'env' | 'keyring' | 'file' | 'none';
  /** The keyring entry, the file path, or the variable/flag the token came from. */
  storage: string;
  valid: boolean;
  requires_pro: boolean;
  username: string | null;
  subscription_tier: string | null;
  /** Probed for the selected profile only (five GETs); null for the others (one GET /profile each). */
  scopes: string[] | null;
  missing_scopes: string[] | null;
  /** Why the profile cannot be used now, with a code from the documented list; null when it works. */
  error: { code: string; message: string } | null;
}

/**
 * `loggd auth status`: every stored profile checked at once (one GET /profile each, 10 s at most), the selected
 * one also for its scopes. Exit 0 unless the selected profile fails (its error's code: 4 rejected or not Pro,
 * 6 network…): another profile's expired token is shown, not fatal.
 */
export async function authStatusAll(ctx: AuthContext, _opts: Record<string, unknown> = {}): Promise<number> {
  return runCommand(ctx, async () => {
    const { io, configDir } = ctx;
    const settings = await readSettings(configDir);
    const creds = await resolveCredentials({
      ...(ctx.opts.profile ? { profile: ctx.opts.profile } : {}),
      ...(ctx.opts.token ? { token: ctx.opts.token } : {}),
      ...(ctx.opts.baseUrl ? { baseUrl: ctx.opts.baseUrl } : {}),
      env: io.env,
      configDir,
    });
    const others = Object.keys(settings.profiles).filter((name) => name !== creds.profile);
    if ((!creds.token || creds.source === 'none') && !others.length)
      throw new CliError(`not logged in (profile ${creds.profile})`, EXIT.auth, 'no_token', [
        'run `loggd auth login` (or set LOGGD_TOKEN)',
      ]);
    const keyring = selectKeyring(io.env, configDir);
    const fetch = ctx.fetch ? { fetch: ctx.fetch } : {};
    const active = settings.activeProfile ?? 'default';
    const [selected, ...rest] = await Promise.all([
      checkSelected(ctx, settings, creds, active, fetch),
      ...others.map(async (name) => {
        const stored = settings.profiles[name]!;
        const found = await loadStoredToken(configDir, keyring, name, stored.storage);
        const baseUrl = serverOf(stored.baseUrl ?? settings.config?.base_url);
        const base = entry(
          ctx,
          name,
          name === active,
          false,
          baseUrl,
          found?.token,
          found?.storage ?? 'none',
        );
        base.username = stored.username ?? null;
        if (!found) return { json: { ...base, error: NOT_STORED }, failure: undefined };
        const result = await probe(
          { token: found.token, baseUrl, timeoutMs: PROFILE_TIMEOUT_MS, ...fetch },
          'profile',
        );
        return { json: classify(base, [result]), failure: undefined };
      }),
    ]);
    const profiles = [selected!.json, ...rest.map((r) => r.json)].sort(
      (a, b) => Number(b.selected) - Number(a.selected) || a.profile.localeCompare(b.profile),
    );
    if (wantsJson(ctx)) io.stdout.write(`${JSON.stringify({ profiles })}\n`);
    else io.stdout.write(statusText(profiles, configDir));
    return selected!.failure ? printError(ctx, selected!.failure).exitCode : EXIT.ok;
  });
}

const NOT_STORED = { code: 'no_token', message: 'no stored token (keyring unavailable or entry removed)' };

function serverOf(url: string | undefined): string {
  return url ? checkBaseUrl(url, 'the profile’s base URL') : DEFAULT_BASE_URL;
}

/** The profile in use: all five scopes probed (10 s each, in parallel); its failure is the command's. */
async function checkSelected(
  ctx: AuthContext,
  settings: Settings,
  creds: Awaited<ReturnType<typeof resolveCredentials>>,
  active: string,
  fetch: { fetch?: typeof globalThis.fetch },
): Promise<{ json: ProfileStatusJson; failure: CliError | undefined }> {
  const baseUrl = checkBaseUrl(creds.baseUrl ?? DEFAULT_BASE_URL, 'the base URL');
  const base = entry(ctx, creds.profile, creds.profile === active, true, baseUrl, creds.token, creds.source);
  base.username = settings.profiles[creds.profile]?.username ?? null;
  if (!creds.token || creds.source === 'none') {
    const failure = new CliError(`not logged in (profile ${creds.profile})`, EXIT.auth, 'no_token', [
      `run \`loggd auth login --profile ${creds.profile}\` (or set LOGGD_TOKEN)`,
    ]);
    return { json: { ...base, error: { code: 'no_token', message: 'not logged in' } }, failure };
  }
  const report = await probeScopes({ token: creds.token, baseUrl, timeoutMs: PROFILE_TIMEOUT_MS, ...fetch });
  const results = Object.values(report.results);
  const json = classify(base, [report.results['read:profile'], ...results]);
  if (json.valid && !json.requires_pro && !json.error) {
    json.scopes = report.granted;
    json.missing_scopes = report.missing;
  }
  return { json, failure: failureOf(results) };
}

function failureOf(results: ProbeResult[]): CliError | undefined {
  if (results.some((r) => r.kind === 'unauthenticated')) return rejectedTokenError();
  if (results.some((r) => r.kind === 'requires_pro'))
    return new CliError('API access requires an active Pro subscription.', EXIT.auth, 'requires_pro', [
      'the token is valid: re-subscribe to Pro, then retry',
    ]);
  const failed = results.find((r) => r.kind === 'network' || r.kind === 'http');
  return failed && (failed.kind === 'network' || failed.kind === 'http') ? probeFailure(failed) : undefined;
}

function entry(
  ctx: AuthContext,
  profile: string,
  active: boolean,
  selected: boolean,
  baseUrl: string,
  token: string | undefined,
  source: ProfileStatusJson['source'],
): ProfileStatusJson {
  return {
    profile,
    active,
    selected,
    base_url: baseUrl,
    token: token ? maskToken(token) : '',
    source,
    storage: describeSource(source, profile, ctx.configDir),
    valid: false,
    requires_pro: false,
    username: null,
    subscription_tier: null,
    scopes: null,
    missing_scopes: null,
    error: null,
  };
}

/** Fills validity, account and error from probe results; the first result is the GET /profile. */
function classify(base: ProfileStatusJson, results: ProbeResult[]): ProfileStatusJson {
  const out = { ...base };
  const profile = results[0]!;
  if (profile.kind === 'ok') {
    const data = (profile.body as { data?: Record<string, unknown> } | undefined)?.data;
    if (typeof data?.username === 'string') out.username = data.username;
    if (typeof data?.subscription_tier === 'string') out.subscription_tier = data.subscription_tier;
  }
  const failure = failureOf(results);
  out.valid = !results.some((r) => r.kind === 'unauthenticated');
  out.requires_pro = results.some((r) => r.kind === 'requires_pro');
  if (failure) {
    out.error = {
      code: failure.code,
      message: failure.code === 'authentication' ? 'token rejected (401)' : failure.message,
    };
  }
  return out;
}

function describeSource(source: ProfileStatusJson['source'], profile: string, configDir: string): string {
  switch (source) {
    case 'flag':
      return '--token flag';
    case 'env':
      return 'LOGGD_TOKEN environment variable';
    case 'keyring':
      return `OS keyring (service ${KEYRING_SERVICE}, account ${profile})`;
    case 'file':
      return tokenFilePath(configDir);
    case 'none':
      return 'none';
  }
}

/** One line per profile: mark, name, masked token, where it lives, then the account and plan or the error. */
function statusText(profiles: ProfileStatusJson[], configDir: string): string {
  const lines = profiles.map((p) => {
    const mark = p.error ? '✗' : '✓';
    const tags = [p.active ? 'active' : '', p.selected && !p.active ? 'selected' : ''].filter(Boolean);
    const name = `${p.profile}${tags.length ? ` (${tags.join(', ')})` : ''}`;
    const where =
      p.source === 'file'
        ? 'file, PLAIN TEXT'
        : p.source === 'env'
          ? 'LOGGD_TOKEN'
          : p.source === 'flag'
            ? '--token'
            : p.source;
    const server = p.base_url === DEFAULT_BASE_URL ? '' : `  ${p.base_url}`;
    const token = p.token ? `  ${p.token} (${where})` : '';
    const account = p.username
      ? `${p.username}${p.subscription_tier ? ` (${p.subscription_tier})` : ''}`
      : 'account unknown (no read:profile scope)';
    const scopes = p.scopes ? `  scopes: ${p.scopes.length ? p.scopes.join(', ') : 'none'}` : '';
    const what = p.error ? `error: ${p.error.message}` : `${account}${scopes}`;
    return escapeControl(`${mark} ${name}${token}${server}  ${what}`);
  });
  if (profiles.some((p) => p.source === 'file'))
    lines.push(
      `warning: tokens marked PLAIN TEXT are in ${tokenFilePath(configDir)}; log in again without --insecure-storage where a keyring exists`,
    );
  return `${lines.join('\n')}\n`;
}
