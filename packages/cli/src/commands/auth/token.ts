import { resolveCredentials } from '../../auth/credentials.js';
import { runCommand } from '../../auth/report.js';
import { CliError, usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import type { AuthContext } from './auth-context.js';

/**
 * `loggd auth token`: the token in effect (flag, LOGGD_TOKEN or the profile's stored one) for scripts, e.g.
 * `curl -H "Authorization: Bearer $(loggd auth token)"`. Unlike gh it refuses a terminal unless `--show` is
 * given, so the token never lands in a screen share or the scrollback by accident.
 */
export async function authToken(ctx: AuthContext, opts: { show?: boolean } = {}): Promise<number> {
  return runCommand(ctx, async () => {
    const { io, configDir } = ctx;
    if (io.stdout.isTTY && !opts.show)
      throw usageError(
        'refusing to print the token on a terminal: pipe it, or add --show',
        'e.g. export LOGGD_TOKEN="$(loggd auth token)"',
      );
    const creds = await resolveCredentials({
      ...(ctx.opts.profile ? { profile: ctx.opts.profile } : {}),
      ...(ctx.opts.token ? { token: ctx.opts.token } : {}),
      env: io.env,
      configDir,
    });
    if (!creds.token || creds.source === 'none')
      throw new CliError(`not logged in (profile ${creds.profile})`, EXIT.auth, 'no_token', [
        'run `loggd auth login` (or set LOGGD_TOKEN)',
      ]);
    io.stdout.write(`${creds.token}\n`);
    return EXIT.ok;
  });
}
