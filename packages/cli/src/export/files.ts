import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { makeDir } from '../make-dir.js';

// Durable, streaming file primitives. Every file is written to a temporary name, fsynced and renamed, so a
// reader (or a crash) sees either the old bytes or the new ones.

const FLUSH_AT = 64 * 1024;

/** What a finished file holds: its size, line count and sha256 (hex), for the manifest. */
export interface FileSummary {
  bytes: number;
  lines: number;
  sha256: string;
}

/** Appends text to a file in 64 KiB writes, hashing as it goes; memory stays bounded whatever the size. */
export class StreamWriter {
  #parts: string[] = [];
  #pending = 0;
  #bytes = 0;
  #lines = 0;
  readonly #hash: Hash = createHash('sha256');

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates (truncates) `path`, making its directory. */
  static async create(path: string): Promise<StreamWriter> {
    await makeDir(dirname(path));
    return new StreamWriter(path, await open(path, 'w'));
  }

  /** Buffers `text`; flushes when 64 KiB are pending. */
  async write(text: string): Promise<void> {
    this.#parts.push(text);
    this.#pending += text.length;
    if (this.#pending >= FLUSH_AT) await this.#flush();
  }

  /** Writes `text` plus a newline and counts it as one line (a record). */
  async line(text: string, eol = '\n'): Promise<void> {
    this.#lines++;
    await this.write(text + eol);
  }

  async #flush(): Promise<void> {
    if (this.#parts.length === 0) return;
    const buf = Buffer.from(this.#parts.join(''), 'utf8');
    this.#parts = [];
    this.#pending = 0;
    this.#hash.update(buf);
    this.#bytes += buf.length;
    await this.handle.write(buf);
  }

  /** Flushes, fsyncs and closes; returns the file's summary. */
  async close(): Promise<FileSummary> {
    await this.#flush();
    await this.handle.sync();
    await this.handle.close();
    return { bytes: this.#bytes, lines: this.#lines, sha256: this.#hash.digest('hex') };
  }

  /** Closes without syncing (error paths). */
  async abort(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}

/** Writes a whole file atomically: temp file, fsync, rename. */
export async function writeFileAtomic(path: string, text: string): Promise<FileSummary> {
  const tmp = `${path}.tmp-${process.pid}`;
  const w = await StreamWriter.create(tmp);
  await w.write(text);
  const summary = await w.close();
  await rename(tmp, path);
  return summary;
}

/** JSON with a trailing newline, atomically. */
export function writeJsonAtomic(path: string, value: unknown): Promise<FileSummary> {
  return writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** The lines of a text file (none when it does not exist), streamed. */
export async function* readLines(path: string): AsyncGenerator<string> {
  if (!(await exists(path))) return;
  const rl = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) if (line) yield line;
}

/** The records of an NDJSON file (none when it does not exist), streamed. */
export async function* readNdjson<T>(path: string): AsyncGenerator<T> {
  for await (const line of readLines(path)) yield JSON.parse(line) as T;
}

/** A whole JSON file, or `fallback` when it does not exist. */
export async function readJson<T>(path: string, fallback: T): Promise<T> {
  if (!(await exists(path))) return fallback;
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Removes a file or directory tree if present. */
export function remove(path: string): Promise<void> {
  return rm(path, { recursive: true, force: true });
}
