import type { Readable, Transform, TransformCallback } from 'node:stream';
import type * as Zlib from 'node:zlib';

/** What a request announces it can decode, as undici's fetch announces it (brotli only over https). */
export function acceptEncodingFor(protocol: string): string {
  return protocol === 'https:' ? 'br, gzip, deflate' : 'gzip, deflate';
}

/** undici refuses more stacked codings than this ("too many content-encodings"): so does this fetch. */
const MAX_CODINGS = 5;

/**
 * The body decoded as fetch decodes it: the codings of `Content-Encoding` undone last to first (gzip, x-gzip,
 * deflate with or without its zlib wrapper, br, zstd where Node has it); a coding it does not know leaves the
 * body as sent, as fetch does. Truncated compressed data ends the body rather than failing it (undici's flush
 * mode). node:zlib is loaded only here, for a compressed response.
 */
export function decodeBody(source: Readable, contentEncoding: string | undefined): Readable {
  if (!contentEncoding) return source;
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (codings.length === 0) return source;
  if (codings.length > MAX_CODINGS) throw new TypeError('too many content-encodings');
  const zlib = process.getBuiltinModule('node:zlib') as typeof Zlib;
  const decoders: Transform[] = [];
  for (let i = codings.length - 1; i >= 0; i--) {
    const decoder = decoderFor(zlib, codings[i] as string);
    if (!decoder) return source;
    decoders.push(decoder);
  }
  const { pipeline } = process.getBuiltinModule('node:stream') as typeof import('node:stream');
  // pipeline carries an error of any stage to the last one and destroys them all when the reader stops.
  return pipeline(source, ...(decoders as [Transform]), () => undefined) as unknown as Readable;
}

function decoderFor(zlib: typeof Zlib, coding: string): Transform | null {
  const sync = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(sync);
    case 'deflate':
      return inflateEither(zlib, sync);
    case 'br':
      return zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      });
    case 'zstd': {
      const create = (zlib as { createZstdDecompress?: () => Transform }).createZstdDecompress;
      return create ? create() : null;
    }
    default:
      return null;
  }
}

/**
 * "deflate" as servers send it: usually zlib-wrapped (RFC 1950), sometimes raw (RFC 1951). The first byte
 * tells them apart (a zlib header's low nibble is 8, the deflate method), as undici checks it.
 */
function inflateEither(zlib: typeof Zlib, options: Zlib.ZlibOptions): Transform {
  const { Transform } = process.getBuiltinModule('node:stream') as typeof import('node:stream');
  let inner: Transform | undefined;
  const outer: Transform = new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!inner) {
        inner =
          ((chunk[0] ?? 0) & 0x0f) === 0x08 ? zlib.createInflate(options) : zlib.createInflateRaw(options);
        inner.on('data', (data: Buffer) => outer.push(data));
        inner.on('error', (error) => outer.destroy(error));
      }
      inner.write(chunk, () => callback());
    },
    flush(callback: TransformCallback) {
      if (!inner) return callback();
      inner.once('end', () => callback());
      inner.end();
    },
    destroy(error, callback) {
      inner?.destroy();
      callback(error);
    },
  });
  return outer;
}
