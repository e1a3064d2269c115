// The `loggd` entry point. `--version` is answered before anything else loads (the fastest path); everything else
// goes through program.ts, whose actions import their command modules lazily.
import module from 'node:module';
import { VERSION } from './version.js';

const argv = process.argv.slice(2);

// `loggd … | head` closes the pipe early: that is the reader's choice, not an error (exit quietly, like cat).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  process.once('SIGINT', () => {
    // A command with its own SIGINT handling (mock serve) shuts down cleanly instead.
    if (process.listenerCount('SIGINT') > 0) return;
    process.stderr.write('\ninterrupted\n');
    process.exit(130);
  });
  // Node's on-disk compile cache (Node ≥ 22.1; NODE_DISABLE_COMPILE_CACHE=1 turns it off): every later start reads
  // the bundled SDK and zod chunk's compiled code from disk instead of parsing it again (docs/performance.md).
  module.enableCompileCache?.();
  const { run } = await import('./program.js');
  const { processIO } = await import('./io.js');
  process.exitCode = await run(argv, processIO());
}
