import { DEFAULT_BASE_URL } from '@loggd/sdk/constants';
import { EXIT } from './exit-codes.js';
import { fileSystemError } from './fs-errors.js';

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
  path?: unknown;
  body?: unknown;
  code?: unknown;
  message?: unknown;
  status?: unknown;
  missingAbilities?: unknown;
  errors?: unknown;
  retryAfterMs?: unknown;
}

/** Maps any thrown value (an SDK LoggdError by its `code`, a CliError, anything else) to a CliError. */
export function toCliError(err: unknown, baseUrl?: string): CliError {
  if (err instanceof CliError) return err;
  const fs = fileSystemError(err);
  if (fs) return fs;
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
      return notFound(message, e, baseUrl);
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
      return new CliError(
        message,
        EXIT.failure,
        typeof e.code === 'string' && e.code in ERROR_CODES ? e.code : 'failure',
      );
  }
}

/**
 * A 404 on a path without an id (/profile, /habits) or without the API's JSON error body cannot be a wrong id:
 * the base URL is wrong. Say so with the full URL instead of "check the id".
 */
function notFound(message: string, e: SdkErrorLike & { path?: unknown; body?: unknown }, baseUrl?: string) {
  const path = typeof e.path === 'string' ? e.path : '';
  const apiBody = e.body !== null && typeof e.body === 'object' && 'message' in (e.body as object);
  const hasId = /\/\d+(\/|\?|$)/.test(path);
  if (path && (!hasId || !apiBody)) {
    const url = `${(baseUrl ?? '').replace(/\/+$/, '')}${path.split('?')[0]}`;
    return new CliError(
      `not found (404): ${url || path} — this base URL does not answer like the Loggd API`,
      EXIT.notFound,
      'not_found',
      [
        `check --base-url / LOGGD_BASE_URL (or the profile’s): the default is ${DEFAULT_BASE_URL}, a local mock http://127.0.0.1:4010/api/v1/public`,
      ],
    );
  }
  return new CliError(message, EXIT.notFound, 'not_found', [
    'check the id with the matching `list` command (ids of other accounts are never visible)',
  ]);
}

function validationHints(errors: unknown): string[] {
  if (!errors || typeof errors !== 'object') return [];
  return Object.entries(errors as Record<string, unknown>).map(
    ([field, msgs]) => `${field}: ${Array.isArray(msgs) ? msgs.join('; ') : String(msgs)}`,
  );
}

/**
 * Every `error.code` a JSON error may carry (docs/cli.md lists them): scripts can switch on these, so a code
 * outside this list (an errno such as ENOSPC, an SDK-internal name) is reported as `failure`.
 */
export const ERROR_CODES = {
  usage: 'bad command, flag or value (exit 2)',
  validation: 'the API refused a parameter: 422 (exit 2)',
  invalid_request: 'the request could not be built from the input (exit 2)',
  not_found: '404: no such id, path or base URL (exit 3)',
  no_token: 'no token configured (exit 4)',
  authentication: '401: token invalid, expired or revoked (exit 4)',
  requires_pro: '403: the account has no active Pro plan (exit 4)',
  missing_scope: '403: the token lacks a scope (exit 4)',
  no_keyring: 'the OS keyring is unavailable for storing a token (exit 4)',
  unknown_profile: 'no stored profile of that name (exit 4)',
  rate_limited: '429 that could not be waited out (exit 5)',
  connection: 'network failure: refused, DNS, reset (exit 6)',
  network: 'network failure reaching a mock or webhook target (exit 6)',
  timeout: 'no answer within --timeout after the retries (exit 6)',
  invalid_signature: 'webhook signature mismatch (exit 7)',
  server: 'the API failed: 5xx (exit 1)',
  invalid_response: 'the API answered something unexpected (exit 1)',
  filesystem: 'a file or folder could not be read or written (exit 1)',
  locked: 'another export or sync holds the folder (exit 1)',
  not_logged_in: 'logout of a profile with no token (exit 1)',
  invalid_settings: 'the settings file is not valid (exit 1)',
  invalid_credentials_file: 'the insecure token file is not valid (exit 1)',
  listen_failed: 'a local server could not listen (exit 1)',
  unsupported_node: 'this Node is too old for the command (exit 1)',
  aborted: 'interrupted (exit 130)',
  failure: 'any other failure (exit 1)',
} as const;

/** Whether errors go to stderr as JSON: only when JSON output (json or ndjson) was asked for explicitly. */
export function wantsJsonErrors(
  opts: { format?: string; json?: boolean },
  env: Record<string, string | undefined>,
): boolean {
  const format = opts.format ?? (opts.json ? 'json' : env.LOGGD_FORMAT);
  return format === 'json' || format === 'ndjson';
}

/** The machine-readable error body written to stderr when JSON output was asked for. */
export function errorJson(err: CliError): string {
  const code = err.code in ERROR_CODES ? err.code : 'failure';
  return JSON.stringify({ error: { code, message: err.message, hints: err.hints } });
}
