import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type * as z from 'zod';
import type { ToolContext } from './context.js';
import { toolError } from './errors.js';

/** A tool's answer: compact text for the assistant, and the same data as `structuredContent`. */
export interface ToolOutput {
  text: string;
  data: Record<string, unknown>;
}

interface ToolConfig<S extends z.ZodRawShape> {
  title: string;
  description: string;
  inputSchema: S;
  outputSchema: z.ZodType<Record<string, unknown>>;
}

/**
 * Registers a read-only tool whose handler gets the parsed arguments and the client; a thrown error becomes an
 * MCP tool error (`isError`) with the SDK error's remedy.
 */
export function addTool<S extends z.ZodRawShape>(
  server: McpServer,
  ctx: ToolContext,
  name: string,
  config: ToolConfig<S>,
  run: (
    args: z.output<z.ZodObject<S>>,
    loggd: Awaited<ReturnType<ToolContext['client']>>,
  ) => Promise<ToolOutput>,
): void {
  const handler = async (args: z.output<z.ZodObject<S>>) => {
    try {
      const out = await run(args, await ctx.client());
      return { content: [{ type: 'text' as const, text: out.text }], structuredContent: out.data };
    } catch (err) {
      return toolError(err);
    }
  };
  server.registerTool(
    name,
    {
      ...config,
      // Every tool only reads: assistants may call them without asking; they reach the Loggd API (open world).
      annotations: { title: config.title, readOnlyHint: true, idempotentHint: true, openWorldHint: true },
    },
    handler as never,
  );
}
