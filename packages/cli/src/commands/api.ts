import { usageError } from '../errors.js';
import type { CommandContext } from '../types.js';

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
  flags: { paginate?: boolean; query?: Record<string, string> },
): Promise<number> {
  const { path, query } = normalizeApiPath(input);
  const params = { ...query, ...(flags.query ?? {}) };
  const loggd = await ctx.createClient();
  const body = flags.paginate
    ? await loggd.paginate(path, params).toArray({ max: Number.POSITIVE_INFINITY })
    : await loggd.request(path, params);
  if (ctx.opts.format === 'ndjson') {
    // One line per item of a list (paginated, or a page's data array), else the body on one line.
    const page = body as { data?: unknown };
    const items = Array.isArray(body) ? body : Array.isArray(page?.data) ? page.data : [body];
    for (const item of items) ctx.io.stdout.write(`${JSON.stringify(item)}\n`);
    return 0;
  }
  ctx.io.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
  return 0;
}
