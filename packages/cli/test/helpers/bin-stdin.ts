import { spawn } from 'node:child_process';
import { BIN, type BinResult } from './bin.js';

/** Runs the built `loggd args…` with exactly `env` and `stdin` piped in (e.g. a token for `auth login --with-token`). */
export function runLoggdWithStdin(
  args: string[],
  env: Record<string, string>,
  stdin: string,
): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
