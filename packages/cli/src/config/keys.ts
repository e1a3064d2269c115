import { checkBaseUrl } from '../auth/base-url.js';
import { usageError } from '../errors.js';
import { FORMATS } from '../output/format.js';

/** One `loggd config` key: what it accepts, and the environment variable it fills when that is unset. */
export interface ConfigKey {
  /** The variable the value stands in for, so flag > env > config > default is one precedence path. */
  env: string;
  /** What `config set` accepts, for the usage error and `config list --help`. */
  accepted: string;
  description: string;
  /** Returns the value as stored, or throws a one-line usage error naming the key. */
  check(value: string): string;
}

const choice =
  (key: string, values: readonly string[]) =>
  (value: string): string => {
    if (values.includes(value)) return value;
    throw invalid(key, value, values.join(', '));
  };

function invalid(key: string, value: string, accepted: string) {
  return usageError(
    `invalid value '${value}' for config key ${key}: accepted are ${accepted}`,
    `e.g. loggd config set ${key} ${EXAMPLES[key]}`,
  );
}

const EXAMPLES: Record<string, string> = {
  format: 'json',
  base_url: 'http://127.0.0.1:4010/api/v1/public',
  pager: "'less -R'",
  timeout: '20',
  color: 'never',
};

/** The keys `loggd config` knows, like gh's (`gh config set pager less`). */
export const CONFIG_KEYS: Readonly<Record<string, ConfigKey>> = {
  format: {
    env: 'LOGGD_FORMAT',
    accepted: FORMATS.join(', '),
    description: 'default output format (--format, LOGGD_FORMAT win)',
    check: choice('format', FORMATS),
  },
  base_url: {
    env: 'LOGGD_BASE_URL',
    accepted: 'an http(s) URL',
    description: 'API base URL for profiles that store none (--base-url, LOGGD_BASE_URL win)',
    check: (value) => {
      try {
        return checkBaseUrl(value, 'base_url');
      } catch {
        throw invalid('base_url', value, 'an http(s) URL such as https://loggd.life/api/v1/public');
      }
    },
  },
  pager: {
    env: 'LOGGD_PAGER',
    accepted: 'a command line, e.g. less -R (cat = no paging)',
    description: 'pager for long tables on a terminal (--no-pager, LOGGD_PAGER win; then PAGER)',
    check: (value) => {
      if (value.trim() && !/[\p{Cc}]/u.test(value)) return value.trim();
      throw invalid('pager', value, 'a command line, e.g. less -R (cat = no paging)');
    },
  },
  timeout: {
    env: 'LOGGD_TIMEOUT',
    accepted: 'a number of seconds (0 = no timeout)',
    description: 'seconds to wait for each answer before retrying (--timeout, LOGGD_TIMEOUT win)',
    check: (value) => {
      if (/^\d+(\.\d+)?$/.test(value.trim())) return value.trim();
      throw invalid('timeout', value, 'a number of seconds (0 = no timeout)');
    },
  },
  color: {
    env: 'LOGGD_COLOR',
    accepted: 'auto, always, never',
    description: 'colour: auto, always or never (--color, LOGGD_COLOR win)',
    check: choice('color', ['auto', 'always', 'never']),
  },
};

/** Looks a key up, or throws the usage error listing the known keys (exit 2). */
export function configKey(name: string): ConfigKey {
  const key = Object.hasOwn(CONFIG_KEYS, name) ? CONFIG_KEYS[name] : undefined;
  if (key) return key;
  throw usageError(
    `unknown config key '${name}': accepted keys are ${Object.keys(CONFIG_KEYS).join(', ')}`,
    'run `loggd config list` to see the values set',
  );
}
