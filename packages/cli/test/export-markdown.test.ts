import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { habitDays } from '../src/account/habit-days.js';
import { BLOCK_END, BLOCK_START, mergeNote } from '../src/export/notes/merge-note.js';
import { notePath, parseNoteName, parseNotesFolder } from '../src/export/notes/note-path.js';
import { localDate } from '../src/time/zone.js';
import { accountOf, client, mockApi, NOW, runExport, tempDir } from './export.support.js';
import { parseFrontMatter, type YamlValue } from './helpers/front-matter.js';

const TODAY = NOW.slice(0, 10);

async function notesIn(dir: string, prefix = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const rel = prefix + e.name;
    if (e.isDirectory()) for (const [k, v] of await notesIn(join(dir, e.name), `${rel}/`)) out.set(k, v);
    else out.set(rel, await readFile(join(dir, e.name), 'utf8'));
  }
  return out;
}

/** The note with the tool's part taken out: its loggd_ front-matter lines and its block. */
function userPart(note: string): { fm: string; before: string; after: string } {
  const fm = /^---\n([\s\S]*?)---\n/.exec(note)!;
  const kept = fm[1]!
    .split(/(?=^\S)/m)
    .filter((entry) => !entry.startsWith('loggd_'))
    .join('');
  const body = note.slice(fm[0].length);
  const start = body.indexOf(BLOCK_START);
  const end = body.indexOf(BLOCK_END) + BLOCK_END.length;
  return { fm: kept, before: body.slice(0, start), after: body.slice(end) };
}

describe('loggd export --format markdown (Obsidian daily notes)', () => {
  it('writes a note per day with typed loggd_ properties equal to the mock, merging into user notes', async () => {
    const mock = mockApi();
    const account = accountOf(mock);
    const zone = account.profile.timezone;
    const vault = await tempDir('loggd-vault-');
    const checkDates = [...account.checks.values()]
      .flat()
      .map((c) => c.date)
      .sort();
    const [dayA, dayB] = [checkDates.at(-1)!, checkDates.at(-40)!];
    // A user note without a block, and one whose block and loggd_ keys are stale, with text around it.
    const noteA =
      '---\ntitle: "My day"\ntags:\n  - journal\n  - daily\n# mood tracking\nmood: 7\n---\n# Diary\n\nWent for a walk.';
    const noteB = `---\nloggd_focus_minutes: 9999\nrating: 3\nloggd_stale_key: true\n---\nBefore the block.\n\n${BLOCK_START}\nold content\n${BLOCK_END}\n\nAfter the block, **mine**.\n`;
    await writeFile(join(vault, `${dayA}.md`), noteA);
    await writeFile(join(vault, `${dayB}.md`), noteB);

    const result = await runExport(client(mock), vault, 'markdown');
    const notes = await notesIn(vault);
    expect(result.notes!.written).toBe(notes.size);

    // The user's text is byte-identical around the tool's part.
    const a = userPart(notes.get(`${dayA}.md`)!);
    expect(a.fm).toBe('title: "My day"\ntags:\n  - journal\n  - daily\n# mood tracking\nmood: 7\n');
    expect(a.before).toBe('# Diary\n\nWent for a walk.\n\n');
    expect(a.after).toBe('\n');
    const b = userPart(notes.get(`${dayB}.md`)!);
    expect(b.fm).toBe('rating: 3\n');
    expect(b.before).toBe('Before the block.\n\n');
    expect(b.after).toBe('\n\nAfter the block, **mine**.\n');
    expect(notes.get(`${dayB}.md`)).not.toContain('old content');

    // Expected figures, computed from the mock's own objects.
    const habitName = new Map(account.habits.map((h) => [h.id, h.name]));
    const doneOn = new Map<string, Set<string>>();
    for (const [hid, checks] of account.checks) {
      for (const c of checks) doneOn.set(c.date, (doneOn.get(c.date) ?? new Set()).add(habitName.get(hid)!));
    }
    const focusSeconds = new Map<string, number>();
    for (const s of account.focusSessions) {
      const d = localDate(s.started_at, zone);
      focusSeconds.set(d, (focusSeconds.get(d) ?? 0) + (s.actual_duration_seconds ?? 0));
    }
    const completed = new Map<string, number>();
    for (const t of account.tasks) {
      if (t.completed_at)
        completed.set(
          localDate(t.completed_at, zone),
          (completed.get(localDate(t.completed_at, zone)) ?? 0) + 1,
        );
    }
    const status = new Map<string, string>(); // `${date}|${habitId}` → done/missed (skipped, not-due absent)
    for (const h of account.habits) {
      for (const r of habitDays({
        habit: h,
        checkDates: (account.checks.get(h.id) ?? []).map((c) => c.date),
        skipDates: (account.skips.get(h.id) ?? []).map((s) => s.date),
        today: TODAY,
        timeZone: zone,
        weekStartDay: account.profile.week_start_day,
      })) {
        // Today's pending habit is an unchecked box in the note, as a missed one.
        if (r.status === 'done' || r.status === 'missed' || r.status === 'pending')
          status.set(`${r.date}|${h.id}`, r.status === 'done' ? 'done' : 'missed');
      }
    }

    const types = new Map<string, string>();
    let checkboxes = 0;
    for (const [name, text] of notes) {
      const props = parseFrontMatter(text)!;
      const date = name.replace(/\.md$/, '');
      expect(props.loggd_date).toBe(date);
      expect([...(props.loggd_habits_done as YamlValue[])].sort()).toEqual(
        [...(doneOn.get(date) ?? [])].sort(),
      );
      expect(props.loggd_focus_minutes).toBe(Math.round(((focusSeconds.get(date) ?? 0) / 60) * 100) / 100);
      expect(props.loggd_tasks_completed).toBe(completed.get(date) ?? 0);
      for (const h of account.habits) {
        const keys = Object.keys(props).filter(
          (k) => k.startsWith('loggd_habit_') && k.endsWith(String(h.id)),
        );
        const key =
          keys[0] ??
          `loggd_habit_${h.name
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '_')
            .replace(/^_|_$/g, '')}`;
        const expected = status.get(`${date}|${h.id}`);
        expect(props[key], `${date} ${key}`).toBe(expected === undefined ? undefined : expected === 'done');
        if (expected) checkboxes++;
      }
      for (const [k, v] of Object.entries(props)) {
        if (!k.startsWith('loggd_')) continue;
        const type = Array.isArray(v) ? 'list' : typeof v;
        expect(types.get(k) ?? type, `${k} keeps one type`).toBe(type);
        types.set(k, type);
      }
    }
    expect(checkboxes).toBeGreaterThan(0);
    expect(types.get('loggd_habits_done')).toBe('list');
    expect(types.get('loggd_focus_minutes')).toBe('number');
    // Every day with a check has its note.
    for (const d of doneOn.keys()) if (d <= TODAY) expect(notes.has(`${d}.md`), d).toBe(true);
  });

  it('a re-run rewrites nothing; a change rewrites only its day and keeps the user text', async () => {
    const mock = mockApi();
    const account = accountOf(mock);
    const vault = await tempDir('loggd-vault-');
    await writeFile(join(vault, `${TODAY}.md`), '# Today\n\nuser line\n');
    await runExport(client(mock), vault, 'markdown');
    const first = await notesIn(vault);
    const mtimes = new Map<string, number>();
    for (const n of first.keys()) mtimes.set(n, (await stat(join(vault, n))).mtimeMs);

    const again = await runExport(client(mock), vault, 'markdown');
    expect(again.notes).toEqual({ written: 0, unchanged: first.size });
    expect(await notesIn(vault)).toEqual(first);
    for (const n of first.keys()) expect((await stat(join(vault, n))).mtimeMs).toBe(mtimes.get(n));

    const habit = account.habits.find((h) => h.status === 'active' && !h.checked_today)!;
    mock.control.completeHabit(habit.id);
    const changed = await runExport(client(mock), vault, 'markdown');
    expect(changed.notes!.written).toBe(1);
    const after = await notesIn(vault);
    for (const [n, text] of after) if (n !== `${TODAY}.md`) expect(text).toBe(first.get(n));
    const today = after.get(`${TODAY}.md`)!;
    expect(today).toContain('# Today\n\nuser line\n');
    expect(parseFrontMatter(today)!.loggd_habits_done).toContain(habit.name);
  });

  it('--from/--to limit the days; --notes-folder and --note-name place the notes', async () => {
    const mock = mockApi();
    const vault = await tempDir('loggd-vault-');
    const from = '2026-03-01';
    const to = '2026-03-10';
    await runExport(client(mock), vault, 'markdown', {
      from,
      to,
      notesFolder: parseNotesFolder('Journal/Daily'),
      noteName: parseNoteName('{YYYY}/{MM}/{YYYY}-{MM}-{DD} {ddd}'),
    });
    const notes = await notesIn(vault);
    expect(notes.size).toBeGreaterThan(0);
    for (const name of notes.keys()) {
      const m =
        /^Journal\/Daily\/(\d{4})\/(\d{2})\/(\d{4}-\d{2}-\d{2}) (Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.md$/.exec(
          name,
        );
      expect(m, name).not.toBeNull();
      expect(m![3]! >= from && m![3]! <= to).toBe(true);
      expect(parseFrontMatter(notes.get(name)!)!.loggd_date).toBe(m![3]);
    }
  });

  it('note names: every date maps to its own file; bad patterns and folders are usage errors', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (d) => {
          const date = d.toISOString().slice(0, 10);
          expect(notePath('', parseNoteName('{YYYY}-{MM}-{DD}'), date)).toBe(`${date}.md`);
          expect(notePath('', parseNoteName('{YYYY}.{MM}.{DD}'), date)).toBe(
            `${date.replaceAll('-', '.')}.md`,
          );
          expect(notePath('D', parseNoteName('{YY}{M}x{D}'), date)).toBe(
            `D/${date.slice(2, 4)}${Number(date.slice(5, 7))}x${Number(date.slice(8))}.md`,
          );
        },
      ),
    );
    for (const bad of [
      '{YYYY}-{MM}',
      'notes',
      '../{YYYY}-{MM}-{DD}',
      '/abs/{YYYY}{MM}{DD}',
      '{YYYY}{MM}{DD}{Q}',
    ]) {
      expect(() => parseNoteName(bad), bad).toThrow(expect.objectContaining({ exitCode: 2 }));
    }
    for (const bad of ['../out', '/abs', '.loggd-export']) {
      expect(() => parseNotesFolder(bad), bad).toThrow(expect.objectContaining({ exitCode: 2 }));
    }
  });

  it('merging keeps any user text and front matter byte-identical and is idempotent', () => {
    const userKey = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter((k) => !k.startsWith('loggd_'));
    const text = fc.string({
      unit: fc.constantFrom('a', ' ', '\n', '#', '-', '*', 'é', '<', '>', '!', '-->'),
    });
    fc.assert(
      fc.property(fc.uniqueArray(userKey, { maxLength: 4 }), text, text, (keys, before, after) => {
        const fm = keys.map((k, i) => (i % 2 ? `${k}:\n  - "x${i}"\n` : `${k}: ${i}\n`)).join('');
        const owned = 'loggd_date: 2026-01-01\nloggd_focus_minutes: 5\n';
        const block = '## Loggd\n- [x] Run\n';
        const start = fm ? `---\n${fm}---\n${before}` : before;
        const once = mergeNote(start, owned, block);
        expect(mergeNote(once, owned, block)).toBe(once);
        // Appending after the user's text: the user's text is a prefix of the body.
        expect(once.startsWith(`---\n${fm}${owned}---\n${fm ? before : before}`)).toBe(true);
        // With text after the block, a second merge with other values keeps it.
        const withAfter = once + after;
        const changed = mergeNote(withAfter, 'loggd_date: 2026-01-02\n', 'other\n');
        expect(changed.endsWith(`${BLOCK_START}\nother\n${BLOCK_END}\n${after}`)).toBe(true);
        expect(parseFrontMatter(changed)).toMatchObject({ loggd_date: '2026-01-02' });
      }),
    );
  });
});
