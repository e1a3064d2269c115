import { usageError } from '../errors.js';
import type { IO } from '../types.js';

/** A stdout that keeps what a command writes, for --jq to filter once the command is done. */
export function bufferedStdout(io: IO): { io: IO; text: () => string } {
  let text = '';
  const stdout = {
    isTTY: false,
    columns: io.stdout.columns,
    write(chunk: string | Uint8Array): boolean {
      text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    },
  } as unknown as IO['stdout'];
  return { io: { ...io, stdout }, text: () => text };
}

/**
 * Runs a jq expression over a command's JSON (or NDJSON) output, gh-style: strings print raw (`jq -r`), other
 * values as compact JSON. jq-wasm is jq 1.7 compiled to WebAssembly and shipped inside the npm package (nothing
 * is downloaded at run time); it loads only when --jq is given.
 *
 * @example await applyJq('[{"id":1}]', '.[].id') // "1\n"
 */
export async function applyJq(json: string, expression: string): Promise<string> {
  if (json.trim() === '') return '';
  const jq = await import('jq-wasm');
  try {
    const out = await jq.raw(json, expression, ['-r', '-c']);
    return out === '' || out.endsWith('\n') ? out : `${out}\n`;
  } catch (err) {
    const first = String((err as Error).message ?? err)
      .split('\n')
      .find((l) => l.trim() !== '');
    throw usageError(
      `invalid --jq '${expression}': ${(first ?? 'jq failed').replace(/^jq: (error: )?/, '')}`,
      'e.g. --jq ".[].name" (jq syntax: https://jqlang.org/manual/)',
    );
  }
}
