import type { WebhookEventName } from '@loggd/sdk';
import { usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { render } from '../../output/render.js';
import type { CommandContext } from '../../types.js';

/** `loggd webhooks events [event]`: the 15 events (name, category, description), or one with its example data. */
export async function webhooksEvents(ctx: CommandContext, eventArg: string | undefined): Promise<number> {
  const { WEBHOOK_EVENTS, WEBHOOK_EVENT_NAMES, isWebhookEventName } = await import('@loggd/sdk');
  const row = (name: WebhookEventName) => {
    const { category, description, note, example } = WEBHOOK_EVENTS[name];
    return { name, category, description, note: note ?? null, example: example as Record<string, unknown> };
  };
  if (eventArg !== undefined) {
    if (!isWebhookEventName(eventArg)) {
      throw usageError(`unknown event '${eventArg}': accepted events are ${WEBHOOK_EVENT_NAMES.join(', ')}`);
    }
    await render(ctx, row(eventArg), { fields: ['name', 'category', 'description', 'note', 'example'] });
    return EXIT.ok;
  }
  // CSV/TSV keep to the flat fields (an example per event would add a column per data key of every event);
  // json/ndjson print whole rows, examples included.
  const delimited = ctx.format === 'csv' || ctx.format === 'tsv';
  const rows = WEBHOOK_EVENT_NAMES.map(row).map(({ example, ...flat }) =>
    delimited ? flat : { ...flat, example },
  );
  await render(ctx, rows, {
    fields: ['name', 'category', 'description', 'note'],
    columns: ['name', 'category', 'description'],
  });
  return EXIT.ok;
}
