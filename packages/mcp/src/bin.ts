// `loggd-mcp` (`npx @loggd/mcp`): the MCP server over stdio. Kept light: the SDK and the mock load on the first
// tool call, so `tools/list` is answered after loading only the MCP SDK and zod.
import module from 'node:module';
import { parseArgs, USAGE } from './args.js';
import { VERSION } from './version.js';

// Node's on-disk compile cache (Node ≥ 22.1) makes every later start parse the bundle from cache.
module.enableCompileCache?.();

const log = (line: string) => process.stderr.write(`loggd-mcp: ${line}\n`);
const invocation = parseArgs(process.argv.slice(2));

if (invocation.kind === 'help') process.stdout.write(USAGE);
else if (invocation.kind === 'version') process.stdout.write(`${VERSION}\n`);
else if (invocation.kind === 'usage') {
  log(`error: ${invocation.message}`);
  process.exitCode = 2;
} else {
  const env = process.env;
  const token = env.LOGGD_TOKEN;
  const zone = env.LOGGD_TZ;
  if (!invocation.demo && !token) {
    log('error: no token: set LOGGD_TOKEN (create one at loggd.life → Settings → API), or pass --demo');
    process.exitCode = 4;
  } else if (zone && !validZone(zone)) {
    log(`error: invalid LOGGD_TZ '${zone}': give an IANA zone such as Europe/Bucharest`);
    process.exitCode = 2;
  } else {
    let mock: import('@loggd/mock').MockApi | undefined;
    const baseUrl = invocation.baseUrl ?? env.LOGGD_BASE_URL;
    await import('./zod-jitless.js');
    const { serveStdio } = await import('./stdio.js');
    log(
      invocation.demo
        ? 'serving the demo account over stdio'
        : `serving ${baseUrl ?? 'loggd.life'} over stdio`,
    );
    await serveStdio({
      client: async () => {
        const { Loggd } = await import('@loggd/sdk');
        if (!invocation.demo) return new Loggd({ token, ...(baseUrl ? { baseUrl } : {}) });
        const { createMockApi } = await import('@loggd/mock');
        mock = createMockApi({
          rateLimit: false,
          ...(env.LOGGD_DEMO_SEED ? { seed: Number(env.LOGGD_DEMO_SEED) } : {}),
          ...(env.LOGGD_DEMO_NOW ? { now: env.LOGGD_DEMO_NOW } : {}),
        });
        return new Loggd({
          token: 'mock_pro_all',
          fetch: mock.fetch,
          baseUrl: mock.baseUrl,
          rateLimit: false,
        });
      },
      now: () => mock?.clock.now() ?? new Date(),
      ...(zone ? { timeZone: zone } : {}),
      onClose: () => mock?.close(),
    });
  }
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
