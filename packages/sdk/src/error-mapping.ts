import {
  AuthenticationError,
  LoggdApiError,
  MissingScopeError,
  NotFoundError,
  PermissionError,
  ProRequiredError,
  RateLimitError,
  ServerError,
  ValidationError,
} from './errors.js';
import type { RateLimitState } from './rate-limit.js';

export interface ErrorResponse {
  method: string;
  path: string;
  status: number;
  body: unknown;
  headers: Headers;
  rateLimit: RateLimitState | null;
  retryAfterMs: number | null;
}

function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function errorRecord(value: unknown): Record<string, string[]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stringArray(v)]));
}

/** Builds the error class that matches a non-2xx response (documented payloads: see the API's Errors section). */
export function errorFromResponse(r: ErrorResponse): LoggdApiError {
  const serverMessage = field(r.body, 'message');
  const detail = typeof serverMessage === 'string' && serverMessage ? serverMessage : `HTTP ${r.status}`;
  const where = `${r.method} ${r.path}`;
  const init = {
    status: r.status,
    body: r.body,
    headers: r.headers,
    method: r.method,
    path: r.path,
    rateLimit: r.rateLimit,
  };

  if (r.status === 401) {
    return new AuthenticationError(`${detail} (401 on ${where}: check the API token)`, init);
  }
  if (r.status === 403) {
    if (field(r.body, 'requires_pro') === true) {
      return new ProRequiredError(`${detail} (403 on ${where}: the account needs an active Pro plan)`, init);
    }
    const missingAbilities = stringArray(field(r.body, 'missing_abilities'));
    if (missingAbilities.length > 0) {
      return new MissingScopeError(
        `${detail} Add the scope${missingAbilities.length > 1 ? 's' : ''} ${missingAbilities.join(', ')} to the token (Settings → API) (403 on ${where})`,
        { ...init, missingAbilities },
      );
    }
    return new PermissionError(`${detail} (403 on ${where})`, init);
  }
  if (r.status === 404) return new NotFoundError(`${detail} (404 on ${where})`, init);
  if (r.status === 422) {
    const errors = errorRecord(field(r.body, 'errors'));
    const list = Object.entries(errors)
      .map(([k, v]) => `${k}: ${v.join(' ')}`)
      .join('; ');
    return new ValidationError(`${detail}${list ? ` (${list})` : ''} (422 on ${where})`, { ...init, errors });
  }
  if (r.status === 429) {
    const wait = r.retryAfterMs === null ? '' : `; retry after ${Math.ceil(r.retryAfterMs / 1000)} s`;
    return new RateLimitError(`${detail} (429 on ${where}${wait})`, {
      ...init,
      retryAfterMs: r.retryAfterMs,
    });
  }
  if (r.status >= 500) return new ServerError(`${detail} (${r.status} on ${where})`, init);
  return new LoggdApiError(`${detail} (${r.status} on ${where})`, init);
}
