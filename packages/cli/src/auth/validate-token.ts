import { CliError, usageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { type ProbeResult, type ProbeTarget, probe } from './probe.js';

/** Where to create a token: the fix for every rejected one. */
export const CREATE_TOKEN_HINT =
  'create a token at https://loggd.life → Settings → API, then run `loggd auth login` again';

/** Who a token belongs to, as far as it may say. */
export interface TokenOwner {
  username?: string;
  tier?: string;
  /** The token authenticates, but the account has no active Pro subscription (every call answers 403). */
  requiresPro?: boolean;
}

/** Checks a typed or piped token's shape before it is sent anywhere; `from` names the input in errors. */
export function checkTokenText(text: string, from: string): string {
  const token = text.trim();
  if (!token) throw usageError(`empty token on ${from}: give the API token from Settings → API`);
  if (/[\s\p{Cc}]/u.test(token)) {
    throw usageError(
      `the token on ${from} contains spaces, line breaks or control characters: give exactly one token`,
    );
  }
  return token;
}

/** A probe failure that says nothing about the token (network, server, rate limit) as a CLI error. */
export function probeFailure(result: Extract<ProbeResult, { kind: 'network' | 'http' }>): CliError {
  if (result.kind === 'network') {
    return new CliError(result.message, EXIT.network, 'connection', [
      'check your network connection and --base-url / LOGGD_BASE_URL',
    ]);
  }
  if (result.status === 429) {
    return new CliError(`rate limited by the API: ${result.message}`, EXIT.rateLimited, 'rate_limited', [
      'the API allows 300 requests per minute: wait a minute and retry',
    ]);
  }
  return new CliError(`the API answered ${result.status}: ${result.message}`, EXIT.failure, 'server', [
    'check --base-url / LOGGD_BASE_URL points at the API (…/api/v1/public), or retry later',
  ]);
}

/** The error for a token the API refuses (401): it must never be saved. */
export function rejectedTokenError(): CliError {
  return new CliError(
    'token rejected by the API (401): it is invalid, expired or revoked',
    EXIT.auth,
    'authentication',
    [CREATE_TOKEN_HINT],
  );
}

/**
 * Proves a token works with one real call: the profile, or — for a token without read:profile — the 403
 * missing_abilities that only an authenticated token gets. A 401 or a network failure throws.
 */
export async function validateToken(target: ProbeTarget): Promise<TokenOwner> {
  const result = await probe(target, 'profile');
  switch (result.kind) {
    case 'ok': {
      const data = (result.body as { data?: { username?: unknown; subscription_tier?: unknown } } | undefined)
        ?.data;
      return {
        ...(typeof data?.username === 'string' ? { username: data.username } : {}),
        ...(typeof data?.subscription_tier === 'string' ? { tier: data.subscription_tier } : {}),
      };
    }
    case 'missing_scope':
      return {};
    case 'requires_pro':
      return { requiresPro: true };
    case 'unauthenticated':
      throw rejectedTokenError();
    default:
      throw probeFailure(result);
  }
}
