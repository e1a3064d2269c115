import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';

/** The `weekly_review` prompt: asks the assistant to review a week with the weekly_review tool. */
export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'weekly_review',
    {
      title: 'Review my week',
      description: 'A short, honest review of a week of habits, focus, tasks and goals, with one suggestion',
      argsSchema: {
        week: z.string().optional().describe('ISO week such as 2026-W15 (default: this week)'),
      },
    },
    ({ week }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Call the weekly_review tool${week ? ` with week "${week}"` : ''} and review my week from its result.`,
              'Say what went well, which habits slipped or are at risk (name them), how focus time compares with the week before, and which goals moved.',
              'Keep it under 150 words, use the numbers from the tool, and end with one concrete suggestion for next week.',
            ].join(' '),
          },
        },
      ],
    }),
  );
}
