import { type RenderOptions, render } from '../output/render.js';
import type { CommandContext } from '../types.js';

type Row = Record<string, unknown>;

/** The part of the SDK's PagePromise the CLI uses: await for one page, pages() for all of them. */
export interface PageSource<T> extends PromiseLike<{ data: T[]; has_more?: boolean; nextCursor?: unknown }> {
  pages(): AsyncIterable<{ data: T[] }>;
}

export interface ListOptions extends RenderOptions {
  all?: boolean;
  /** Plural noun for progress and hints ("habits"). */
  plural: string;
}

/** Fetches one page, or every page with --all (progress on stderr when it is a TTY), and renders the items. */
export async function fetchList<T>(
  ctx: CommandContext,
  source: PageSource<T>,
  all: boolean | undefined,
  plural: string,
): Promise<{ items: T[]; hasMore: boolean }> {
  if (!all) {
    const page = await source;
    return { items: page.data, hasMore: page.has_more === true };
  }
  const items: T[] = [];
  // A dumb terminal cannot erase a line: no live progress there.
  const progress = ctx.io.stderr.isTTY === true && ctx.io.env.TERM !== 'dumb';
  let pages = 0;
  for await (const page of source.pages()) {
    items.push(...page.data);
    pages += 1;
    if (progress)
      ctx.io.stderr.write(
        `\r\u001b[2KFetching ${plural}… ${items.length} (${pages} page${pages > 1 ? 's' : ''})`,
      );
  }
  if (progress) ctx.io.stderr.write('\r\u001b[2K');
  return { items, hasMore: false };
}

/** fetchList + render + the "more pages" hint. */
export async function runList<T extends Row>(
  ctx: CommandContext,
  source: PageSource<T>,
  options: ListOptions,
): Promise<number> {
  const fetched = await fetchList(ctx, source, options.all, options.plural);
  const { hasMore } = fetched;
  const items =
    ctx.opts.sort !== undefined && options.spec
      ? (await import('../output/sort.js')).sortRows(fetched.items, ctx.opts.sort, options.spec.fields)
      : fetched.items;
  await render(ctx, items, { empty: `No ${options.plural} found.`, ...options });
  if (hasMore && ctx.io.stderr.isTTY && ctx.format === 'table') {
    ctx.io.stderr.write(
      `Showing the first ${items.length} ${options.plural}: use --all for every page, or --limit (max 100).\n`,
    );
  }
  return 0;
}
