import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Source code imports the HMAC implementation from `webhooks/hmac/runtime.ts` (node:crypto, so tests and tsc
 * work). In the build that import becomes the package import `#hmac`, left for the consumer's runtime or
 * bundler to resolve: package.json `imports` sends the `node` condition to dist/hmac-node and everything else
 * (browsers, Deno, edge, workers) to dist/hmac-web, which has no `node:*` import.
 */
const hmacByCondition: EsbuildPlugin = {
  name: 'hmac-by-condition',
  setup(build) {
    build.onResolve({ filter: /\/hmac\/runtime\.js$/ }, () => ({ path: '#hmac', external: true }));
  },
};

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    constants: 'src/constants.ts',
    webhooks: 'src/webhooks/index.ts',
    'hmac-node': 'src/webhooks/hmac/node.ts',
    'hmac-web': 'src/webhooks/hmac/web.ts',
  },
  format: ['esm', 'cjs'],
  dts: {
    entry: { index: 'src/index.ts', constants: 'src/constants.ts', webhooks: 'src/webhooks/index.ts' },
  },
  sourcemap: true,
  clean: true,
  target: 'node22',
  platform: 'neutral',
  // Shared chunks in both formats: `@loggd/sdk` and `@loggd/sdk/webhooks` must share one copy of each error
  // class, or `instanceof` fails between them (and `@loggd/sdk/constants` the same frozen arrays as the root).
  splitting: true,
  removeNodeProtocol: false,
  external: ['ky', 'zod', /^node:/],
  esbuildPlugins: [hmacByCondition],
});
