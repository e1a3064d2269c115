import { resolve } from 'node:path';
import { defineConfig } from 'tsup';

// Two builds into dist/ (the build script empties it first):
// - the library (`import { createLoggdMcpServer } from '@loggd/mcp'`): every dependency stays external;
// - the `loggd-mcp` binary: the MCP SDK and zod are bundled into it, whitespace-minified, because one file
//   parses much faster than their hundreds of ESM modules (startup to the first `tools/list` answer is
//   benchmarked in bench/mcp-startup.bench.ts). @loggd/sdk and @loggd/mock stay external: they load on the first
//   tool call. Both builds bundle the CLI's pure report modules (src/report-code.ts) and split them into a chunk
//   that loads on the first summary call.
const shared = {
  format: ['esm'] as const,
  target: 'node22',
  platform: 'node' as const,
  splitting: true,
  clean: false,
  sourcemap: false,
  removeNodeProtocol: false,
};

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts' },
    dts: { entry: { index: 'src/index.ts' } },
    external: ['@modelcontextprotocol/sdk', 'zod', '@loggd/sdk', '@loggd/mock'],
  },
  {
    ...shared,
    entry: { bin: 'src/bin.ts' },
    outDir: 'dist/bin',
    banner: { js: '#!/usr/bin/env node' },
    noExternal: ['@modelcontextprotocol/sdk', 'zod'],
    external: ['@loggd/sdk', '@loggd/mock'],
    // The MCP SDK's server loads Ajv only for a default elicitation validator this server replaces (server.ts):
    // src/no-ajv.ts stands in for it, so Ajv and ajv-formats are neither bundled nor evaluated at start.
    esbuildPlugins: [
      {
        name: 'no-ajv',
        setup(build) {
          build.onResolve({ filter: /\/validation\/ajv-provider\.js$/ }, () => ({
            path: resolve('src/no-ajv.ts'),
          }));
        },
      },
    ],
    esbuildOptions(options) {
      options.minify = true;
    },
  },
]);
