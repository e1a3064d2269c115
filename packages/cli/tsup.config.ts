import { defineConfig } from 'tsup';

// One ESM entry with code splitting: command modules become chunks loaded on demand, so `--version` and `--help`
// never load the SDK, zod or the mock (both stay external dependencies).
export default defineConfig({
  entry: { loggd: 'src/loggd.ts' },
  format: ['esm'],
  target: 'node22',
  platform: 'node',
  splitting: true,
  clean: true,
  sourcemap: false,
  dts: false,
  banner: { js: '#!/usr/bin/env node' },
  external: ['@loggd/sdk', '@loggd/mock', 'commander', 'chalk', 'cli-table3', 'conf', '@napi-rs/keyring'],
});
