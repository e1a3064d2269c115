import { GOAL_STATUS_FILTERS } from '@loggd/sdk/constants';
import { type Command, Option } from 'commander';
import type { FormatRule } from '../../output/format.js';
import { parseChoice, parseDate, parseId } from '../../parse.js';
import { parseDayStart, parseMonth, parseWeek } from '../../report/flags.js';
import type { ActionBinder, CommandContext } from '../../types.js';

// Declarations only: the action imports report.ts (and with it the SDK and the renderers) when it runs, so
// `loggd --help` stays fast.

/** Reports and insights: the terminal view (also when piped), the computed figures as JSON, or Markdown. */
export const REPORT_FORMATS: FormatRule = {
  accepts: ['table', 'json', 'markdown'],
  tty: 'table',
  pipe: 'table',
  hint: 'e.g. --format json, or --markdown',
};

/** The help paragraph on formats shared by every report and insights. */
export const EXPLAINED =
  '\nEvery report prints its range, time zone and week start. Formats: the terminal view (default), --format json\n(the computed figures), --markdown (or --format markdown), --html FILE (one self-contained page).\n';

/** `--day-starts-at <HH:MM>` of every report and insights. */
export const dayStartsAt = () =>
  new Option(
    '--day-starts-at <HH:MM>',
    'when a day starts for times of day (night owls), default 00:00',
  ).argParser(parseDayStart);

/** Adds `loggd report weekly|monthly|habits|focus|tasks|goals` to the program. */
export function registerReportCommands(program: Command, bind: ActionBinder): void {
  const action = (cmd: Command, handler: Parameters<ActionBinder>[1]) => bind(cmd, handler, REPORT_FORMATS);
  const report = program
    .command('report')
    .description(
      'reviews and charts: weekly, monthly, habits heatmap, focus hours, task throughput, goal pace',
    );
  const run = (kind: string) => async (ctx: CommandContext, _a: unknown[], o: Record<string, unknown>) =>
    (await import('./report.js')).runReport(ctx, kind as never, o as never);
  const common = (cmd: Command) =>
    cmd
      .addOption(dayStartsAt())
      .option('--explain', 'show how each figure is computed')
      .option('--html <file>', 'write a self-contained HTML report (inline SVG, no scripts)')
      .option('--markdown', 'print Markdown (same as --format markdown)')
      .addHelpText('after', EXPLAINED);
  const from = () => new Option('--from <date>', 'first day (YYYY-MM-DD)').argParser(parseDate('--from'));
  const to = () => new Option('--to <date>', 'last day (YYYY-MM-DD)').argParser(parseDate('--to'));
  const date = () =>
    new Option('--date <date>', 'any day in the period (YYYY-MM-DD)').argParser(parseDate('--date'));

  action(
    common(
      report
        .command('weekly')
        .description(
          'one week’s review: habits done/due as day marks, focus per day, tasks, goals, vs last week',
        )
        .addOption(
          new Option('--week <YYYY-Www>', 'ISO week, e.g. 2026-W15 (default: this week)').argParser(
            parseWeek,
          ),
        )
        .addOption(date()),
    ),
    run('weekly'),
  );
  action(
    common(
      report
        .command('monthly')
        .description('one month’s review, compared with the previous month')
        .addOption(
          new Option('--month <YYYY-MM>', 'month, e.g. 2026-04 (default: this month)').argParser(parseMonth),
        )
        .addOption(date()),
    ),
    run('monthly'),
  );
  action(
    common(
      report
        .command('habits')
        .description('calendar heatmap per habit or all combined, completion rate, streaks, habit strength')
        .addOption(
          new Option('--habit <id>', 'one habit (default: all combined)').argParser(parseId('habit')),
        )
        .addOption(from())
        .addOption(to()),
    ),
    run('habits'),
  );
  action(
    common(
      report
        .command('focus')
        .description('focus hours as bars by day/week/month, by task, habit and tag; session statistics')
        .addOption(
          new Option('--by <unit>', 'day, week or month (default day)').argParser(
            parseChoice('--by', ['day', 'week', 'month']),
          ),
        )
        .addOption(from())
        .addOption(to()),
    ),
    run('focus'),
  );
  action(
    common(
      report
        .command('tasks')
        .description('created vs completed per week or month, rates by priority and category, on-time rate')
        .addOption(
          new Option('--by <unit>', 'week or month (default week)').argParser(
            parseChoice('--by', ['week', 'month']),
          ),
        )
        .addOption(from())
        .addOption(to()),
    ),
    run('tasks'),
  );
  action(
    common(
      report
        .command('goals')
        .description('progress vs expected pace (10 % rule), projected completion date, milestones')
        .addOption(
          new Option('--status <status>', 'active (default), completed, paused, abandoned or all').argParser(
            parseChoice('--status', GOAL_STATUS_FILTERS),
          ),
        )
        .addOption(to()),
    ),
    run('goals'),
  );
}
