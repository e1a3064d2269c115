/** Sent in the User-Agent; kept in step with package.json by hand (no JSON import: the core must bundle anywhere). */
export const SDK_VERSION = '0.1.0';
