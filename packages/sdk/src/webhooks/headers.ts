/**
 * Request headers in any of the shapes handlers have at hand: a fetch `Headers` (or anything with `get`), a
 * plain object with any header-name case, or Node's `IncomingHttpHeaders` (values may be string arrays).
 */
export type WebhookHeaders =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The value of header `name` (lower-case), the first one when repeated; undefined when absent. */
export function headerValue(headers: WebhookHeaders | null | undefined, name: string): string | undefined {
  if (headers === null || typeof headers !== 'object') return undefined;
  if (typeof headers.get === 'function') {
    return firstOf((headers as { get(name: string): unknown }).get(name));
  }
  const record = headers as Readonly<Record<string, unknown>>;
  if (Object.hasOwn(record, name)) return firstOf(record[name]);
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === name) return firstOf(record[key]);
  }
  return undefined;
}

function firstOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}
