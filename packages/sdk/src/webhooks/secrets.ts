/** Either one `secret` or several `secrets` (during a rotation, the new one and the old one). */
export interface WebhookSecretOptions {
  /** The endpoint's signing secret. */
  secret?: string;
  /** Every secret to accept: a delivery verifies when any of them matches. */
  secrets?: readonly string[];
}

/**
 * The secrets to try, in order. A missing or empty secret is a configuration bug (an unset environment
 * variable), so it throws a TypeError instead of quietly rejecting every delivery.
 */
export function secretsOf(options: WebhookSecretOptions): readonly string[] {
  const { secret, secrets: many } = options;
  // The common case, one secret: no array copying.
  if (many === undefined && typeof secret === 'string' && secret.length > 0) return [secret];
  const secrets = [...(many ?? []), ...(secret === undefined ? [] : [secret])];
  if (secrets.length === 0) {
    throw new TypeError('secrets: expected one or more webhook secrets (`secret` or `secrets`), got none');
  }
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length === 0) {
      throw new TypeError(
        `secrets: every webhook secret must be a non-empty string, got ${s === '' ? 'an empty string' : typeof s}`,
      );
    }
  }
  return secrets;
}
