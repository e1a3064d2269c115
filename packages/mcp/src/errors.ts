import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  status?: unknown;
  missingAbilities?: unknown;
  retryAfterMs?: unknown;
  errors?: unknown;
}

/**
 * What the assistant should tell the user to do about an error, by the SDK error's `code` (the same remedies
 * the CLI prints as hints). Duck-typed on `code`: the CLI hands in a client from its own bundled SDK.
 */
export function remedyFor(err: unknown): string | undefined {
  const e = (err ?? {}) as ErrorLike;
  switch (e.code) {
    case 'authentication':
      return 'the token is missing, invalid or revoked: create a new one at loggd.life → Settings → API and restart the server with it';
    case 'requires_pro':
      return 'the Loggd API needs an active Pro subscription: re-subscribe on loggd.life, then retry (the token stays valid)';
    case 'missing_scope': {
      const scopes = Array.isArray(e.missingAbilities) ? e.missingAbilities.join(', ') : 'the needed scope';
      return `the token lacks the scope ${scopes}: create a token with it in loggd.life → Settings → API and restart the server with it`;
    }
    case 'not_found':
      return 'no such id for this account: look the id up with the matching list tool';
    case 'rate_limited': {
      const wait = typeof e.retryAfterMs === 'number' ? Math.max(1, Math.ceil(e.retryAfterMs / 1000)) : 60;
      return `the API allows 300 requests a minute: retry in ${wait} s`;
    }
    case 'validation':
    case 'invalid_request':
    case 'invalid_arguments':
      return 'fix the arguments named above and call the tool again';
    case 'connection':
    case 'timeout':
      return 'the Loggd API could not be reached: check the network (and --base-url), then retry';
    case 'server':
      return 'the Loggd API failed: retry in a minute';
    case 'invalid_response':
      return 'the API answered something unexpected: retry later';
    default:
      return undefined;
  }
}

/** Seconds to wait before retrying, for a rate-limited call. */
function retryAfterSeconds(err: unknown): number | undefined {
  const ms = (err as ErrorLike | null)?.retryAfterMs;
  return typeof ms === 'number' ? Math.max(1, Math.ceil(ms / 1000)) : undefined;
}

/**
 * A thrown error as an MCP tool error: `isError` with one text block of the SDK's message, its code and the
 * remedy. No structured content (clients validate it against the output schema, which describes success).
 * Messages come from the SDK, which never puts the token in them.
 */
export function toolError(err: unknown): CallToolResult {
  const e = (err ?? {}) as ErrorLike;
  const message = typeof e.message === 'string' && e.message ? e.message : String(err);
  const code = typeof e.code === 'string' ? e.code : 'error';
  const remedy = remedyFor(err);
  const retry = retryAfterSeconds(err);
  const lines = [`error (${code}): ${message}`];
  if (remedy) lines.push(`remedy: ${remedy}`);
  if (code === 'rate_limited' && retry !== undefined) lines.push(`retry_after_seconds: ${retry}`);
  return { isError: true, content: [{ type: 'text', text: lines.join('\n') }] };
}
