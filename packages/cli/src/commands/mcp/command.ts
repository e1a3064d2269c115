import type { Command } from 'commander';
import type { ActionBinder } from '../../types.js';

// Declaration only: the @loggd/mcp server loads only when the command runs.

/** `loggd mcp`. */
export function registerMcpCommand(program: Command, action: ActionBinder): void {
  action(
    program
      .command('mcp')
      .description('serve your Loggd data to AI assistants (Model Context Protocol over stdio, read-only)')
      .addHelpText(
        'after',
        '\nStarts the MCP server with this CLI\'s credentials (profile, LOGGD_TOKEN, or --demo); an assistant runs it:\n  {"mcpServers": {"loggd": {"command": "loggd", "args": ["mcp"]}}}\nTools, resources and setup: docs/mcp.md\n\nExamples:\n  $ loggd mcp\n  $ loggd --demo mcp\n  $ loggd --profile work mcp\n',
      ),
    async (ctx) => (await import('./mcp.js')).mcpServe(ctx),
  );
}
