import { DEFAULT_BASE_URL } from '@loggd/sdk/constants';
import type { Command } from 'commander';
import type { ActionBinder } from '../../types.js';

// Declarations only: each action imports its verb's module when it runs, so `--help` stays fast.

/** `loggd auth login | status | token | logout | switch`. */
export function registerAuthCommands(program: Command, action: ActionBinder): void {
  const auth = program.command('auth').description('log in, show status, log out, switch profiles');
  action(
    auth
      .command('login')
      .description('store a token for a profile (OS keyring)')
      .option('--with-token', 'read the token from stdin')
      .option('--insecure-storage', 'store the token in a plain file (0600) instead of the keyring'),
    async (ctx, _a, o) => (await import('./login.js')).authLogin(ctx, o),
  );
  action(
    auth.command('status').description('check every stored profile: account, plan, masked token, scopes'),
    async (ctx, _a, o) => (await import('./status.js')).authStatusAll(ctx, o),
  );
  action(
    auth
      .command('token')
      .description('print the token in effect, for scripts (only when piped, or with --show)')
      .option('--show', 'print it on a terminal too')
      .addHelpText(
        'after',
        `\nExamples:\n  $ curl -H "Authorization: Bearer $(loggd auth token)" ${DEFAULT_BASE_URL}/profile\n  $ loggd auth token --profile work | pbcopy\n`,
      ),
    async (ctx, _a, o) => (await import('./token.js')).authToken(ctx, o),
  );
  action(auth.command('logout').description('remove the stored token of a profile'), async (ctx, _a, o) =>
    (await import('./logout.js')).authLogout(ctx, o),
  );
  action(
    auth
      .command('switch')
      .description('make another stored profile the default')
      .argument('<profile>', 'profile name'),
    async (ctx, [p], o) => (await import('./switch.js')).authSwitch(ctx, p as string, o),
  );
}
