import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLine, icsText } from '../src/export/formats/ics.js';
import { accountOf, client, mockApi, runExport, tempDir } from './export.support.js';

/** Unfolds and splits an iCalendar file into its events' properties. */
function events(text: string): Array<Record<string, string>> {
  const lines = text.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
  const out: Array<Record<string, string>> = [];
  let current: Record<string, string> | undefined;
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') current = {};
    else if (l === 'END:VEVENT') out.push(current!);
    else if (current) {
      const i = l.indexOf(':');
      current[l.slice(0, i)] = l.slice(i + 1);
    }
  }
  return out;
}

describe('loggd export --ics', () => {
  it('writes planned tasks as all-day events and focus sessions as timed ones, with stable UIDs', async () => {
    const mock = mockApi();
    const account = accountOf(mock);
    const out = await tempDir();
    await runExport(client(mock), out, 'ics');
    const tasks = events(await readFile(join(out, 'tasks.ics'), 'utf8'));
    const planned = account.tasks.filter((t) => t.planned_day);
    expect(tasks.map((e) => e.UID)).toEqual(planned.map((t) => `task-${t.id}@loggd.life`));
    expect(tasks.map((e) => e['DTSTART;VALUE=DATE'])).toEqual(
      planned.map((t) => t.planned_day!.replaceAll('-', '')),
    );
    const focus = events(await readFile(join(out, 'focus_sessions.ics'), 'utf8'));
    expect(focus).toHaveLength(account.focusSessions.length);
    for (const [i, s] of account.focusSessions.entries()) {
      expect(focus[i]!.UID).toBe(`focus-${s.id}@loggd.life`);
      expect(focus[i]!.DTSTART).toBe(`${s.started_at.slice(0, 19).replace(/[-:]/g, '')}Z`);
    }
    const again = await tempDir();
    await runExport(client(mock), again, 'ics');
    expect(await readFile(join(again, 'tasks.ics'))).toEqual(await readFile(join(out, 'tasks.ics')));
  });

  it('folds lines at 75 octets without splitting characters, and escapes text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const folded = foldLine(`SUMMARY:${icsText(s)}`);
        for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${icsText(s)}`);
        expect(icsText(s)).not.toMatch(/(^|[^\\])[;,\n]/);
      }),
    );
  });
});
