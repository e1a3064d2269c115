import { createMockApi, type MockApi } from '@loggd/mock';
import { Loggd } from '@loggd/sdk';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createLoggdMcpServer } from '../src/index.js';

/** The demo clock every test uses: Wednesday 2026-04-08, 15:00 in Europe/Bucharest. */
export const NOW = '2026-04-08T12:00:00Z';

export interface Connected {
  client: Client;
  mock: MockApi;
  close(): Promise<void>;
}

/** An MCP client connected in memory to the Loggd server, which reaches `mock` with `token`. */
export async function connect(
  token = 'mock_pro_all',
  mock: MockApi = createMockApi({ seed: 42, now: NOW, rateLimit: false }),
): Promise<Connected> {
  const server = createLoggdMcpServer({
    client: () =>
      new Loggd({ token, fetch: mock.fetch, baseUrl: mock.baseUrl, rateLimit: false, maxRetries: 0 }),
    now: () => mock.clock.now(),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'loggd-mcp-test', version: '1.0.0' });
  await server.connect(serverSide);
  await client.connect(clientSide);
  return {
    client,
    mock,
    close: async () => {
      await client.close();
      await server.close();
      mock.close();
    },
  };
}

/** Calls a tool and returns its result with the text joined. */
export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<CallToolResult & { text: string; data: Record<string, unknown> }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  return { ...result, text, data: (result.structuredContent ?? {}) as Record<string, unknown> };
}

/** The mock's account behind the demo token (the pro user). */
export function proAccount(mock: MockApi, profileId: number) {
  const account = mock.dataset.accounts.find((a) => a.profile.id === profileId);
  if (!account) throw new Error(`no account with profile id ${profileId}`);
  return account;
}
