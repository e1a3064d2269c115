import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.js';
import { remedyFor } from './errors.js';

/** A failed read as an Error whose message carries the remedy (resources have no isError result). */
function readError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const remedy = remedyFor(err);
  return new Error(remedy ? `${message} — ${remedy}` : message);
}

function json(uri: URL, value: unknown) {
  return {
    contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }],
  };
}

/** `loggd://profile` and `loggd://habits/{id}` (listed: the active habits, up to 100). */
export function registerResources(server: McpServer, ctx: ToolContext): void {
  server.registerResource(
    'profile',
    'loggd://profile',
    {
      title: 'Loggd profile',
      description: 'The user: time zone, week start, level, points, streaks',
      mimeType: 'application/json',
    },
    async (uri) => {
      try {
        return json(uri, await (await ctx.client()).profile.get());
      } catch (err) {
        throw readError(err);
      }
    },
  );
  server.registerResource(
    'habit',
    new ResourceTemplate('loggd://habits/{id}', {
      list: async () => {
        const page = await (await ctx.client()).habits.list({ status: 'active', limit: 100 }).catch((err) => {
          throw readError(err);
        });
        return {
          resources: page.data.map((h) => ({
            uri: `loggd://habits/${h.id}`,
            name: h.name,
            mimeType: 'application/json',
          })),
        };
      },
    }),
    { title: 'Loggd habit', description: 'One habit by id', mimeType: 'application/json' },
    async (uri, variables) => {
      const raw = String(variables.id);
      if (!/^[1-9]\d{0,15}$/.test(raw))
        throw new Error(`invalid habit id '${raw}' in ${uri.href}: accepted is a positive integer`);
      try {
        return json(uri, await (await ctx.client()).habits.get(Number(raw)));
      } catch (err) {
        throw readError(err);
      }
    },
  );
}
