/** Shorter tokens are hidden entirely: at least two characters must stay secret. */
const MIN_MASKABLE = 12;

/**
 * A token as it may be shown: the first 6 and last 4 characters, never the whole secret.
 * @example maskToken('mock_pro_all') // 'mock_p…_all'
 */
export function maskToken(token: string | undefined | null): string {
  if (!token) return '****';
  // 10 visible characters would reveal most of a short token (or all of it), so show none of it.
  if (token.length < MIN_MASKABLE) return '****';
  return `${token.slice(0, 6)}…${token.slice(-4)}`;
}
