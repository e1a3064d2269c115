import { DEFAULT_BASE_URL } from '../../auth/credentials.js';
import { checkProfileName } from '../../auth/profile-name.js';
import { runCommand } from '../../auth/report.js';
import { readSettings, updateSettings } from '../../auth/settings.js';
import { usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import type { AuthContext } from './auth-context.js';

/** `loggd auth switch <profile>`: make a logged-in profile the active one. */
export async function authSwitch(
  ctx: AuthContext,
  profile: string,
  _opts: Record<string, unknown> = {},
): Promise<number> {
  return runCommand(ctx, async () => {
    const { io, configDir } = ctx;
    const name = checkProfileName(profile, 'the profile argument');
    const settings = await readSettings(configDir);
    const names = Object.keys(settings.profiles);
    if (!names.includes(name)) {
      throw usageError(
        `unknown profile ${JSON.stringify(name)}: known profiles are ${names.length ? names.join(', ') : '(none)'}`,
        `log in to it first: loggd auth login --profile ${name}`,
      );
    }
    await updateSettings(configDir, (s) => {
      s.activeProfile = name;
    });
    const p = settings.profiles[name]!;
    const who = p.username ? ` as ${p.username}` : '';
    io.stderr.write(`✓ Active profile is now ${name} (${p.baseUrl ?? DEFAULT_BASE_URL}${who})\n`);
    if (io.env.LOGGD_PROFILE?.trim() && io.env.LOGGD_PROFILE.trim() !== name) {
      io.stderr.write(
        `note: LOGGD_PROFILE=${io.env.LOGGD_PROFILE.trim()} is set and overrides the active profile\n`,
      );
    }
    return EXIT.ok;
  });
}
