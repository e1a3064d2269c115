/** The package's version (kept in step with package.json; test/server.test.ts checks it). */
export const VERSION = '0.1.0';
