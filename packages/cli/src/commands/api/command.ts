import { type Command, Option } from 'commander';
import type { FormatRule } from '../../output/format.js';
import { parseQuery } from '../../parse.js';
import type { ActionBinder } from '../../types.js';

// Declaration only: the action imports api.ts when it runs, so `--help` stays fast.

/** Raw API bodies: JSON (pretty) or NDJSON (one line per item); they have no columns. */
export const API_FORMATS: FormatRule = {
  accepts: ['json', 'ndjson'],
  tty: 'json',
  pipe: 'json',
  hint: 'list commands (`loggd habits list --format csv`) print CSV and TSV',
};

/** `loggd api <path>`. */
export function registerApiCommand(program: Command, action: ActionBinder): void {
  action(
    program
      .command('api')
      .description('authenticated raw GET of any API path; prints JSON (like `gh api`)')
      .argument('<path>', 'path under /api/v1/public, e.g. /habits/42/checks')
      .option('--paginate', 'follow every page and print one array of items')
      .addOption(new Option('-q, --query <key=value>', 'query parameter (repeatable)').argParser(parseQuery))
      .addOption(
        new Option(
          '-H, --header <name:value>',
          'extra request header (repeatable; not Authorization)',
        ).argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
      )
      .option('-i, --include', 'print the status line and response headers before the body (as gh api -i)')
      .addHelpText(
        'after',
        "\nExamples:\n  $ loggd api /profile\n  $ loggd api /habits -q status=all --paginate\n  $ loggd api -i /profile            # status and headers (X-RateLimit-*) first\n  $ loggd api /habits -H 'Accept-Language: de'\n",
      ),
    async (ctx, [path], o) =>
      (await import('./api.js')).apiGet(ctx, path as string, {
        paginate: o.paginate as boolean,
        query: o.query as Record<string, string>,
        headers: o.header as string[] | undefined,
        include: o.include as boolean | undefined,
      }),
    API_FORMATS,
  );
}
