import { demoMock } from '../../context.js';
import { usageError } from '../../errors.js';
import { isValidTimeZone } from '../../time/zone.js';
import type { CommandContext } from '../../types.js';

/**
 * `loggd mcp`: the @loggd/mcp server over stdio with this CLI's credentials (flags, LOGGD_TOKEN, the stored
 * profile's keyring or 0600 file) or `--demo`. The client is made before serving, so a missing token fails at
 * once (exit 4) instead of on the assistant's first call. Stdout carries protocol frames only; notes go to stderr.
 */
export async function mcpServe(ctx: CommandContext): Promise<number> {
  const zone = ctx.io.env.LOGGD_TZ;
  if (zone && !isValidTimeZone(zone))
    throw usageError(`invalid LOGGD_TZ '${zone}': give an IANA zone such as Europe/Bucharest`);
  const client = await ctx.createClient();
  const mock = ctx.opts.demo ? await demoMock(ctx.io.env) : undefined;
  const { serveStdio } = await import('@loggd/mcp');
  ctx.io.stderr.write(
    `loggd mcp: serving ${ctx.opts.demo ? 'the demo account' : client.baseUrl} over stdio (read-only)\n`,
  );
  await serveStdio({
    client,
    now: () => mock?.clock.now() ?? new Date(),
    ...(zone ? { timeZone: zone } : {}),
    onClose: () => mock?.close(),
  });
  return 0;
}
