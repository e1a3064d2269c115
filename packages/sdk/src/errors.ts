import type { RateLimitState } from './rate-limit.js';

/** Stable machine-readable codes; the CLI maps them to exit codes. */
export type LoggdErrorCode =
  | 'error'
  | 'api_error'
  | 'authentication'
  | 'forbidden'
  | 'requires_pro'
  | 'missing_scope'
  | 'not_found'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'connection'
  | 'timeout'
  | 'aborted'
  | 'invalid_response'
  | 'response_too_large'
  | 'redirect'
  | 'invalid_request'
  | 'max_items_exceeded'
  | 'webhook_verification';

/** Root of every error the SDK throws. */
export class LoggdError extends Error {
  /** Subclasses override this; the CLI maps it to an exit code. */
  readonly code: LoggdErrorCode = 'error';
  override name = 'LoggdError';
}

/** Where a failed call went: method and path (with query), never the token. */
export interface RequestInfo {
  method: string;
  path: string;
}

interface ApiErrorInit extends RequestInfo {
  status: number;
  body: unknown;
  headers: Headers;
  rateLimit: RateLimitState | null;
}

/** The API answered with a non-2xx status. */
export class LoggdApiError extends LoggdError {
  override name = 'LoggdApiError';
  override readonly code: LoggdErrorCode = 'api_error';
  readonly status: number;
  /** The parsed JSON body, or its text when it was not JSON. */
  readonly body: unknown;
  readonly headers: Headers;
  readonly method: string;
  readonly path: string;
  readonly rateLimit: RateLimitState | null;

  constructor(message: string, init: ApiErrorInit) {
    super(message);
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    this.method = init.method;
    this.path = init.path;
    this.rateLimit = init.rateLimit;
  }
}

/** 401: the token is missing, revoked or not a token at all. */
export class AuthenticationError extends LoggdApiError {
  override name = 'AuthenticationError';
  override readonly code = 'authentication';
}

/** 403 without a documented flag. */
export class PermissionError extends LoggdApiError {
  override name = 'PermissionError';
  override readonly code: LoggdErrorCode = 'forbidden';
}

/** 403 `requires_pro`: the account has no active Pro subscription. */
export class ProRequiredError extends PermissionError {
  override name = 'ProRequiredError';
  override readonly code = 'requires_pro';
}

/** 403 `missing_abilities`: the token lacks a scope this endpoint needs. */
export class MissingScopeError extends PermissionError {
  override name = 'MissingScopeError';
  override readonly code = 'missing_scope';
  readonly missingAbilities: string[];

  constructor(message: string, init: ApiErrorInit & { missingAbilities: string[] }) {
    super(message, init);
    this.missingAbilities = init.missingAbilities;
  }
}

/** 404: the id does not exist or belongs to another user. */
export class NotFoundError extends LoggdApiError {
  override name = 'NotFoundError';
  override readonly code = 'not_found';
}

/** 422: `errors` maps each rejected input to its messages. */
export class ValidationError extends LoggdApiError {
  override name = 'ValidationError';
  override readonly code = 'validation';
  readonly errors: Record<string, string[]>;

  constructor(message: string, init: ApiErrorInit & { errors: Record<string, string[]> }) {
    super(message, init);
    this.errors = init.errors;
  }
}

/** 429 after retries were exhausted, or with a Retry-After longer than `maxRetryAfterMs`. */
export class RateLimitError extends LoggdApiError {
  override name = 'RateLimitError';
  override readonly code = 'rate_limited';
  /** The server's Retry-After in ms, or null when it sent none. */
  readonly retryAfterMs: number | null;

  constructor(message: string, init: ApiErrorInit & { retryAfterMs: number | null }) {
    super(message, init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 5xx after retries were exhausted. */
export class ServerError extends LoggdApiError {
  override name = 'ServerError';
  override readonly code = 'server';
}

/** Errors raised before or instead of an HTTP response carry where the request was going. */
abstract class TransportError extends LoggdError {
  readonly method: string;
  readonly path: string;
  constructor(message: string, info: RequestInfo, options?: { cause?: unknown }) {
    super(message, options);
    this.method = info.method;
    this.path = info.path;
  }
}

/** The network failed (DNS, refused connection, reset socket) on every attempt. */
export class ConnectionError extends TransportError {
  override name = 'ConnectionError';
  override readonly code = 'connection';
}

/** An attempt exceeded `timeoutMs`, or the call exceeded `deadlineMs`. */
export class TimeoutError extends TransportError {
  override name = 'TimeoutError';
  override readonly code = 'timeout';
}

/** The caller's AbortSignal fired; `cause` holds the signal's reason. */
export class AbortError extends TransportError {
  override name = 'AbortError';
  override readonly code = 'aborted';
}

/** The response body exceeded `maxResponseBytes`; the read stopped there (never retried: it would only repeat). */
export class ResponseTooLargeError extends TransportError {
  override name = 'ResponseTooLargeError';
  override readonly code = 'response_too_large';
  /** The `maxResponseBytes` that was exceeded. */
  readonly limit: number;
  constructor(message: string, info: RequestInfo & { limit: number }) {
    super(message, info);
    this.limit = info.limit;
  }
}

/**
 * The API redirected to another origin. Its answer is refused: it did not come from the API (fetch drops the
 * token on such a redirect, so that origin never saw it). `location` is the URL it redirected to.
 */
export class RedirectError extends TransportError {
  override name = 'RedirectError';
  override readonly code = 'redirect';
  readonly location: string;
  constructor(message: string, info: RequestInfo & { location: string }) {
    super(message, info);
    this.location = info.location;
  }
}

/** The response was not JSON, or did not match the documented shape (in `strict` mode). */
export class ResponseValidationError extends TransportError {
  override name = 'ResponseValidationError';
  override readonly code = 'invalid_response';
  /** The raw response data (parsed JSON, or the text when it was not JSON). */
  readonly data: unknown;
  /** One line per failed check, `field.path: problem`. */
  readonly issues: string[];

  constructor(message: string, info: RequestInfo & { data: unknown; issues?: string[] }) {
    super(message, info);
    this.data = info.data;
    this.issues = info.issues ?? [];
  }
}

/** A list endpoint's cursor failed to advance: following it would loop forever. */
export class PaginationError extends ResponseValidationError {
  override name = 'PaginationError';
}

/** A parameter was rejected before any request was sent. */
export class InvalidRequestError extends LoggdError {
  override name = 'InvalidRequestError';
  override readonly code = 'invalid_request';
  /** The parameter's name as the API spells it (`limit`, `from`, `status`…). */
  readonly param: string;
  constructor(param: string, message: string) {
    super(message);
    this.param = param;
  }
}

/** `toArray()` met more items than its `max`. */
export class MaxItemsExceededError extends LoggdError {
  override name = 'MaxItemsExceededError';
  override readonly code = 'max_items_exceeded';
  readonly max: number;
  constructor(max: number) {
    super(
      `toArray() stopped: the list has more than ${max} items. Pass { max: n } to raise the cap, { max: Infinity } to lift it, or iterate with for await.`,
    );
    this.max = max;
  }
}
