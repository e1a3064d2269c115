import type { ChalkInstance } from 'chalk';
import type { DeliveryRecord } from './listen-server.js';

/** How many data fields a pretty line shows: enough to recognise the event, short enough for one line. */
const KEY_FIELDS = 4;
const MAX_VALUE = 32;

/** One NDJSON line per delivery: the record as is (the data as the API sent it). */
export function ndjsonLine(record: DeliveryRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/**
 * One human line per delivery, for a terminal:
 * `14:30:05  habit.completed        5b0c3e1a  habit_id=456 habit_name="Morning Exercise" …  200`
 * (with --forward-to: `→ 200 in 12 ms`); rejected ones say why.
 */
export function prettyLine(record: DeliveryRecord, chalk: ChalkInstance, timeZone?: string): string {
  const time = chalk.dim(clock(record.received_at, timeZone));
  const id = chalk.dim((record.delivery_id ?? '-').slice(0, 8).padEnd(8));
  const event = (record.event ?? '-').padEnd(23);
  if (!record.verified) {
    const why = record.reason ?? 'rejected';
    return `${time}  ${chalk.red(`rejected ${record.status}`)} ${chalk.red(why)}  ${event}  ${id}\n`;
  }
  const status = record.status < 300 ? chalk.green(String(record.status)) : chalk.red(String(record.status));
  if (record.duplicate)
    return `${time}  ${chalk.yellow(event)}  ${id}  ${chalk.yellow('duplicate (acknowledged, not handled again)')}  ${status}\n`;
  const data = keyData(record.data);
  const forward = record.forward
    ? `  → ${record.forward.status === null ? chalk.red(record.forward.error ?? 'no response') : record.forward.status < 300 ? chalk.green(String(record.forward.status)) : chalk.red(String(record.forward.status))} in ${Math.round(record.forward.ms)} ms`
    : `  ${status}`;
  return `${time}  ${chalk.cyan(event)}  ${id}  ${data}${forward}\n`;
}

function keyData(data: Record<string, unknown> | undefined): string {
  if (!data) return '';
  const scalars = Object.entries(data).filter(([, v]) => v !== null && typeof v !== 'object');
  const shown = scalars
    .slice(0, KEY_FIELDS)
    .map(([k, v]) => `${k}=${cut(typeof v === 'string' ? JSON.stringify(v) : String(v))}`);
  return `${shown.join(' ')}${scalars.length > KEY_FIELDS ? ' …' : ''}`;
}

function cut(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** HH:MM:SS of an instant, in the given zone (the machine's by default). */
function clock(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}
