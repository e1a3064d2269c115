import { resolveProfileName } from '../../auth/credentials.js';
import { selectKeyring } from '../../auth/keyring.js';
import { runCommand } from '../../auth/report.js';
import { readSettings, updateSettings } from '../../auth/settings.js';
import { removeStoredToken } from '../../auth/token-store.js';
import { CliError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { type AuthContext, where } from './auth-context.js';

/** `loggd auth logout`: remove the profile's token from the keyring and the file, and forget the profile. */
export async function authLogout(ctx: AuthContext, _opts: Record<string, unknown> = {}): Promise<number> {
  return runCommand(ctx, async () => {
    const { io, configDir } = ctx;
    const settings = await readSettings(configDir);
    const profile = resolveProfileName(ctx.opts.profile, io.env, settings);
    const removed = await removeStoredToken(configDir, selectKeyring(io.env, configDir), profile);
    const known = profile in settings.profiles;
    if (!removed.length && !known) {
      const names = Object.keys(settings.profiles);
      throw new CliError(`not logged in to profile ${profile}`, EXIT.failure, 'not_logged_in', [
        names.length ? `known profiles: ${names.join(', ')}` : 'no profile is logged in',
      ]);
    }
    if (known) {
      await updateSettings(configDir, (s) => {
        delete s.profiles[profile];
        if (s.activeProfile === profile) {
          const next = Object.keys(s.profiles)[0];
          if (next) s.activeProfile = next;
          else delete s.activeProfile;
        }
      });
    }
    const from = removed.map((storage) => where(storage, configDir)).join(' and ');
    io.stderr.write(`✓ Logged out of profile ${profile}${from ? ` (token removed from ${from})` : ''}\n`);
    if (io.env.LOGGD_TOKEN?.trim()) {
      io.stderr.write(
        'note: LOGGD_TOKEN is still set in this environment and still authenticates commands\n',
      );
    }
    return EXIT.ok;
  });
}
