import type { CommandContext } from '../../types.js';

/** The raw flag values of `loggd mock serve` (commander hands them over as typed; @loggd/mock parses them). */
export interface MockServeFlags {
  port?: string;
  host?: string;
  seed?: string;
  now?: string;
  scale?: string;
  rateLimit?: string;
  strict?: boolean;
}

/**
 * `loggd mock serve`: the standalone mock until SIGINT/SIGTERM, then a clean shutdown (exit 0). Flags go through
 * the same parser as `loggd-mock`'s; a bad value exits 2, an address that cannot be listened on (busy port) 6.
 */
export async function mockServe(ctx: CommandContext, flags: MockServeFlags): Promise<number> {
  const [
    { startMockServer, DEMO_TOKENS, parseServeOptions, describeListenError, MockOptionError },
    errors,
    { EXIT },
  ] = await Promise.all([import('@loggd/mock'), import('../../errors.js'), import('../../exit-codes.js')]);
  let options: ReturnType<typeof parseServeOptions>;
  try {
    options = parseServeOptions(flags);
  } catch (e) {
    if (e instanceof MockOptionError) throw errors.usageError(e.message, 'see `loggd mock serve --help`');
    throw e;
  }
  let server: Awaited<ReturnType<typeof startMockServer>>;
  try {
    server = await startMockServer(options);
  } catch (e) {
    const message = describeListenError(e, options.host, options.port);
    if (message === undefined) throw e;
    throw new errors.CliError(message, EXIT.network, 'listen');
  }
  const { stdout, stderr } = ctx.io;
  stdout.write(`Loggd mock API listening on ${server.baseUrl}\n`);
  stdout.write(
    `\nDemo tokens:\n${Object.keys(DEMO_TOKENS)
      .map((t) => `  ${t}`)
      .join('\n')}\n`,
  );
  stdout.write(`\nTry:\n  LOGGD_TOKEN=mock_pro_all loggd --base-url ${server.baseUrl} habits get 42\n`);
  stderr.write('Press Ctrl-C to stop.\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  stderr.write('Mock server stopped.\n');
  return 0;
}
