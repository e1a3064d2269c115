import { DEFAULT_BASE_URL } from '@loggd/sdk/constants';
import { Command, type CommanderError, Option } from 'commander';
import { resolveColor } from './color.js';
import { configuredIO } from './config/apply.js'; // i16b
import { registerConfigCommands } from './config/register.js'; // i16b
import { createContext } from './context.js';
import { CliError, errorJson, toCliError, usageError, wantsJsonErrors } from './errors.js';
import { EXIT } from './exit-codes.js';
import { HELP_TOPICS } from './help-topics.js';
import { expandJsonFields } from './json-fields.js';
import { escapeControl } from './output/escape.js';
import { FORMATS } from './output/format.js';
import { startPager } from './output/pager.js'; // i16b
import { checkRange, parseChoice, parseDate, parseId, parseLimit, parseQuery } from './parse.js';
import { registerExportCommands } from './program-export.js';
import { registerReportCommands } from './program-report.js';
import { registerWebhooksCommands } from './program-webhooks.js';
import {
  FOCUS_SESSION,
  FOCUS_STATUS_FILTERS,
  GOAL,
  GOAL_STATUS_FILTERS,
  GOAL_UPDATE,
  HABIT,
  HABIT_CHECK,
  HABIT_SKIP,
  HABIT_STATUS_FILTERS,
  PROFILE,
  type ResourceSpec,
  TASK,
  TASK_STATUS_FILTERS,
  TIME_HORIZONS,
} from './resources/spec.js';
import type { CommandHandler, GlobalOptions, IO } from './types.js';
import { VERSION } from './version.js';

// Only commander and small local modules load here: each action imports its command module (and with it the SDK,
// zod or the mock) when it runs, so `loggd --help` and `loggd --version` stay fast.

export { VERSION };

interface RunState {
  io: IO;
  exitCode: number;
}

function fieldsHelp(spec: ResourceSpec): string {
  return `\nFields (--fields, every format):\n  ${spec.fields.join(', ')}\nTable columns by default:\n  ${spec.tableColumns.join(', ')}\n`;
}

/** Builds the whole command tree; actions run through `state` (injected IO, exit code). */
export function buildProgram(state: RunState): Command {
  const program = new Command('loggd')
    .description('Your Loggd.life habits, tasks, goals and focus sessions in the terminal.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .option('--demo', 'use an in-process mock with the demo account (no token, no network)')
    .option('--profile <name>', 'stored profile to use (env LOGGD_PROFILE)')
    .addOption(
      new Option('--token <token>', 'API token (prefer LOGGD_TOKEN or `loggd auth login`)').hideHelp(),
    )
    .option('--base-url <url>', 'API base URL (env LOGGD_BASE_URL)')
    .addOption(new Option('-F, --format <format>', `output format: ${FORMATS.join(', ')} (env LOGGD_FORMAT)`))
    .option('--json', 'same as --format json; `--json id,name` also selects fields (as --fields)')
    .option(
      '--jq <expression>',
      'filter JSON output with a jq expression (strings print raw), e.g. --jq ".[].name"',
    )
    .option('--sort <field>', 'sort list output by a field (-field: descending), e.g. --sort -current_streak')
    .option('--fields <list>', 'comma-separated fields to output (see each command’s help)')
    .option('--no-headers', 'omit the header row (csv, tsv, table)')
    .addOption(
      new Option('--color <when>', 'colour: auto, always, never').argParser(
        parseChoice('--color', ['auto', 'always', 'never']),
      ),
    )
    .option('--no-input', 'never prompt')
    .option(
      '--no-pager',
      'never page long tables (pager: LOGGD_PAGER, `loggd config set pager`, PAGER, less -FRX)',
    ) // i16b
    .addOption(
      new Option(
        '--timeout <seconds>',
        'wait this long for each answer before retrying (default 30, 0 = never; env LOGGD_TIMEOUT)',
      ).argParser(parseTimeout),
    )
    .option('--debug', 'log requests and rate-limit headers to stderr (token redacted), show stack traces');
  program.addHelpText(
    'after',
    `\nExamples:\n  $ loggd --demo habits list\n  $ loggd habits pending; [ $? -eq 10 ] && notify-send "Habits pending"\n  $ loggd tasks list --status all --all --format csv > tasks.csv\n  $ loggd api /goals -q status=all --paginate\n\nMore: loggd help exit-codes | environment | formatting`,
  );

  const action = (cmd: Command, handler: CommandHandler) =>
    cmd.action(async (...raw: unknown[]) => {
      const self = raw.at(-1) as Command;
      const opts = self.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
      // i16b: `loggd config` values fill unset env variables (flag > env > config > default); errors see them too.
      const path = commandPath(self).replace(/^loggd /, '');
      const configured = configuredIO(state.io, opts, path);
      state.io = configured;
      const io = opts.color
        ? { ...configured, color: resolveColor(opts.color, configured.env, Boolean(configured.stdout.isTTY)) }
        : configured;
      checkGlobalFlags(self, opts);
      // --jq filters the command's JSON: the command writes into a buffer, jq's result goes to stdout.
      const jq = opts.jq === undefined ? undefined : (await import('./output/jq.js')).bufferedStdout(io);
      if (jq && !opts.format) opts.json = true;
      const own = self.opts();
      // --limit is a total: with --all it caps the items (at most 100, one page of that size) instead of
      // shrinking every page of a full walk.
      if (own.all && own.limit !== undefined) own.all = false;
      const paging = jq ? undefined : startPager(io, opts, path); // i16b: tables on a terminal page
      const ctx = createContext(jq?.io ?? paging?.io ?? io, opts);
      try {
        state.exitCode = await handler(ctx, raw.slice(0, -2), own, self);
        if (jq) {
          const { applyJq } = await import('./output/jq.js');
          io.stdout.write(await applyJq(jq.text(), opts.jq!));
        }
      } catch (err) {
        // Convert here, where the client's base URL is known (a 404's message shows the full URL).
        if (err instanceof CliError) throw err;
        throw Object.assign(toCliError(err, ctx.baseUrl), { cause: err });
      } finally {
        await paging?.finish(); // i16b
      }
    });

  const limit = () =>
    new Option(
      '--limit <n>',
      'how many items, 1–100 (default: one page of 50; --all without --limit: every item)',
    ).argParser(parseLimit);
  const all = () => new Option('--all', 'follow every page (one JSON array for json)');
  const from = () =>
    new Option('--from <date>', 'start date, inclusive (YYYY-MM-DD)').argParser(parseDate('--from'));
  const to = () => new Option('--to <date>', 'end date, inclusive (YYYY-MM-DD)').argParser(parseDate('--to'));
  const status = (choices: readonly string[], dflt: string) =>
    new Option('--status <status>', `${choices.join(', ')} (default ${dflt})`).argParser(
      parseChoice('--status', choices),
    );

  // habits
  const habits = program.command('habits').description('habits, their check-ins and skips');
  action(
    habits
      .command('list')
      .description('list habits')
      .addOption(status(HABIT_STATUS_FILTERS, 'active'))
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(HABIT)),
    async (ctx, _a, o) => (await import('./commands/habits.js')).habitsList(ctx, o),
  );
  action(
    habits
      .command('get')
      .description('show one habit')
      .argument('<id>', 'habit id', parseId('habit'))
      .addHelpText('after', fieldsHelp(HABIT)),
    async (ctx, [id]) => (await import('./commands/habits.js')).habitsGet(ctx, id as number),
  );
  action(
    habits
      .command('checks')
      .description('list a habit’s check-ins, newest first')
      .argument('<id>', 'habit id', parseId('habit'))
      .addOption(from())
      .addOption(to())
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(HABIT_CHECK)),
    async (ctx, [id], o) => {
      checkRange(o.from as string, o.to as string);
      return (await import('./commands/habits.js')).habitsChecks(ctx, id as number, o);
    },
  );
  action(
    habits
      .command('skips')
      .description('list a habit’s skipped days')
      .argument('<id>', 'habit id', parseId('habit'))
      .addOption(from())
      .addOption(to())
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(HABIT_SKIP)),
    async (ctx, [id], o) => {
      checkRange(o.from as string, o.to as string);
      return (await import('./commands/habits.js')).habitsSkips(ctx, id as number, o);
    },
  );
  action(
    habits
      .command('pending')
      .description('active habits due today and not yet checked (profile time zone); exit 10 if any')
      .addHelpText(
        'after',
        `${fieldsHelp(HABIT)}\nDue today: daily habits; custom-days habits on their days; weekly-target habits until the week\n(starting on the profile's week_start_day) has its target of checked days.\nExit status: 0 when nothing is pending, 10 when some habit is pending; errors keep their own codes\n(1 server, 4 auth, 6 network…: \`loggd help exit-codes\`), so an outage never reads as "pending".\n\nExample (crontab, 8 pm; the token comes from \`loggd auth login\`, never from the crontab line):\n  0 20 * * *  loggd habits pending >/dev/null; [ $? -eq 10 ] && notify-send 'Habits still pending'\n`,
      ),
    async (ctx) => (await import('./commands/habits.js')).habitsPending(ctx),
  );

  // tasks
  const tasks = program.command('tasks').description('tasks with subtasks and tags');
  action(
    tasks
      .command('list')
      .description('list top-level tasks')
      .addOption(status(TASK_STATUS_FILTERS, 'active'))
      .addOption(from())
      .addOption(to())
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(TASK)),
    async (ctx, _a, o) => {
      checkRange(o.from as string, o.to as string);
      return (await import('./commands/tasks.js')).tasksList(ctx, o);
    },
  );
  action(
    tasks
      .command('get')
      .description('show one task with its subtasks and tags')
      .argument('<id>', 'task id', parseId('task'))
      .addHelpText('after', fieldsHelp(TASK)),
    async (ctx, [id]) => (await import('./commands/tasks.js')).tasksGet(ctx, id as number),
  );

  // goals
  const goals = program.command('goals').description('goals, milestones and metric updates');
  action(
    goals
      .command('list')
      .description('list goals')
      .addOption(status(GOAL_STATUS_FILTERS, 'active'))
      .addOption(
        new Option('--horizon <horizon>', TIME_HORIZONS.join(', ')).argParser(
          parseChoice('--horizon', TIME_HORIZONS),
        ),
      )
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(GOAL)),
    async (ctx, _a, o) => (await import('./commands/goals.js')).goalsList(ctx, o),
  );
  action(
    goals
      .command('get')
      .description('show one goal with a progress bar and milestones')
      .argument('<id>', 'goal id', parseId('goal'))
      .addHelpText('after', fieldsHelp(GOAL)),
    async (ctx, [id]) => (await import('./commands/goals.js')).goalsGet(ctx, id as number),
  );
  action(
    goals
      .command('updates')
      .description('list a goal’s metric updates, newest first')
      .argument('<id>', 'goal id', parseId('goal'))
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(GOAL_UPDATE)),
    async (ctx, [id], o) => (await import('./commands/goals.js')).goalsUpdates(ctx, id as number, o),
  );

  // focus
  const focus = program.command('focus').description('focus sessions');
  action(
    focus
      .command('list')
      .description('list focus sessions')
      .addOption(status(FOCUS_STATUS_FILTERS, 'completed'))
      .addOption(limit())
      .addOption(all())
      .addHelpText('after', fieldsHelp(FOCUS_SESSION)),
    async (ctx, _a, o) => (await import('./commands/focus.js')).focusList(ctx, o),
  );
  action(
    focus
      .command('get')
      .description('show one focus session')
      .argument('<id>', 'focus session id', parseId('focus session'))
      .addHelpText('after', fieldsHelp(FOCUS_SESSION)),
    async (ctx, [id]) => (await import('./commands/focus.js')).focusGet(ctx, id as number),
  );

  // profile
  action(
    program
      .command('profile')
      .description('your profile and gamification stats')
      .addHelpText('after', fieldsHelp(PROFILE)),
    async (ctx) => (await import('./commands/profile.js')).profileGet(ctx),
  );

  // api
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
      (await import('./commands/api.js')).apiGet(ctx, path as string, {
        paginate: o.paginate as boolean,
        query: o.query as Record<string, string>,
        headers: o.header as string[] | undefined,
        include: o.include as boolean | undefined,
      }),
  );

  // auth (implemented in commands/auth.ts)
  const auth = program.command('auth').description('log in, show status, log out, switch profiles');
  action(
    auth
      .command('login')
      .description('store a token for a profile (OS keyring)')
      .option('--with-token', 'read the token from stdin')
      .option('--insecure-storage', 'store the token in a plain file (0600) instead of the keyring'),
    async (ctx, _a, o) => (await import('./commands/auth.js')).authLogin(ctx, o),
  );
  action(
    auth.command('status').description('check every stored profile: account, plan, masked token, scopes'), // i16b
    async (ctx, _a, o) => (await import('./auth/status.js')).authStatusAll(ctx, o), // i16b: every profile
  );
  action(
    auth
      .command('token')
      .description('print the token in effect, for scripts (only when piped, or with --show)')
      .option('--show', 'print it on a terminal too')
      .addHelpText(
        'after',
        `\nExamples:\n  $ curl -H "Authorization: Bearer $(loggd auth token)" ${DEFAULT_BASE_URL}/profile\n  $ loggd auth token --profile work | pbcopy\n`,
      ),
    async (ctx, _a, o) => (await import('./commands/auth.js')).authToken(ctx, o),
  );
  action(auth.command('logout').description('remove the stored token of a profile'), async (ctx, _a, o) =>
    (await import('./commands/auth.js')).authLogout(ctx, o),
  );
  action(
    auth
      .command('switch')
      .description('make another stored profile the default')
      .argument('<profile>', 'profile name'),
    async (ctx, [p], o) => (await import('./commands/auth.js')).authSwitch(ctx, p as string, o),
  );

  // export, sync, reports and webhooks: declared in their own light modules
  registerExportCommands(program, action);
  registerReportCommands(program, action);
  registerWebhooksCommands(program, action);
  registerConfigCommands(program, action); // i16b

  // mock
  const mock = program.command('mock').description('the local mock of the Loggd API');
  action(
    mock
      .command('serve')
      .description('run the standalone mock server (Ctrl-C stops it)')
      // Values stay strings here: @loggd/mock's parseServeOptions checks them, the same as for `loggd-mock`.
      .option('--port <port>', 'port, 0 = any free port (default 4010)')
      .option('--host <host>', 'interface to bind (default 127.0.0.1)')
      .option('--seed <n>', 'data seed: same seed and --now, same data (default 1)')
      .option('--now <iso>', 'freeze the mock clock at this ISO 8601 instant (default: real time)')
      .option('--scale <x>', 'dataset size multiplier, 0 < x ≤ 100 (default 1 = the demo account)')
      .option('--rate-limit <n|off>', 'requests per minute per user, 1–1000000, or off (default 300)')
      .option('--strict', 'answer 500 and log when a response would break the SDK’s schemas')
      .addHelpText(
        'after',
        '\nExamples:\n  $ loggd mock serve                          # http://127.0.0.1:4010/api/v1/public\n  $ loggd mock serve --port 0 --seed 7 --now 2026-04-08T12:00:00Z\n  $ loggd mock serve --rate-limit off --scale 10   # load tests\n  $ curl -H "Authorization: Bearer mock_pro_all" http://127.0.0.1:4010/api/v1/public/habits/42\n',
      ),
    async (ctx, _a, o) => (await import('./commands/mock.js')).mockServe(ctx, o as never),
  );
  action(
    mock
      .command('verify')
      .description('walk your account read-only and report where the API differs from the SDK’s schemas')
      .addOption(limit())
      .addOption(
        new Option('--samples <n>', 'single resources of each kind to fetch in full (default 3)').argParser(
          parseSeed,
        ),
      )
      .addHelpText(
        'after',
        '\nA drift alarm for the SDK and the mock: exit 0 when every response matches the schemas, 1 when a field\nis missing, mistyped or has an unknown enum value. Unknown fields are listed too (not a failure).\n\nExamples:\n  $ loggd mock verify                  # with your stored token\n  $ loggd --demo mock verify           # the mock itself\n  $ loggd mock verify --format json\n\nFields: kind, endpoint, path, detail, count\n',
      ),
    async (ctx, _a, o) => (await import('./commands/mock.js')).mockVerify(ctx, o as never),
  );

  // mcp: the @loggd/mcp server, loaded only when it runs
  action(
    program
      .command('mcp')
      .description('serve your Loggd data to AI assistants (Model Context Protocol over stdio, read-only)')
      .addHelpText(
        'after',
        '\nStarts the MCP server with this CLI\'s credentials (profile, LOGGD_TOKEN, or --demo); an assistant runs it:\n  {"mcpServers": {"loggd": {"command": "loggd", "args": ["mcp"]}}}\nTools, resources and setup: docs/mcp.md\n\nExamples:\n  $ loggd mcp\n  $ loggd --demo mcp\n  $ loggd --profile work mcp\n',
      ),
    async (ctx) => (await import('./commands/mcp.js')).mcpServe(ctx),
  );

  // completion
  action(
    program
      .command('completion')
      .description('print a shell completion script')
      .argument('<shell>', 'bash, zsh or fish')
      .addHelpText(
        'after',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh expression shown to the user.
        '\nInstall:\n  $ loggd completion bash >> ~/.bashrc\n  $ loggd completion zsh > "${fpath[1]}/_loggd"\n  $ loggd completion fish > ~/.config/fish/completions/loggd.fish\n',
      ),
    async (ctx, [shell]) => (await import('./completion/scripts.js')).completion(ctx, shell as string), // i16b: scripts call __complete
  );

  // help (topics, then commands)
  action(
    program
      .command('help')
      .description('help on a command or topic: exit-codes, environment, formatting')
      .argument('[topic...]', 'command path or topic'),
    async (ctx, [topic]) => {
      const words = (topic as string[] | undefined) ?? [];
      const key = words.join(' ');
      const text = HELP_TOPICS[key];
      if (text) {
        ctx.io.stdout.write(text());
        return 0;
      }
      let cmd: Command = program;
      for (const w of words) {
        const next = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
        if (!next)
          throw usageError(
            `unknown help topic '${key}': accepted are a command or ${Object.keys(HELP_TOPICS).join(', ')}`,
            'run `loggd --help`',
          );
        cmd = next;
      }
      cmd.outputHelp(); // through configureOutput: the injected stdout, with the fields section
      return 0;
    },
  );

  wireOutput(program, state);
  return program;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw usageError(`invalid --seed '${value}': accepted is a non-negative integer`);
  return n;
}
function parseTimeout(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value.trim()))
    throw usageError(
      `invalid --timeout '${value}': accepted is a number of seconds (0 = no timeout)`,
      'e.g. --timeout 20',
    );
  return Number(value.trim());
}

/** Every --format some command prints; which command prints which is below (the rest print FORMATS). */
export const ALL_FORMATS: readonly string[] = [...FORMATS, 'markdown', 'ics'];
export const FORMATS_OF: Record<string, readonly string[]> = {
  export: ['json', 'ndjson', 'csv', 'ics', 'markdown'],
  report: ['table', 'json', 'markdown'],
  api: ['json', 'ndjson'],
  webhooks: ['table', 'ndjson', 'json'],
};

/** Subcommands that print a list of items: the only ones --sort applies to. */
const LIST_VERBS = new Set(['list', 'checks', 'skips', 'updates']);

/** Commands whose output is a list or object of API fields: the only ones --fields applies to. */
const FIELD_COMMANDS = new Set(['habits', 'tasks', 'goals', 'focus', 'profile', 'mock verify']);

/**
 * A global flag a command would ignore is a usage error, never a silent exit 0: --fields outside the resource
 * commands, a --format `loggd api` cannot print.
 */
function checkGlobalFlags(cmd: Command, opts: GlobalOptions): void {
  const path = commandPath(cmd).replace(/^loggd /, '');
  const top = path.split(' ')[0] ?? '';
  if (opts.fields !== undefined && !FIELD_COMMANDS.has(top) && !FIELD_COMMANDS.has(path))
    throw usageError(
      `--fields does not apply to \`loggd ${path}\`: it selects fields of habits, tasks, goals, focus and profile output`,
      top === 'api'
        ? 'filter `loggd api` output with jq, e.g. `loggd api /profile | jq .data.username`'
        : undefined,
    );
  if (opts.sort !== undefined && !(FIELD_COMMANDS.has(top) && LIST_VERBS.has(path.split(' ').at(-1) ?? '')))
    throw usageError(
      `--sort does not apply to \`loggd ${path}\`: it sorts the items of list commands (habits list, tasks list…)`,
    );
  // --format is checked here, where the command is known, so each one offers only the formats it prints.
  if (opts.format !== undefined && !ALL_FORMATS.includes(opts.format)) {
    const accepted = FORMATS_OF[top] ?? FORMATS;
    throw usageError(
      `invalid --format '${opts.format}'${top in FORMATS_OF ? ` for \`loggd ${top}\`` : ''}: accepted formats are ${accepted.join(', ')}`,
    );
  }
  if (
    opts.jq !== undefined &&
    opts.format !== undefined &&
    opts.format !== 'json' &&
    opts.format !== 'ndjson'
  )
    throw usageError(
      `--jq filters JSON: it does not apply to --format ${opts.format}`,
      'drop --format (--jq implies json), or use --format json|ndjson',
    );
  if (top === 'api') {
    const format = opts.format ?? (opts.json ? 'json' : undefined);
    if (format !== undefined && format !== 'json' && format !== 'ndjson')
      throw usageError(
        `invalid --format '${format}' for \`loggd api\`: accepted are json, ndjson (raw API bodies have no columns)`,
        'list commands (`loggd habits list --format csv`) print CSV and TSV',
      );
  }
}

/** Commander's output goes through the injected IO; its errors become CommanderFailure (handled in run()). */
function wireOutput(cmd: Command, state: RunState): void {
  cmd.configureOutput({
    writeOut: (s) => state.io.stdout.write(s),
    writeErr: (s) => state.io.stderr.write(s),
    outputError: () => {},
  });
  cmd.exitOverride((err) => {
    throw new CommanderFailure(err, cmd);
  });
  for (const sub of cmd.commands) wireOutput(sub, state);
}

class CommanderFailure extends Error {
  constructor(
    readonly err: CommanderError,
    readonly cmd: Command,
  ) {
    super(err.message);
  }
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Turns commander's own errors into one-line usage errors (exit 2) with a hint; help and version exit 0. */
function fromCommander(f: CommanderFailure): CliError | number {
  const { err, cmd } = f;
  if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
  const path = commandPath(cmd);
  const hint = `run \`${path} --help\``;
  if (err.code === 'commander.help' || err.code === 'commander.executeSubCommandAsync') {
    return usageError(
      `missing command for '${path}': accepted are ${cmd.commands.map((c) => c.name()).join(', ')}`,
      hint,
    );
  }
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(err.message)?.[1];
  const message = err.message
    .replace(/^error: /, '')
    .replace(/\(Did you mean .+?\?\)/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const hints = suggestion ? [`did you mean ${suggestion}?`, hint] : [hint];
  if (err.code === 'commander.unknownCommand') {
    const accepted = cmd.commands.map((c) => c.name()).join(', ');
    return new CliError(
      `${message} for '${path}': accepted commands are ${accepted}`,
      EXIT.usage,
      'usage',
      hints,
    );
  }
  return new CliError(message, EXIT.usage, 'usage', hints);
}

/** Runs `loggd` with argv (without node and script) against the given IO; resolves to the exit code. */
export async function run(argv: string[], io: IO): Promise<number> {
  const state: RunState = { io, exitCode: EXIT.ok };
  const program = buildProgram(state);
  // i16b: `loggd __complete <words…>` (what the completion scripts call) bypasses commander, which would parse
  // the words' flags as its own.
  if (argv[0] === '__complete')
    return (await import('./completion/complete.js')).complete(program, argv.slice(1), io);
  try {
    await program.parseAsync(expandJsonFields(argv, program), { from: 'user' });
    return state.exitCode;
  } catch (thrown) {
    const outcome = thrown instanceof CommanderFailure ? fromCommander(thrown) : toCliError(thrown);
    if (typeof outcome === 'number') return outcome;
    reportError(state.io, outcome, program.opts() as GlobalOptions, thrown); // i16b: state.io has config applied
    return outcome.exitCode;
  }
}

function reportError(io: IO, err: CliError, opts: GlobalOptions, original: unknown): void {
  // JSON errors only when JSON output was asked for: a pipe, CSV or TSV still has a human reading stderr.
  if (wantsJsonErrors(opts, io.env)) {
    io.stderr.write(`${errorJson(err)}\n`);
  } else {
    // Messages may quote API text: never let it drive the terminal.
    io.stderr.write(`error: ${escapeControl(err.message)}\n`);
    for (const hint of err.hints) io.stderr.write(`hint: ${escapeControl(hint)}\n`);
  }
  const source = original instanceof CliError && original.cause instanceof Error ? original.cause : original;
  if (opts.debug && source instanceof Error && source.stack) io.stderr.write(`${source.stack}\n`);
}
