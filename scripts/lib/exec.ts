import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';

/** What a finished command left behind. */
export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment for child processes: this Node (the pinned 24) first on PATH, so `npm`, `npx` and `#!/usr/bin/env
 * node` bins run on it even when the script was started without pnpm.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, ...extra };
}

/** Runs `command args` in `cwd` and waits; never throws on a non-zero exit (callers report it). */
export function run(command: string, args: readonly string[], cwd: string, timeoutMs = 300_000): RunResult {
  const result = spawnSync(command, args, {
    cwd,
    env: childEnv(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: timeoutMs,
  });
  return {
    status: result.status ?? 1,
    stdout: result.stdout ?? '',
    stderr: `${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`,
  };
}

/** The last `lines` lines of a command's output, for a failure report. */
export function tail(result: RunResult, lines = 15): string {
  return `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-lines).join('\n');
}
