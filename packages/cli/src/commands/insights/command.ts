import { type Command, Option } from 'commander';
import { parseId } from '../../parse.js';
import { parseInsightsSeed, parsePeriod } from '../../report/flags.js';
import type { ActionBinder } from '../../types.js';
import { dayStartsAt, EXPLAINED, REPORT_FORMATS } from '../report/command.js';

// Declaration only: the action imports insights.ts (and with it the report code) when it runs.

/** `loggd insights`. */
export function registerInsightsCommand(program: Command, action: ActionBinder): void {
  action(
    program
      .command('insights')
      .description(
        'what the data says: habits that go together, focus on habit days, best weekdays, trends, streaks at risk, goal forecasts',
      )
      .addOption(
        new Option('--period <span>', 'how far back: 90d (default), 12w, 6m, 1y or all').argParser(
          parsePeriod,
        ),
      )
      .addOption(
        new Option('--habit <id...>', 'only these habits (repeat or list several)').argParser(
          (value: string, previous: number[] | undefined) => [...(previous ?? []), parseId('habit')(value)],
        ),
      )
      .addOption(
        new Option('--seed <n>', 'seed of the permutation tests (default 12)').argParser(parseInsightsSeed),
      )
      .addOption(dayStartsAt())
      .option('--explain', 'show how each figure is computed')
      .option('--html <file>', 'write a self-contained HTML page (no scripts)')
      .option('--markdown', 'print Markdown (same as --format markdown)')
      .addHelpText(
        'after',
        `${EXPLAINED}Only findings that survive a 5 % false discovery rate are stated; too little data says so.\nSee docs/insights.md for every formula.\n\nExamples:\n  loggd insights\n  loggd insights --period 1y --habit 42 --habit 43\n  loggd insights --period all --format json\n  loggd insights --html insights.html\n`,
      ),
    async (ctx, _a, o) => (await import('./insights.js')).runInsights(ctx, o as never),
    REPORT_FORMATS,
  );
}
