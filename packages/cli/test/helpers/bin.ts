import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built `loggd` binary: the tests run it exactly as users do. */
export const BIN = fileURLToPath(new URL('../../dist/loggd.js', import.meta.url));

export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `loggd args…` with exactly `env` (nothing inherited) and no stdin: a pipe, as in scripts and CI. */
export function runLoggd(
  args: string[],
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, BIN, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
