import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createLoggdMcpServer, type LoggdMcpOptions } from './server.js';

/**
 * Serves the Loggd MCP server over this process's stdin/stdout until stdin closes. Stdout carries protocol
 * frames only: `console.log` and friends are sent to stderr, where `log` lines go too.
 *
 * @example
 * await serveStdio({ client: new Loggd({ token: process.env.LOGGD_TOKEN }) });
 */
export async function serveStdio(
  options: LoggdMcpOptions & { onClose?: () => void; log?: (line: string) => void },
): Promise<void> {
  // A stray console.log from any library would corrupt the JSON-RPC stream.
  console.log = console.info = console.debug = console.error;
  const server = createLoggdMcpServer(options);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.once('end', () => void server.close());
  });
  await server.connect(transport);
  options.log?.('ready on stdio');
  await closed;
  options.onClose?.();
}
