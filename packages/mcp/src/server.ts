import type { Loggd } from '@loggd/sdk';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import type { ToolContext } from './context.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import { registerRecordTools } from './tools/records.js';
import { registerSummaryTools } from './tools/summaries.js';
import { VERSION } from './version.js';

// The SDK's server validates elicitation answers with this; the default builds an Ajv instance (about 10 ms of CPU
// at every start, a tenth of `node -e 0`). This server never elicits, so any use of it is a bug and says so.
const noElicitation: jsonSchemaValidator = {
  getValidator: () => () => ({
    valid: false,
    data: undefined,
    errorMessage: 'the Loggd MCP server does not elicit input',
  }),
};

/** How the server reaches the Loggd API. */
export interface LoggdMcpOptions {
  /**
   * The API client, or a function that makes it on first use (so listing tools never loads the SDK). Any
   * `Loggd` instance works: one on a real token, or one on `@loggd/mock`'s fetch.
   */
  client: Loggd | (() => Loggd | Promise<Loggd>);
  /** "Now", for today's date in reports and pending habits (default: the system clock). */
  now?: () => Date;
  /** An IANA zone that overrides the profile's time zone in summaries (the CLI's LOGGD_TZ). */
  timeZone?: string;
}

/**
 * Builds the Loggd MCP server: 13 read-only tools, the `loggd://profile` and `loggd://habits/{id}` resources and
 * the `weekly_review` prompt. Connect it to a transport yourself, or use `serveStdio`.
 *
 * @example
 * const server = createLoggdMcpServer({ client: new Loggd({ token: process.env.LOGGD_TOKEN }) });
 * await server.connect(new StdioServerTransport());
 */
export function createLoggdMcpServer(options: LoggdMcpOptions): McpServer {
  const make = options.client;
  let client: Promise<Loggd> | undefined;
  const ctx: ToolContext = {
    client: () => {
      // A failed creation is not cached: the next call tries again.
      client ??= Promise.resolve(typeof make === 'function' ? make() : make).catch((err) => {
        client = undefined;
        throw err;
      });
      return client;
    },
    now: options.now ?? (() => new Date()),
    timeZone: options.timeZone,
  };
  const server = new McpServer(
    { name: 'loggd', title: 'Loggd.life', version: VERSION },
    {
      jsonSchemaValidator: noElicitation,
      instructions:
        "Read-only access to the user's Loggd.life habits, tasks, goals, focus sessions and profile. Dates are YYYY-MM-DD in the profile's time zone. For 'how did my week go' use weekly_review; for streaks and consistency habit_heatmap_summary; for focus time focus_summary; for what is left today habits_pending_today.",
    },
  );
  registerRecordTools(server, ctx);
  registerSummaryTools(server, ctx);
  registerResources(server, ctx);
  registerPrompts(server);
  return server;
}
