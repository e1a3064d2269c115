import { checkBaseUrl } from '../../auth/base-url.js';
import { DEFAULT_BASE_URL, resolveCredentials } from '../../auth/credentials.js';
import { KEYRING_SERVICE } from '../../auth/keyring.js';
import { maskToken } from '../../auth/mask.js';
import { probeScopes, SCOPE_PROBES, type ScopeReport } from '../../auth/probe.js';
import { printError, runCommand, wantsJson } from '../../auth/report.js';
import { readSettings } from '../../auth/settings.js';
import { tokenFilePath } from '../../auth/token-file.js';
import { probeFailure, rejectedTokenError } from '../../auth/validate-token.js';
import { CliError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { type AuthContext, withFetch } from './auth-context.js';

/** The machine-readable `auth status` (one JSON object; the token masked). */
export interface AuthStatusJson {
  profile: string;
  active: boolean;
  base_url: string;
  token: string;
  source: 'flag' | 'env' | 'keyring' | 'file';
  /** The keyring entry, the file path, or the variable/flag the token came from. */
  storage: string;
  valid: boolean;
  requires_pro: boolean;
  username: string | null;
  subscription_tier: string | null;
  scopes: string[];
  missing_scopes: string[];
}

/** `loggd auth status`: who the token is, where it lives, and which scopes it really has (probed in parallel). */
export async function authStatus(ctx: AuthContext, _opts: Record<string, unknown> = {}): Promise<number> {
  return runCommand(ctx, async () => {
    const { io, configDir } = ctx;
    const creds = await resolveCredentials({
      ...(ctx.opts.profile ? { profile: ctx.opts.profile } : {}),
      ...(ctx.opts.token ? { token: ctx.opts.token } : {}),
      ...(ctx.opts.baseUrl ? { baseUrl: ctx.opts.baseUrl } : {}),
      env: io.env,
      configDir,
    });
    if (!creds.token || creds.source === 'none') {
      throw new CliError(`not logged in (profile ${creds.profile})`, EXIT.auth, 'no_token', [
        'run `loggd auth login` (or set LOGGD_TOKEN)',
      ]);
    }
    const settings = await readSettings(configDir);
    const baseUrl = checkBaseUrl(creds.baseUrl ?? DEFAULT_BASE_URL, 'the base URL');
    const report = await probeScopes({ token: creds.token, baseUrl, ...withFetch(ctx) });
    const outcomes = Object.values(report.results);
    const failure = outcomes.find((r) => r.kind === 'network' || r.kind === 'http');
    const rejected = outcomes.some((r) => r.kind === 'unauthenticated');
    if (failure && !rejected && (failure.kind === 'network' || failure.kind === 'http'))
      throw probeFailure(failure);

    const profileBody = report.results['read:profile'];
    const data =
      profileBody.kind === 'ok' ? (profileBody.body as { data?: Record<string, unknown> })?.data : undefined;
    const status: AuthStatusJson = {
      profile: creds.profile,
      active: (settings.activeProfile ?? 'default') === creds.profile,
      base_url: baseUrl,
      token: maskToken(creds.token),
      source: creds.source,
      storage: describeSource(creds.source, creds.profile, configDir),
      valid: !rejected,
      requires_pro: outcomes.some((r) => r.kind === 'requires_pro'),
      username:
        typeof data?.username === 'string'
          ? data.username
          : (settings.profiles[creds.profile]?.username ?? null),
      subscription_tier: typeof data?.subscription_tier === 'string' ? data.subscription_tier : null,
      scopes: report.granted,
      missing_scopes: report.missing,
    };

    // Status is one object: JSON for json/ndjson, and the readable text for every other format (like gh).
    if (wantsJson(ctx)) io.stdout.write(`${JSON.stringify(status)}\n`);
    else io.stdout.write(statusText(status, report));

    // The status is printed either way; the exit code and the error line say whether the token can be used.
    if (rejected) return printError(ctx, rejectedTokenError()).exitCode;
    if (status.requires_pro)
      return printError(ctx, {
        code: 'requires_pro',
        message: 'API access requires an active Pro subscription.',
      }).exitCode;
    return EXIT.ok;
  });
}

function describeSource(source: AuthStatusJson['source'], profile: string, configDir: string): string {
  switch (source) {
    case 'flag':
      return '--token flag';
    case 'env':
      return 'LOGGD_TOKEN environment variable';
    case 'keyring':
      return `OS keyring (service ${KEYRING_SERVICE}, account ${profile})`;
    case 'file':
      return tokenFilePath(configDir);
  }
}

function statusText(s: AuthStatusJson, report: ScopeReport): string {
  const scopeLine = (Object.keys(SCOPE_PROBES) as Array<keyof typeof SCOPE_PROBES>)
    .map((scope) => {
      const r = report.results[scope];
      const mark = r.kind === 'ok' ? '✓' : r.kind === 'missing_scope' ? '✗' : '?';
      return `${mark} ${scope}`;
    })
    .join('  ');
  const account = s.username
    ? `${s.username}${s.subscription_tier ? ` (${s.subscription_tier})` : ''}`
    : 'unknown (the token has no read:profile scope)';
  const lines = [
    `Profile:  ${s.profile}${s.active ? ' (active)' : ''}`,
    `Server:   ${s.base_url}`,
    `Account:  ${s.valid ? account : 'token rejected (401)'}`,
    `Token:    ${s.token}`,
    `Stored:   ${s.source === 'file' ? `${s.storage} (PLAIN TEXT)` : s.storage}`,
    `Scopes:   ${s.valid && !s.requires_pro ? scopeLine : 'unknown'}`,
  ];
  if (s.source === 'file') {
    lines.push(
      'warning: the token is stored in plain text; log in again without --insecure-storage where a keyring exists',
    );
  }
  return `${lines.join('\n')}\n`;
}
