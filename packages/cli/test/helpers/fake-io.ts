import { PassThrough, Writable } from 'node:stream';
import type { IO } from '../../src/types.js';

export interface FakeIO {
  io: IO;
  stdout(): string;
  stderr(): string;
}

class Capture extends Writable {
  chunks: string[] = [];
  isTTY: boolean;
  columns: number | undefined;
  constructor(tty: boolean, columns: number | undefined) {
    super();
    this.isTTY = tty;
    this.columns = columns;
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }
}

/** An injected IO that fakes a terminal (tty: true) or a pipe, capturing stdout and stderr. */
export function fakeIO(options: {
  tty: boolean;
  columns?: number;
  color?: boolean;
  env?: Record<string, string | undefined>;
}): FakeIO {
  const columns = options.columns ?? 100;
  const stdout = new Capture(options.tty, options.tty ? columns : undefined);
  const stderr = new Capture(options.tty, options.tty ? columns : undefined);
  const stdin = Object.assign(new PassThrough(), { isTTY: options.tty });
  const io: IO = {
    stdin,
    stdout,
    stderr,
    env: options.env ?? {},
    canPrompt: false,
    color: options.color ?? false,
    columns,
  };
  return { io, stdout: () => stdout.chunks.join(''), stderr: () => stderr.chunks.join('') };
}
