import { DEFAULT_BASE_URL } from '@loggd/sdk/constants';
import { usageError } from '../errors.js';

/** Checks a base URL from --base-url, LOGGD_BASE_URL or settings; returns it without a trailing slash. */
export function checkBaseUrl(value: string, from: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw usageError(
      `invalid ${from} ${JSON.stringify(value)}: give an http(s) URL such as ${DEFAULT_BASE_URL}`,
      `the default is ${DEFAULT_BASE_URL}; a local mock: http://127.0.0.1:4010/api/v1/public`,
    );
  }
  return value.replace(/\/+$/, '');
}
