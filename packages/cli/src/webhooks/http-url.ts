import { usageError } from '../errors.js';

/** A flag's value as an http(s) URL (`--forward-to`, `--url`); anything else is a usage error. */
export function httpUrl(flag: string, value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw usageError(
      `invalid ${flag} '${value}': accepted is an http:// or https:// URL`,
      `e.g. ${flag} http://localhost:3000/webhooks/loggd`,
    );
  }
  return url;
}
