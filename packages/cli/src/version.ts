/** The CLI's version (kept in step with package.json; test/spec.test.ts checks it). */
export const VERSION = '0.1.0';
