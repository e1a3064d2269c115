import { CliError, usageError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import type { IO } from '../types.js';

type Stdin = IO['stdin'] & { setRawMode?: (raw: boolean) => unknown };

/** More than any API token: stops `loggd auth login --with-token < big-file` from reading it all. */
const MAX_TOKEN_INPUT = 4096;

/**
 * Reads one line from a TTY. With `hidden`, the terminal is put in raw mode so nothing is echoed (the token never
 * appears on screen or in scrollback); Ctrl-C interrupts, backspace edits.
 */
export function readLine(io: IO, question: string, options: { hidden?: boolean } = {}): Promise<string> {
  const stdin = io.stdin as Stdin;
  const raw = Boolean(options.hidden && stdin.isTTY && typeof stdin.setRawMode === 'function');
  io.stderr.write(question);
  if (raw) stdin.setRawMode!(true);
  return new Promise((resolve, reject) => {
    let line = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      if (raw) stdin.setRawMode!(false);
      stdin.pause();
      // In raw mode the terminal did not echo the Enter either.
      if (options.hidden) io.stderr.write('\n');
    };
    const onEnd = () => {
      finish();
      resolve(line);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n' || (ch === '\u0004' && line === '')) return onEnd();
        if (ch === '\u0003') {
          finish();
          return reject(new CliError('interrupted', EXIT.interrupted, 'aborted'));
        }
        if (ch === '\u007f' || ch === '\b') line = line.slice(0, -1);
        else if (ch >= ' ') line += ch;
      }
    };
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
  });
}

/** Asks a yes/no question on the terminal; anything but y/yes is no. */
export async function confirm(io: IO, question: string): Promise<boolean> {
  const answer = await readLine(io, `${question} [y/N] `);
  return /^\s*y(es)?\s*$/i.test(answer);
}

/** Reads the whole of stdin (for --with-token), bounded so a wrong file cannot exhaust memory. */
export async function readAllStdin(io: IO): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
    text += String(chunk);
    if (text.length > MAX_TOKEN_INPUT) {
      throw usageError(`token on stdin is longer than ${MAX_TOKEN_INPUT} characters: pipe only the token`);
    }
  }
  return text;
}
