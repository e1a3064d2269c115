import type { CommandContext } from '../types.js';

export interface MockServeFlags {
  port: number;
  host?: string;
  seed?: number;
  now?: string;
}

/** `loggd mock serve`: the standalone mock until SIGINT/SIGTERM, then a clean shutdown (exit 0). */
export async function mockServe(ctx: CommandContext, flags: MockServeFlags): Promise<number> {
  const { startMockServer, DEMO_TOKENS } = await import('@loggd/mock');
  const options = {
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(flags.now ? { now: flags.now } : {}),
  };
  const server = await startMockServer({
    port: flags.port,
    host: flags.host ?? '127.0.0.1',
    ...options,
  } as never);
  const { stdout, stderr } = ctx.io;
  stdout.write(`Loggd mock API listening on ${server.baseUrl}\n`);
  stdout.write(
    `\nDemo tokens:\n${Object.keys(DEMO_TOKENS)
      .map((t) => `  ${t}`)
      .join('\n')}\n`,
  );
  stdout.write(`\nTry:\n  LOGGD_TOKEN=mock_pro_all loggd --base-url ${server.baseUrl} habits list\n`);
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
