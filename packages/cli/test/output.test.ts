import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveColor } from '../src/color.js';
import { CliError } from '../src/errors.js';
import { writeDelimited } from '../src/output/delimited.js';
import { flatColumns, flatRow } from '../src/output/flatten.js';
import { selectFields } from '../src/output/format.js';
import { renderTable } from '../src/output/table.js';
import { displayWidth, truncate } from '../src/output/width.js';
import { checkRange, parseDate, parseId, parseLimit, parseQuery } from '../src/parse.js';
import { parseDelimited } from './helpers/rfc4180.js';

describe('CSV/TSV writer', () => {
  it('round-trips any cells through an RFC 4180 parser, for both delimiters', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'é', ',', '\t', '"', '\n', '\r\n', ' ', '💪', ';') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }),
        fc.constantFrom(',' as const, '\t' as const),
        (rows, d) => {
          const text = writeDelimited(['h1', 'h2'], rows, d);
          expect(parseDelimited(text, d)).toEqual([['h1', 'h2'], ...rows]);
        },
      ),
    );
  });

  it('ends CSV lines with CRLF and TSV lines with LF', () => {
    expect(writeDelimited(['a'], [['1']], ',')).toBe('a\r\n1\r\n');
    expect(writeDelimited(['a'], [['1']], '\t')).toBe('a\n1\n');
  });
});

describe('flattening rule', () => {
  const task = {
    id: 1,
    done: false,
    tags: [
      { id: 5, name: 'Work', color: '#3B82F6' },
      { id: 9, name: 'Personal', color: null },
    ],
    subtasks: [{ id: 2, title: 'Plan' }],
    days: ['monday', 'friday'],
    recurrence: { type: 'weekly', interval: 1, nested: { a: 1 } },
    note: null,
  };

  it('joins tag names and scalar arrays with ;, dots object keys, empties null', () => {
    const columns = flatColumns(Object.keys(task), [task], { recurrence: ['type', 'interval'] });
    expect(columns).toEqual([
      'id',
      'done',
      'tags',
      'subtasks',
      'days',
      'recurrence.type',
      'recurrence.interval',
      'recurrence.nested.a',
      'note',
    ]);
    expect(flatRow(task, columns)).toEqual([
      '1',
      'false',
      'Work;Personal',
      'Plan',
      'monday;friday',
      'weekly',
      '1',
      '1',
      '',
    ]);
  });

  it('keeps the known object columns when every value is null', () => {
    const rows = [{ recurrence: null }];
    expect(flatColumns(['recurrence'], rows, { recurrence: ['type'] })).toEqual(['recurrence.type']);
    expect(flatRow(rows[0] as Record<string, unknown>, ['recurrence.type'])).toEqual(['']);
  });
});

describe('fields', () => {
  it('rejects unknown fields, listing the valid ones', () => {
    expect(selectFields('id, name', ['id', 'name', 'x'])).toEqual(['id', 'name']);
    const err = (() => {
      try {
        selectFields('id,nope', ['id', 'name']);
      } catch (e) {
        return e as CliError;
      }
    })();
    expect(err?.exitCode).toBe(2);
    expect(err?.message).toMatch(/'nope'.*valid fields are id, name/);
  });
});

describe('colour decision', () => {
  it('honours --color, NO_COLOR, FORCE_COLOR/CLICOLOR_FORCE, then the TTY', () => {
    expect(resolveColor(undefined, {}, true)).toBe(true);
    expect(resolveColor(undefined, {}, false)).toBe(false);
    expect(resolveColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(resolveColor('always', { NO_COLOR: '1' }, false)).toBe(true);
    expect(resolveColor('never', { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(resolveColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(resolveColor(undefined, { CLICOLOR_FORCE: '1' }, false)).toBe(true);
    expect(resolveColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
  });
});

describe('flag parsers', () => {
  it('accept exactly the documented ranges', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (n) => {
        const ok = n >= 1 && n <= 100;
        if (ok) expect(parseLimit(String(n))).toBe(n);
        else expect(() => parseLimit(String(n))).toThrow(/--limit.*1 to 100/);
      }),
    );
    expect(() => parseLimit('1.5')).toThrow(CliError);
    expect(parseDate('--from')('2024-02-29')).toBe('2024-02-29');
    expect(() => parseDate('--from')('2026-02-29')).toThrow(/--from '2026-02-29'.*YYYY-MM-DD/);
    expect(() => parseDate('--to')('04/08/2026')).toThrow(/--to/);
    expect(() => parseId('habit')('abc')).toThrow(/habit id 'abc'.*positive integer/);
    expect(() => parseId('habit')('0')).toThrow(CliError);
    expect(() => checkRange('2026-05-01', '2026-04-01')).toThrow(/--from 2026-05-01 is after --to/);
    expect(parseQuery('b=2', parseQuery('a=x=y'))).toEqual({ a: 'x=y', b: '2' });
    expect(() => parseQuery('novalue')).toThrow(/key=value/);
  });
});

describe('table layout', () => {
  it('never exceeds the terminal width when it can fit, cutting with …', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '💪', 'é'), maxLength: 60 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 40, max: 120 }),
        (rows, width) => {
          const out = renderTable({ headers: ['ID', 'NAME', 'NOTE'], rows: rows.map((r) => [...r]), width });
          for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });

  it('truncates by display width', () => {
    expect(truncate('💪 Morning Exercise', 8)).toBe('💪 Morn…');
    expect(displayWidth(truncate('💪 Morning Exercise', 8))).toBe(8);
  });
});
