import { maskToken } from '../auth/mask.js';
import { usageError } from '../errors.js';

/** The environment variable every webhooks command reads the secret from when `--secret` is not given. */
export const SECRET_ENV = 'LOGGD_WEBHOOK_SECRET';

/** `--secret`, else LOGGD_WEBHOOK_SECRET; a usage error (exit 2) naming both when neither is set. */
export function resolveSecret(flag: unknown, env: Record<string, string | undefined>): string {
  const secret = typeof flag === 'string' && flag !== '' ? flag : env[SECRET_ENV];
  if (!secret) {
    throw usageError(
      `missing webhook secret: give --secret or set ${SECRET_ENV}`,
      'the endpoint secret is shown once when you create the webhook in Settings → API (whsec_…)',
    );
  }
  return secret;
}

/** A secret as it may be printed: never in full (the same rule as tokens). */
export function maskSecret(secret: string): string {
  return maskToken(secret);
}
