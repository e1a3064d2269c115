import { usageError } from '../errors.js';

/** The profile used when neither --profile, LOGGD_PROFILE nor an active profile names one. */
export const DEFAULT_PROFILE = 'default';

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Checks a profile name from a flag, LOGGD_PROFILE or an argument (it becomes a key in files and the keyring). */
export function checkProfileName(name: string, from: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw usageError(
      `invalid profile name ${JSON.stringify(name)} in ${from}: use 1-64 letters, digits, '-' or '_', starting with a letter or digit`,
    );
  }
  return name;
}
