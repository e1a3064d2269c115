import type { WebhookDelivery } from './types.js';

const LISTED = 20;

function outcome(d: WebhookDelivery): string {
  const last = d.attempts.at(-1);
  const answer = last ? (last.status !== undefined ? `HTTP ${last.status}` : last.error) : 'not sent yet';
  const tries = `${d.attempts.length} attempt${d.attempts.length === 1 ? '' : 's'}`;
  return `${d.state}${d.reason ? ` (${d.reason})` : ''}, ${tries}, last: ${answer}`;
}

/** A readable summary of the journal for failure messages: what was delivered, to where, and how it went. */
export function describeDeliveries(deliveries: readonly WebhookDelivery[]): string {
  if (deliveries.length === 0)
    return 'No deliveries were made (is an endpoint registered for this event and user?).';
  const recent = deliveries.slice(-LISTED);
  const lines = recent.map((d) => `  - ${d.event} ${d.id} → endpoint ${d.endpointId}: ${outcome(d)}`);
  const skipped = deliveries.length - recent.length;
  return `Deliveries so far (${deliveries.length}${skipped > 0 ? `, last ${LISTED} shown` : ''}):\n${lines.join('\n')}`;
}
