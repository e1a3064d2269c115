import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { Command } from 'commander';
import { registerWebhooksCommands, STREAM_FORMATS } from '../src/commands/webhooks/command.js';
import { createContext } from '../src/context.js';
import { toCliError } from '../src/errors.js';
import { LIST_FORMATS } from '../src/output/format.js';
import type { CommandContext, GlobalOptions, IO } from '../src/types.js';

/** Collects a stream's text and lets a test wait for a piece of it or a number of lines (no sleeps). */
export class Sink extends Writable {
  text = '';
  isTTY: boolean;
  #waiters: Array<{ ready: (text: string) => boolean; resolve: () => void }> = [];
  constructor(tty = false) {
    super();
    this.isTTY = tty;
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    const ready = this.#waiters.filter((w) => w.ready(this.text));
    this.#waiters = this.#waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
    done();
  }
  until(ready: (text: string) => boolean): Promise<void> {
    if (ready(this.text)) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ ready, resolve }));
  }
  lines(): string[] {
    return this.text.split('\n').filter(Boolean);
  }
  json<T = Record<string, unknown>>(): T[] {
    return this.lines().map((l) => JSON.parse(l) as T);
  }
  waitForLines(n: number): Promise<void> {
    return this.until((t) => t.split('\n').filter(Boolean).length >= n);
  }
}

export interface TestIO {
  io: IO;
  out: Sink;
  err: Sink;
  stdin: PassThrough & { isTTY?: boolean };
}

/** An injected IO with capturing stdout/stderr (a pipe unless tty) and a writable stdin. */
export function testIO(options: { tty?: boolean; env?: Record<string, string | undefined> } = {}): TestIO {
  const out = new Sink(Boolean(options.tty));
  const err = new Sink(Boolean(options.tty));
  const stdin = Object.assign(new PassThrough(), { isTTY: Boolean(options.tty) });
  const io: IO = {
    stdin,
    stdout: out,
    stderr: err,
    env: options.env ?? {},
    canPrompt: false,
    color: false,
    columns: 120,
  };
  return { io, out, err, stdin };
}

/** The context of a stream command (`listen`, `trigger`): formats resolved by STREAM_FORMATS. */
export function testContext(io: IO, opts: GlobalOptions = {}): CommandContext {
  return createContext(io, opts, { command: 'webhooks listen', formats: STREAM_FORMATS });
}

/**
 * Runs `loggd <argv>` through the real webhooks declarations (registerWebhooksCommands) on a root with the global
 * --format/--json options, the way program.ts wires it; errors print as `error: …` and give their exit code.
 */
export async function runWebhooks(argv: string[], io: IO): Promise<number> {
  let exitCode = 0;
  const program = new Command('loggd')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {},
    })
    .option('-F, --format <format>')
    .option('--json');
  registerWebhooksCommands(program, (cmd, handler, formats = LIST_FORMATS) =>
    cmd.exitOverride().action(async (...raw: unknown[]) => {
      const self = raw.at(-1) as Command;
      const ctx = createContext(io, self.optsWithGlobals() as GlobalOptions, {
        command: `webhooks ${self.name()}`,
        formats,
      });
      exitCode = await handler(ctx, raw.slice(0, -2), self.opts(), self);
    }),
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (thrown) {
    const err = toCliError(thrown);
    io.stderr.write(`error: ${err.message}\n`);
    for (const hint of err.hints) io.stderr.write(`hint: ${hint}\n`);
    return err.exitCode;
  }
}

/** The docs' recipe (node:crypto), independent of the SDK: `sha256=<hex>`. */
export function sign(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Received {
  method: string | undefined;
  url: string | undefined;
  rawHeaders: string[];
  body: Buffer;
}

/** A node:http app that records every request and answers what `reply` says. */
export async function recordingApp(
  reply: (req: Received, index: number) => { status: number; body?: string } = () => ({ status: 200 }),
): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        method: req.method,
        url: req.url,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      };
      received.push(r);
      const { status, body = '' } = reply(r, received.length - 1);
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A raw POST with exactly these header pairs (order and case kept); resolves status and body. */
export function rawPost(
  url: string,
  headers: string[],
  body: string | Uint8Array,
  method = 'POST',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: ['Host', new URL(url).host, ...headers] }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Header pairs without the ones a hop sets for itself. */
export function endToEndHeaders(raw: readonly string[]): string[][] {
  const pairs: string[][] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i] as string;
    if (['host', 'connection', 'transfer-encoding'].includes(name.toLowerCase())) continue;
    pairs.push([name, raw[i + 1] as string]);
  }
  return pairs;
}
