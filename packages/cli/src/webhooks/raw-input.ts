import { readFile } from 'node:fs/promises';
import { usageError } from '../errors.js';
import type { IO } from '../types.js';

/**
 * The exact bytes of FILE, or of stdin for `-` or no FILE: never decoded and re-encoded, since one changed byte
 * (a BOM, a newline, re-serialised JSON) changes the signature.
 */
export async function readRawInput(file: string | undefined, io: IO): Promise<Uint8Array> {
  if (file && file !== '-') {
    try {
      return await readFile(file);
    } catch (error) {
      throw usageError(
        `cannot read '${file}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
  if (io.stdin.isTTY) {
    throw usageError(
      'no body: give FILE, or pipe the raw body on stdin',
      'e.g. loggd webhooks verify --secret … --signature … body.json',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
