import { checkBaseUrl } from '../../auth/base-url.js';
import { DEFAULT_BASE_URL, resolveCredentials, resolveProfileName } from '../../auth/credentials.js';
import { KEYRING_SERVICE, type Keyring, KeyringUnavailableError, selectKeyring } from '../../auth/keyring.js';
import { maskToken } from '../../auth/mask.js';
import { probeScopes, SCOPE_PROBES, type ScopeReport } from '../../auth/probe.js';
import { checkProfileName } from '../../auth/profile-name.js';
import { confirm, readAllStdin, readLine } from '../../auth/prompt.js';
import { printError, runCommand, wantsJson } from '../../auth/report.js';
import { readSettings, type TokenStorage, updateSettings } from '../../auth/settings.js';
import { deleteFileToken, tokenFilePath, writeFileToken } from '../../auth/token-file.js';
import { removeStoredToken } from '../../auth/token-store.js';
import {
  checkTokenText,
  probeFailure,
  rejectedTokenError,
  validateToken,
} from '../../auth/validate-token.js';
import { CliError, usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import type { CommandContext } from '../../types.js';

/** Tests inject the mock's fetch here; the real CLI uses the global fetch. */
type AuthContext = CommandContext & { fetch?: typeof globalThis.fetch };

const withFetch = (ctx: AuthContext) => (ctx.fetch ? { fetch: ctx.fetch } : {});

/** `loggd auth login`: read a token (hidden prompt or stdin), prove it works, store it, make its profile active. */
export async function authLogin(
  ctx: AuthContext,
  opts: { withToken?: boolean; insecureStorage?: boolean },
): Promise<number> {
  return runCommand(ctx, async () => {
    const { io, configDir } = ctx;
    const settings = await readSettings(configDir);
    const profile = resolveProfileName(ctx.opts.profile, io.env, settings);
    const baseUrl = loginBaseUrl(ctx, settings.profiles[profile]?.baseUrl);
    const keyring = selectKeyring(io.env, configDir);

    const token = await readToken(ctx, opts.withToken ?? false);
    // Validate before storing anything: a rejected token must never be saved.
    const owner = await validateToken({ token, baseUrl, ...withFetch(ctx) });
    const storage = await storeToken(ctx, keyring, profile, token, opts.insecureStorage ?? false);

    await updateSettings(configDir, (s) => {
      s.profiles[profile] = {
        ...(baseUrl !== DEFAULT_BASE_URL ? { baseUrl } : {}),
        storage,
        ...(owner.username ? { username: owner.username } : {}),
      };
      s.activeProfile = profile;
    });

    const who = owner.username ? ` as ${owner.username}` : '';
    io.stderr.write(
      `✓ Logged in to ${baseUrl}${who} (profile ${profile}, token ${maskToken(token)} in ${where(storage, configDir)})\n`,
    );
    if (owner.requiresPro) {
      io.stderr.write(
        'warning: this account has no active Pro subscription: every API call answers 403 until it is renewed\n',
      );
    } else if (!owner.username) {
      io.stderr.write(
        'note: the token cannot read the profile (no read:profile scope); `loggd auth status` lists its scopes\n',
      );
    }
    if (io.env.LOGGD_TOKEN?.trim()) {
      io.stderr.write('note: LOGGD_TOKEN is set in this environment and overrides the stored token\n');
    }
    return EXIT.ok;
  });
}

function loginBaseUrl(ctx: AuthContext, stored: string | undefined): string {
  if (ctx.opts.baseUrl) return checkBaseUrl(ctx.opts.baseUrl, '--base-url');
  if (ctx.io.env.LOGGD_BASE_URL?.trim())
    return checkBaseUrl(ctx.io.env.LOGGD_BASE_URL.trim(), 'LOGGD_BASE_URL');
  return stored ? checkBaseUrl(stored, 'the profile’s base URL') : DEFAULT_BASE_URL;
}

async function readToken(ctx: AuthContext, withToken: boolean): Promise<string> {
  if (withToken) return checkTokenText(await readAllStdin(ctx.io), 'stdin');
  if (!ctx.io.canPrompt) {
    throw usageError(
      'no token given: stdin is not a terminal (or CI / --no-input is set), so there is nothing to prompt on',
      'pipe the token instead: `echo "$TOKEN" | loggd auth login --with-token`',
    );
  }
  ctx.io.stderr.write(`Paste an API token (create one at https://loggd.life → Settings → API).\n`);
  return checkTokenText(await readLine(ctx.io, 'Token: ', { hidden: true }), 'the prompt');
}

async function storeToken(
  ctx: AuthContext,
  keyring: Keyring,
  profile: string,
  token: string,
  insecure: boolean,
): Promise<TokenStorage> {
  const { io, configDir } = ctx;
  const file = tokenFilePath(configDir);
  if (!insecure) {
    let reason: string;
    try {
      await keyring.set(profile, token);
      // One copy per profile: a plaintext copy from an earlier --insecure-storage login goes.
      await deleteFileToken(configDir, profile);
      return 'keyring';
    } catch (err) {
      if (!(err instanceof KeyringUnavailableError)) throw err;
      reason = err.message;
    }
    const hint = `set LOGGD_TOKEN in the environment instead, or re-run with --insecure-storage to store it in plain text in ${file}`;
    if (!io.canPrompt) {
      throw new CliError(`cannot store the token: ${reason}`, EXIT.auth, 'no_keyring', [hint]);
    }
    const yes = await confirm(
      io,
      `${reason}.\nStore the token in plain text in ${file} instead (anyone who can read your files can use it)?`,
    );
    if (!yes) throw new CliError('not logged in: the token was not stored', EXIT.auth, 'no_keyring', [hint]);
  }
  // Warn before writing (cli/cli #13920): the user must be able to stop it.
  io.stderr.write(
    `warning: storing the token in PLAIN TEXT in ${file} (mode 0600): anyone with access to your account or backups can read it\n`,
  );
  await writeFileToken(configDir, profile, token);
  try {
    await keyring.delete(profile);
  } catch (err) {
    if (!(err instanceof KeyringUnavailableError)) throw err;
  }
  return 'file';
}

function where(storage: TokenStorage, configDir: string): string {
  return storage === 'keyring' ? `the OS keyring (service ${KEYRING_SERVICE})` : tokenFilePath(configDir);
}

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

/** `loggd auth logout`: remove the profile's token from the keyring and the file, and forget the profile. */
export async function authLogout(ctx: AuthContext, _opts: Record<string, unknown> = {}): Promise<number> {
  return runCommand(ctx, async () => {
    const { io, configDir } = ctx;
    const settings = await readSettings(configDir);
    const profile = resolveProfileName(ctx.opts.profile, io.env, settings);
    const removed = await removeStoredToken(configDir, selectKeyring(io.env, configDir), profile);
    const known = profile in settings.profiles;
    if (!removed.length && !known) {
      const names = Object.keys(settings.profiles);
      throw new CliError(`not logged in to profile ${profile}`, EXIT.failure, 'not_logged_in', [
        names.length ? `known profiles: ${names.join(', ')}` : 'no profile is logged in',
      ]);
    }
    if (known) {
      await updateSettings(configDir, (s) => {
        delete s.profiles[profile];
        if (s.activeProfile === profile) {
          const next = Object.keys(s.profiles)[0];
          if (next) s.activeProfile = next;
          else delete s.activeProfile;
        }
      });
    }
    const from = removed.map((storage) => where(storage, configDir)).join(' and ');
    io.stderr.write(`✓ Logged out of profile ${profile}${from ? ` (token removed from ${from})` : ''}\n`);
    if (io.env.LOGGD_TOKEN?.trim()) {
      io.stderr.write(
        'note: LOGGD_TOKEN is still set in this environment and still authenticates commands\n',
      );
    }
    return EXIT.ok;
  });
}

/** `loggd auth switch <profile>`: make a logged-in profile the active one. */
export async function authSwitch(
  ctx: AuthContext,
  profile: string,
  _opts: Record<string, unknown> = {},
): Promise<number> {
  return runCommand(ctx, async () => {
    const { io, configDir } = ctx;
    const name = checkProfileName(profile, 'the profile argument');
    const settings = await readSettings(configDir);
    const names = Object.keys(settings.profiles);
    if (!names.includes(name)) {
      throw usageError(
        `unknown profile ${JSON.stringify(name)}: known profiles are ${names.length ? names.join(', ') : '(none)'}`,
        `log in to it first: loggd auth login --profile ${name}`,
      );
    }
    await updateSettings(configDir, (s) => {
      s.activeProfile = name;
    });
    const p = settings.profiles[name]!;
    const who = p.username ? ` as ${p.username}` : '';
    io.stderr.write(`✓ Active profile is now ${name} (${p.baseUrl ?? DEFAULT_BASE_URL}${who})\n`);
    if (io.env.LOGGD_PROFILE?.trim() && io.env.LOGGD_PROFILE.trim() !== name) {
      io.stderr.write(
        `note: LOGGD_PROFILE=${io.env.LOGGD_PROFILE.trim()} is set and overrides the active profile\n`,
      );
    }
    return EXIT.ok;
  });
}

/**
 * `loggd auth token`: the token in effect (flag, LOGGD_TOKEN or the profile's stored one) for scripts, e.g.
 * `curl -H "Authorization: Bearer $(loggd auth token)"`. Unlike gh it refuses a terminal unless `--show` is
 * given, so the token never lands in a screen share or the scrollback by accident.
 */
export async function authToken(ctx: AuthContext, opts: { show?: boolean } = {}): Promise<number> {
  return runCommand(ctx, async () => {
    const { io, configDir } = ctx;
    if (io.stdout.isTTY && !opts.show)
      throw usageError(
        'refusing to print the token on a terminal: pipe it, or add --show',
        'e.g. export LOGGD_TOKEN="$(loggd auth token)"',
      );
    const creds = await resolveCredentials({
      ...(ctx.opts.profile ? { profile: ctx.opts.profile } : {}),
      ...(ctx.opts.token ? { token: ctx.opts.token } : {}),
      env: io.env,
      configDir,
    });
    if (!creds.token || creds.source === 'none')
      throw new CliError(`not logged in (profile ${creds.profile})`, EXIT.auth, 'no_token', [
        'run `loggd auth login` (or set LOGGD_TOKEN)',
      ]);
    io.stdout.write(`${creds.token}\n`);
    return EXIT.ok;
  });
}
