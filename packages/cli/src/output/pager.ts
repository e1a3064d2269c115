import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import type { GlobalOptions, IO } from '../types.js';
import type { OutputFormat } from './format.js';

/** Commands whose table can run long; streaming and interactive commands (listen, serve, mcp) never page. */
const PAGED = new Set(['habits', 'tasks', 'goals', 'focus', 'profile', 'report', 'insights', 'mock verify']);

/** The default, as git and gh: quit if one screen (-F), keep colours (-R), leave the text on screen (-X). */
export const DEFAULT_PAGER = 'less -FRX';

/**
 * The pager command for a run: --no-pager, then LOGGD_PAGER (which `loggd config set pager` fills), then PAGER,
 * then `less -FRX`; undefined for none (`cat` is none, as in git).
 */
export function pagerCommand(
  opts: { pager?: boolean },
  env: Record<string, string | undefined>,
): string | undefined {
  if (opts.pager === false) return undefined;
  const command = [env.LOGGD_PAGER, env.PAGER].find((p) => p?.trim())?.trim() ?? DEFAULT_PAGER;
  return command === 'cat' ? undefined : command;
}

export interface Paging {
  /** The IO the command writes to: stdout is collected for the pager (still a terminal for the table). */
  io: IO;
  /** Hands what was written to the pager and waits for it to quit; prints it plainly if the pager cannot start. */
  finish(): Promise<void>;
}

/**
 * Starts paging a command's output when a person reads it: stdout is the process's own terminal and the output is
 * a table of a listing command. Never for pipes, files or machine formats.
 */
export function startPager(
  io: IO,
  opts: GlobalOptions & { pager?: boolean },
  path: string,
  format: OutputFormat,
): Paging | undefined {
  const top = path.split(' ')[0] ?? '';
  if (!PAGED.has(top) && !PAGED.has(path)) return undefined;
  if (io.stdout !== process.stdout || !process.stdout.isTTY) return undefined;
  if (format !== 'table') return undefined;
  const command = pagerCommand(opts, io.env);
  if (!command) return undefined;
  const chunks: string[] = [];
  const stdout = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY: true, columns: process.stdout.columns },
  );
  return {
    io: { ...io, stdout },
    finish: () => page(command, chunks.join(''), io),
  };
}

async function page(command: string, text: string, io: IO): Promise<void> {
  if (!text) return;
  const { parse } = await import('shell-quote');
  // A plain command line runs directly (a missing binary is a clean ENOENT); one with pipes, redirections or
  // other shell syntax runs through sh, as git runs $PAGER.
  const words = parse(command, (name) => io.env[name] ?? '');
  const plain = words.every((w): w is string => typeof w === 'string') && words.length > 0;
  const [file, args] = plain ? [words[0] as string, words.slice(1) as string[]] : ['sh', ['-c', command]];
  // While the pager runs, Ctrl-C is the pager's (less uses it to stop a search), not a reason to quit under it.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  try {
    const started = await new Promise<boolean>((resolve) => {
      const child = spawn(file, args, {
        stdio: ['pipe', 'inherit', 'inherit'],
        env: { ...io.env, LESS: io.env.LESS ?? 'FRX', LV: io.env.LV ?? '-c' },
      });
      child.on('error', () => resolve(false));
      // sh answers 127 for a command it cannot find: the text was not shown, so show it plainly.
      child.on('close', (code) => resolve(plain || code !== 127));
      // Quitting the pager early closes its stdin: that is the reader's choice, not an error.
      child.stdin.on('error', () => {});
      child.stdin.end(text);
    });
    if (!started) io.stdout.write(text);
  } finally {
    process.off('SIGINT', ignore);
  }
}
