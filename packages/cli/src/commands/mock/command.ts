import { type Command, Option } from 'commander';
import { usageError } from '../../errors.js';
import type { ActionBinder } from '../../types.js';
import { limit } from '../flags.js';

// Declarations only: each action imports its verb's module (and with it @loggd/mock) when it runs.

function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw usageError(`invalid --seed '${value}': accepted is a non-negative integer`);
  return n;
}

/** `loggd mock serve | verify`. */
export function registerMockCommands(program: Command, action: ActionBinder): void {
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
    async (ctx, _a, o) => (await import('./serve.js')).mockServe(ctx, o as never),
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
    async (ctx, _a, o) => (await import('./verify.js')).mockVerify(ctx, o as never),
  );
}
