import { readFile, stat } from 'node:fs/promises';
import { maskToken } from '../auth/mask.js';
import { usageError } from '../errors.js';

/** The environment variable every webhooks command reads the secret from when no flag names it. */
export const SECRET_ENV = 'LOGGD_WEBHOOK_SECRET';

/** The flags a webhooks command may name its secret with. */
export interface SecretFlags {
  secret?: unknown;
  secretFile?: unknown;
}

/**
 * The endpoint secret: `--secret-file PATH` (first line), else LOGGD_WEBHOOK_SECRET, else `--secret` with a
 * warning on stderr, since a command-line argument is visible to every user of the machine in `ps`. A usage
 * error (exit 2) names the ways when none is given, or when a file is unreadable or empty.
 */
export async function resolveSecret(
  flags: SecretFlags,
  env: Record<string, string | undefined>,
  warn: (line: string) => void,
): Promise<string> {
  const flag = typeof flags.secret === 'string' && flags.secret !== '' ? flags.secret : undefined;
  const file = typeof flags.secretFile === 'string' && flags.secretFile !== '' ? flags.secretFile : undefined;
  if (flag && file) throw usageError('give either --secret or --secret-file, not both');
  if (file) return readSecretFile(file, warn);
  if (flag) {
    warn(
      `warning: --secret is visible to other users of this machine (ps, shell history); prefer ${SECRET_ENV} or --secret-file`,
    );
    return flag;
  }
  const fromEnv = env[SECRET_ENV];
  if (!fromEnv) {
    throw usageError(
      `missing webhook secret: set ${SECRET_ENV} or give --secret-file PATH`,
      'the endpoint secret is shown once when you create the webhook in Settings → API (whsec_…)',
    );
  }
  return fromEnv;
}

async function readSecretFile(path: string, warn: (line: string) => void): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw usageError(`cannot read --secret-file '${path}' (${code}): accepted is a file holding the secret`);
  }
  const secret = text.split(/\r?\n/)[0]?.trim() ?? '';
  if (!secret)
    throw usageError(`--secret-file '${path}' is empty: accepted is a file whose first line is the secret`);
  // Like ssh with its keys: say so when others can read the secret (POSIX modes only).
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) {
    warn(`warning: --secret-file '${path}' is readable by other users; chmod 600 it`);
  }
  return secret;
}

/** A secret as it may be printed: never in full (the same rule as tokens). */
export function maskSecret(secret: string): string {
  return maskToken(secret);
}
