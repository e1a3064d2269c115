import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { ensureConfigDir } from './config-dir.js';

/** The plaintext token file, used only with --insecure-storage (or a yes at the prompt). */
export function tokenFilePath(configDir: string): string {
  return join(configDir, 'credentials.json');
}

interface TokenFile {
  profiles: Record<string, { token: string }>;
}

async function readTokenFile(configDir: string): Promise<TokenFile> {
  const path = tokenFilePath(configDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as Partial<TokenFile>;
    const profiles: TokenFile['profiles'] = {};
    for (const [name, entry] of Object.entries(parsed.profiles ?? {})) {
      if (entry && typeof entry.token === 'string') profiles[name] = { token: entry.token };
    }
    return { profiles };
  } catch {
    // Never echo the file's content: it holds secrets.
    throw new CliError(`cannot read ${path}: not valid JSON`, EXIT.failure, 'invalid_credentials_file', [
      'delete the file and run `loggd auth login` again',
    ]);
  }
}

/** Writes the whole file atomically: a 0600 temp file in the same directory, then a rename over the old one. */
async function writeTokenFile(configDir: string, file: TokenFile): Promise<void> {
  const path = tokenFilePath(configDir);
  if (Object.keys(file.profiles).length === 0) {
    await rm(path, { force: true });
    return;
  }
  await ensureConfigDir(configDir);
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  // 'wx' with mode 0600: the secret never exists in a file anyone else could open, not even briefly.
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`);
    await handle.chmod(0o600);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  await rename(temp, path);
}

/** The token stored in the file for a profile, if any. */
export async function readFileToken(configDir: string, profile: string): Promise<string | undefined> {
  return (await readTokenFile(configDir)).profiles[profile]?.token;
}

/** Stores a profile's token in the plaintext file (the caller warns the user first). */
export async function writeFileToken(configDir: string, profile: string, token: string): Promise<void> {
  const file = await readTokenFile(configDir);
  file.profiles[profile] = { token };
  await writeTokenFile(configDir, file);
}

/** Removes a profile's token from the file (the file itself goes when it holds no token); true if one was there. */
export async function deleteFileToken(configDir: string, profile: string): Promise<boolean> {
  const file = await readTokenFile(configDir);
  if (!file.profiles[profile]) return false;
  delete file.profiles[profile];
  await writeTokenFile(configDir, file);
  return true;
}
