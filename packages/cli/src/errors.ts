import { EXIT } from './exit-codes.js';

/** A failure the CLI reports as one line plus hints, with a documented exit code (never a stack trace). */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
    readonly code: string = 'failure',
    readonly hints: readonly string[] = [],
  ) {
    super(message);
  }
}

/** A bad flag, argument or value: exit 2. */
export function usageError(message: string, hint?: string): CliError {
  return new CliError(message, EXIT.usage, 'usage', hint ? [hint] : []);
}

const LOGIN_HINT = 'run `loggd auth login`, set LOGGD_TOKEN, or try --demo';

/** The error for a missing token (exit 4). */
export function noTokenError(): CliError {
  return new CliError(`no token: ${LOGIN_HINT}`, EXIT.auth, 'no_token', [
    'create a token at https://loggd.life → Settings → API',
  ]);
}

interface SdkErrorLike {
  code?: unknown;
  message?: unknown;
  status?: unknown;
  missingAbilities?: unknown;
  errors?: unknown;
  retryAfterMs?: unknown;
}

/** Maps any thrown value (an SDK LoggdError by its `code`, a CliError, anything else) to a CliError. */
export function toCliError(err: unknown): CliError {
  if (err instanceof CliError) return err;
  const e = (err ?? {}) as SdkErrorLike;
  const message = typeof e.message === 'string' && e.message ? e.message : String(err);
  switch (e.code) {
    case 'authentication':
      return new CliError(message, EXIT.auth, 'authentication', [
        'the token is missing, invalid or revoked: run `loggd auth login` again (or set LOGGD_TOKEN)',
      ]);
    case 'requires_pro':
      return new CliError(message, EXIT.auth, 'requires_pro', [
        'API access needs an active Pro subscription: re-subscribe, then retry (the token stays valid)',
      ]);
    case 'missing_scope': {
      const scopes = Array.isArray(e.missingAbilities)
        ? e.missingAbilities.join(', ')
        : 'the endpoint’s scope';
      return new CliError(message, EXIT.auth, 'missing_scope', [
        `create a token with the missing scope (${scopes}) in Settings → API, then \`loggd auth login\``,
      ]);
    }
    case 'not_found':
      return new CliError(message, EXIT.notFound, 'not_found', [
        'check the id with the matching `list` command (ids of other accounts are never visible)',
      ]);
    case 'validation':
    case 'invalid_request':
      return new CliError(message, EXIT.usage, String(e.code), validationHints(e.errors));
    case 'rate_limited':
      return new CliError(message, EXIT.rateLimited, 'rate_limited', [
        'the API allows 300 requests per minute: wait a minute and retry, or use a larger --limit',
      ]);
    case 'connection':
    case 'timeout':
      return new CliError(message, EXIT.network, String(e.code), [
        'check your network connection and --base-url / LOGGD_BASE_URL',
      ]);
    case 'aborted':
      return new CliError(message, EXIT.interrupted, 'aborted');
    case 'server':
      return new CliError(message, EXIT.failure, 'server', ['the API failed: retry later']);
    case 'invalid_response':
      return new CliError(message, EXIT.failure, 'invalid_response', [
        'the API answered something unexpected: retry with --debug and report it',
      ]);
    default:
      return new CliError(message, EXIT.failure, typeof e.code === 'string' ? e.code : 'failure');
  }
}

function validationHints(errors: unknown): string[] {
  if (!errors || typeof errors !== 'object') return [];
  return Object.entries(errors as Record<string, unknown>).map(
    ([field, msgs]) => `${field}: ${Array.isArray(msgs) ? msgs.join('; ') : String(msgs)}`,
  );
}

/** The machine-readable error body written to stderr in json/ndjson/csv/tsv modes. */
export function errorJson(err: CliError): string {
  return JSON.stringify({ error: { code: err.code, message: err.message, hints: err.hints } });
}
