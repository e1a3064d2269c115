import { defineConfig } from 'tsup';

// One ESM entry with code splitting: command modules become chunks loaded on demand, so `--version` and `--help`
// never load the SDK, zod or the mock. The SDK, zod and ky are bundled into those lazy chunks: one file parses
// much faster than zod's hundreds of ESM modules (import of the SDK: ~220 ms external, ~140 ms bundled, measured
// with `node -e "await import(...)"`). The mock (msw) stays external: only --demo and `mock serve` load it.
export default defineConfig({
  entry: { loggd: 'src/loggd.ts' },
  format: ['esm'],
  target: 'node22',
  platform: 'node',
  splitting: true,
  // tsup rewrites `node:x` to `x` by default, which breaks node:sqlite (it exists only with the prefix).
  removeNodeProtocol: false,
  // Whitespace-only minification: the bundled zod parses faster, and stack traces keep their names for --debug.
  esbuildOptions(options) {
    options.minifyWhitespace = true;
  },
  clean: true,
  sourcemap: false,
  dts: false,
  banner: { js: '#!/usr/bin/env node' },
  noExternal: ['@loggd/sdk', 'zod', 'ky'],
  external: ['@loggd/mock', 'commander', 'chalk', 'cli-table3', 'conf', '@napi-rs/keyring'],
});
