import { Command, type CommanderError, Option } from 'commander';
import { resolveColor } from './color.js';
import { registerApiCommand } from './commands/api/command.js';
import { registerAuthCommands } from './commands/auth/command.js';
import { registerCompletionCommand } from './commands/completion/command.js';
import { registerConfigCommands } from './commands/config/command.js';
import { registerExportCommand } from './commands/export/command.js';
import { registerFocusCommands } from './commands/focus/command.js';
import { registerGoalsCommands } from './commands/goals/command.js';
import { registerHabitsCommands } from './commands/habits/command.js';
import { registerHelpCommand } from './commands/help/command.js';
import { registerInsightsCommand } from './commands/insights/command.js';
import { registerMcpCommand } from './commands/mcp/command.js';
import { registerMockCommands } from './commands/mock/command.js';
import { registerProfileCommand } from './commands/profile/command.js';
import { registerReportCommands } from './commands/report/command.js';
import { registerSyncCommand } from './commands/sync/command.js';
import { registerTasksCommands } from './commands/tasks/command.js';
import { registerWebhooksCommands } from './commands/webhooks/command.js';
import { configuredIO } from './config/apply.js';
import { createContext } from './context.js';
import { CliError, errorJson, toCliError, usageError, wantsJsonErrors } from './errors.js';
import { EXIT } from './exit-codes.js';
import { checkGlobalFlags, parseTimeout } from './global-flags.js';
import { expandJsonFields } from './json-fields.js';
import { escapeControl } from './output/escape.js';
import { FORMAT_RULES, FORMATS, LIST_FORMATS } from './output/format.js';
import { startPager } from './output/pager.js';
import { parseChoice } from './parse.js';
import type { ActionBinder, GlobalOptions, IO } from './types.js';
import { VERSION } from './version.js';

// Only commander and small local modules load here: each action imports its command module (and with it the SDK,
// zod or the mock) when it runs, so `loggd --help` and `loggd --version` stay fast.

export { VERSION };

interface RunState {
  io: IO;
  exitCode: number;
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
    )
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

  const action: ActionBinder = (cmd, handler, formats = LIST_FORMATS) => {
    FORMAT_RULES.set(cmd, formats); // for completion: each command's --format values
    return cmd.action(async (...raw: unknown[]) => {
      const self = raw.at(-1) as Command;
      const opts = self.optsWithGlobals() as GlobalOptions & Record<string, unknown>;
      const path = commandPath(self).replace(/^loggd /, '');
      // `loggd config` values fill unset env variables (flag > env > config > default); errors see them too.
      const configured = configuredIO(state.io, opts, path);
      state.io = configured;
      const io = opts.color
        ? { ...configured, color: resolveColor(opts.color, configured.env, Boolean(configured.stdout.isTTY)) }
        : configured;
      checkGlobalFlags(path, opts);
      // --jq filters the command's JSON: the command writes into a buffer, jq's result goes to stdout.
      const jq = opts.jq === undefined ? undefined : (await import('./output/jq.js')).bufferedStdout(io);
      const own = self.opts();
      // --limit is a total: with --all it caps the items (at most 100, one page of that size) instead of
      // shrinking every page of a full walk.
      if (own.all && own.limit !== undefined) own.all = false;
      // The output format is resolved here, once, by the command's rule (output/format.ts).
      const ctx = createContext(jq?.io ?? io, opts, { command: path, formats });
      // Tables on a terminal page (output/pager.ts): the command writes into the pager's buffer.
      const paging = jq ? undefined : startPager(io, opts, path, ctx.format);
      if (paging) ctx.io = paging.io;
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
        await paging?.finish();
      }
    });
  };

  // One declaration module per command group (commands/<group>/command.ts), in the order --help lists them.
  registerHabitsCommands(program, action);
  registerTasksCommands(program, action);
  registerGoalsCommands(program, action);
  registerFocusCommands(program, action);
  registerProfileCommand(program, action);
  registerApiCommand(program, action);
  registerAuthCommands(program, action);
  registerExportCommand(program, action);
  registerSyncCommand(program, action);
  registerReportCommands(program, action);
  registerInsightsCommand(program, action);
  registerWebhooksCommands(program, action);
  registerConfigCommands(program, action);
  registerMockCommands(program, action);
  registerMcpCommand(program, action);
  registerCompletionCommand(program, action);
  registerHelpCommand(program, action);

  wireOutput(program, state);
  return program;
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
  // `loggd __complete <words…>` (what the completion scripts call) bypasses commander, which would parse the
  // words' flags as its own.
  if (argv[0] === '__complete')
    return (await import('./completion/complete.js')).complete(program, argv.slice(1), io);
  try {
    await program.parseAsync(expandJsonFields(argv, program), { from: 'user' });
    return state.exitCode;
  } catch (thrown) {
    const outcome = thrown instanceof CommanderFailure ? fromCommander(thrown) : toCliError(thrown);
    if (typeof outcome === 'number') return outcome;
    reportError(state.io, outcome, program.opts() as GlobalOptions, thrown); // state.io has config applied
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
