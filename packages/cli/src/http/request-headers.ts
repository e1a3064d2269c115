/** Request headers by lower-case name, repeated names joined with ", " as fetch's `Headers` joins them. */
export type RequestHeaders = Record<string, string>;

/**
 * Reads `RequestInit.headers` in any of its forms (a record, `[name, value]` pairs, or a `Headers`), without
 * touching the global `Headers` class (it loads undici). Names are lower-cased: HTTP header names are
 * case-insensitive, and a later `-H accept: …` must replace the SDK's `Accept`, not sit beside it.
 */
export function requestHeadersOf(init: HeadersInit | undefined): RequestHeaders {
  const out: RequestHeaders = Object.create(null);
  if (init === undefined || init === null) return out;
  const add = (name: string, value: string) => {
    const key = String(name).toLowerCase();
    const normalised = String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    out[key] = out[key] === undefined ? normalised : `${out[key]}, ${normalised}`;
  };
  if (Array.isArray(init)) {
    for (const pair of init) {
      if (pair.length !== 2)
        throw new TypeError('Headers constructor: expected name/value pair to be length 2');
      add(pair[0] as string, pair[1] as string);
    }
  } else if (typeof (init as Headers).forEach === 'function' && typeof (init as Headers).get === 'function') {
    (init as Headers).forEach((value, name) => {
      add(name, value);
    });
  } else {
    for (const [name, value] of Object.entries(init)) add(name, value as string);
  }
  return out;
}

/** `base` with `extra` laid over it, names compared case-insensitively (extra wins). */
export function mergeHeaders(base: HeadersInit | undefined, extra: Record<string, string>): RequestHeaders {
  const out = requestHeadersOf(base);
  for (const [name, value] of Object.entries(requestHeadersOf(extra))) out[name] = value;
  return out;
}
