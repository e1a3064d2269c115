import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Lets a benchmark import package sources straight from `.ts` (Node strips the types): their relative `./x.js`
 * specifiers, written for tsup, resolve to `./x.ts` when that file exists. Call it before importing sources.
 */
export function resolveTsSources(): void {
  registerHooks({
    resolve(specifier, context, next) {
      if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL) {
        const ts = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
        if (ts.protocol === 'file:' && existsSync(fileURLToPath(ts))) return next(ts.href, context);
      }
      return next(specifier, context);
    },
  });
}
