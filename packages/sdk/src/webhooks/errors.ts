import { LoggdError } from '../errors.js';

/** What failed while turning a delivery into an event. */
export type WebhookVerificationReason =
  | 'missing_signature'
  | 'invalid_signature'
  | 'invalid_json'
  | 'invalid_payload'
  | 'event_mismatch'
  | 'too_old'
  | 'body_not_raw';

/**
 * A delivery was rejected: `reason` says which check failed. Answer 4xx for these (Loggd then retries), except
 * `body_not_raw`, which is a bug in the handler rather than a bad delivery.
 */
export class WebhookVerificationError extends LoggdError {
  override name = 'WebhookVerificationError';
  override readonly code = 'webhook_verification';
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}
