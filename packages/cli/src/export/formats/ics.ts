import { readNdjson } from '../files.js';
import { STORE_FILES } from '../layout.js';
import { output, type RenderContext, storePath } from './context.js';

// iCalendar (RFC 5545): planned tasks as all-day events, focus sessions as timed events. UIDs are derived from
// the API ids and DTSTAMP from updated_at, so re-importing or re-subscribing updates events instead of
// duplicating them, and an unchanged account gives byte-identical files.

type Row = Record<string, unknown>;

/** TEXT escaping: backslash, semicolon, comma and newlines. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (continuation lines start with a space), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** An instant (an API datetime or ms) as an iCalendar UTC time, `20260408T143000Z`. */
function utc(instant: string | number): string {
  const iso = new Date(typeof instant === 'number' ? instant : Date.parse(instant)).toISOString();
  return `${iso.slice(0, 19).replaceAll('-', '').replaceAll(':', '')}Z`;
}

function compactDate(date: string): string {
  return date.replaceAll('-', '');
}

function nextDay(date: string): string {
  return compactDate(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
}

async function calendar(ctx: RenderContext, name: string, title: string, events: AsyncIterable<string[]>) {
  const { w, finish } = await output(ctx, name);
  const put = (line: string) => w.write(`${foldLine(line)}\r\n`);
  await put('BEGIN:VCALENDAR');
  await put('VERSION:2.0');
  await put('PRODID:-//loggd-kit//loggd export//EN');
  await put('CALSCALE:GREGORIAN');
  await put(`X-WR-CALNAME:${icsText(title)}`);
  await put(`X-WR-TIMEZONE:${ctx.timeZone}`);
  let count = 0;
  for await (const lines of events) {
    count++;
    for (const l of ['BEGIN:VEVENT', ...lines, 'END:VEVENT']) await put(l);
  }
  await put('END:VCALENDAR');
  await finish(count);
}

async function* taskEvents(ctx: RenderContext): AsyncGenerator<string[]> {
  for await (const t of readNdjson<Row>(await storePath(ctx, STORE_FILES.tasks))) {
    const day = t.planned_day as string | null;
    if (!day) continue;
    const status = t.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED';
    yield [
      `UID:task-${t.id}@loggd.life`,
      `DTSTAMP:${utc(t.updated_at as string)}`,
      `DTSTART;VALUE=DATE:${compactDate(day)}`,
      `DTEND;VALUE=DATE:${nextDay(day)}`,
      `SUMMARY:${icsText(`${t.status === 'completed' ? '✓ ' : ''}${String(t.title)}`)}`,
      ...(t.description ? [`DESCRIPTION:${icsText(String(t.description))}`] : []),
      `STATUS:${status}`,
      'TRANSP:TRANSPARENT',
    ];
  }
}

async function* focusEvents(ctx: RenderContext): AsyncGenerator<string[]> {
  for await (const s of readNdjson<Row>(await storePath(ctx, STORE_FILES.focus))) {
    const start = s.started_at as string;
    const seconds = (s.actual_duration_seconds ?? s.planned_duration_seconds ?? 0) as number;
    const end = (s.ended_at as string | null) ?? Date.parse(start) + seconds * 1000;
    yield [
      `UID:focus-${s.id}@loggd.life`,
      `DTSTAMP:${utc(s.updated_at as string)}`,
      `DTSTART:${utc(start)}`,
      `DTEND:${utc(end)}`,
      `SUMMARY:${icsText(`Focus${s.title ? `: ${String(s.title)}` : ''}`)}`,
      ...(s.notes ? [`DESCRIPTION:${icsText(String(s.notes))}`] : []),
      `STATUS:${s.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    ];
  }
}

/** tasks.ics (planned tasks) and focus_sessions.ics. */
export async function renderIcs(ctx: RenderContext): Promise<void> {
  if (ctx.resources.has('tasks')) await calendar(ctx, 'tasks.ics', 'Loggd tasks', taskEvents(ctx));
  if (ctx.resources.has('focus_sessions'))
    await calendar(ctx, 'focus_sessions.ics', 'Loggd focus sessions', focusEvents(ctx));
}
