import { checkBaseUrl } from '../../auth/base-url.js';
import { DEFAULT_BASE_URL, resolveProfileName } from '../../auth/credentials.js';
import { type Keyring, KeyringUnavailableError, selectKeyring } from '../../auth/keyring.js';
import { maskToken } from '../../auth/mask.js';
import { confirm, readAllStdin, readLine } from '../../auth/prompt.js';
import { runCommand } from '../../auth/report.js';
import { readSettings, type TokenStorage, updateSettings } from '../../auth/settings.js';
import { deleteFileToken, tokenFilePath, writeFileToken } from '../../auth/token-file.js';
import { checkTokenText, validateToken } from '../../auth/validate-token.js';
import { CliError, usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { type AuthContext, where, withFetch } from './auth-context.js';

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
