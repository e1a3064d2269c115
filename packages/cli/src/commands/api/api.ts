import type * as Http from 'node:http';
import { usageError } from '../../errors.js';
import { escapeControl } from '../../output/escape.js';
import type { CommandContext } from '../../types.js';

const PREFIX = '/api/v1/public';

/** Accepts `habits`, `/habits` and `/api/v1/public/habits?status=all`; returns the path and its query. */
export function normalizeApiPath(input: string): { path: string; query: Record<string, string> } {
  if (/^[a-z]+:\/\//i.test(input))
    throw usageError(
      `invalid path '${input}': give a path under ${PREFIX}, not a URL`,
      'e.g. loggd api /habits',
    );
  const [rawPath = '', search = ''] = input.split('?', 2);
  let path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  if (path === PREFIX || path.startsWith(`${PREFIX}/`)) path = path.slice(PREFIX.length) || '/';
  return { path, query: Object.fromEntries(new URLSearchParams(search)) };
}

/** `loggd api <path>`: an authenticated raw GET; --paginate follows every page and prints one JSON array. */
export async function apiGet(
  ctx: CommandContext,
  input: string,
  flags: { paginate?: boolean; query?: Record<string, string>; headers?: string[]; include?: boolean },
): Promise<number> {
  const { path, query } = normalizeApiPath(input);
  const params = { ...query, ...(flags.query ?? {}) };
  if (flags.include && flags.paginate)
    throw usageError('-i shows one response: it does not combine with --paginate', 'drop one of them');
  if (flags.include && ctx.opts.jq !== undefined)
    throw usageError('-i prints headers before the body: it does not combine with --jq', 'drop one of them');
  const headers = parseHeaders(flags.headers ?? []);
  const loggd = await ctx.createClient(headers ? { headers } : {});
  let body: unknown;
  if (flags.paginate) body = await loggd.paginate(path, params).toArray({ max: Number.POSITIVE_INFINITY });
  else {
    const { data, response } = await loggd.request(path, params).withResponse();
    body = data;
    if (flags.include) ctx.io.stdout.write(statusAndHeaders(response));
  }
  if (ctx.format === 'ndjson') {
    // One line per item of a list (paginated, or a page's data array), else the body on one line.
    const page = body as { data?: unknown };
    const items = Array.isArray(body) ? body : Array.isArray(page?.data) ? page.data : [body];
    for (const item of items) ctx.io.stdout.write(`${JSON.stringify(item)}\n`);
    return 0;
  }
  ctx.io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  return 0;
}

/** `-H 'Name: value'` flags as a header record; Authorization is refused (the token comes from the profile). */
export function parseHeaders(raw: string[]): Record<string, string> | undefined {
  if (raw.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const header of raw) {
    const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.*)$/.exec(header);
    if (!match)
      throw usageError(`invalid -H '${header}': accepted is 'Name: value'`, "e.g. -H 'Accept-Language: de'");
    const [, name = '', value = ''] = match;
    if (name.toLowerCase() === 'authorization')
      throw usageError(
        '-H cannot set Authorization: the token comes from --profile, LOGGD_TOKEN or `loggd auth login`',
        'to try another token: LOGGD_TOKEN=… loggd api /profile',
      );
    out[name] = value;
  }
  return out;
}

/** gh's `-i`: `HTTP/1.1 200 OK`, then one `Name: value` line per header, then a blank line. */
function statusAndHeaders(response: Response): string {
  // Read through getBuiltinModule: an ESM import of node:http evaluates its WebSocket getter, which loads undici.
  const { STATUS_CODES } = process.getBuiltinModule('node:http') as typeof Http;
  const reason = response.statusText || STATUS_CODES[response.status] || '';
  const lines = [`HTTP/1.1 ${response.status} ${reason}`.trimEnd()];
  response.headers.forEach((value, name) => {
    lines.push(`${name.replace(/(^|-)[a-z]/g, (c) => c.toUpperCase())}: ${escapeControl(value)}`);
  });
  return `${lines.join('\n')}\n\n`;
}
