import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDateTime,
  localDate,
  localDay,
  localMinuteOfInstant,
  localTime,
  offsetLabel,
} from '../src/time/zone.js';

// time/zone.ts caches offsets per UTC day edge and per quarter hour on DST days: every answer must still be what
// the platform's own formatter says for that instant, across DST changes and odd offsets.
const ZONES = [
  'UTC',
  'Europe/Bucharest',
  'America/New_York',
  'Australia/Lord_Howe', // 30-minute DST shift
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'America/St_Johns', // -03:30 with DST
];

function intlParts(ms: number, zone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'long',
    hourCycle: 'h23',
  });
  return Object.fromEntries(fmt.formatToParts(ms).map((p) => [p.type, p.value]));
}

// 2000-01-01 … 2040-01-01, biased to whole minutes around transitions by fast-check's own shrinking.
const instant = fc.integer({ min: 946_684_800_000, max: 2_208_988_800_000 });

describe('time/zone.ts agrees with Intl', () => {
  it('local date, day, time and table datetime of any instant in any zone', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), (ms, zone) => {
        const p = intlParts(ms, zone);
        const iso = new Date(ms).toISOString();
        const date = `${p.year}-${p.month}-${p.day}`;
        expect(localDate(iso, zone)).toBe(date);
        expect(localDay(new Date(ms), zone)).toEqual({ date, weekday: p.weekday?.toLowerCase() });
        expect(localTime(iso, zone)).toBe(`${p.hour}:${p.minute}`);
        expect(formatDateTime(iso, zone)).toBe(`${date} ${p.hour}:${p.minute}`);
        expect(localMinuteOfInstant(ms, zone)).toBe(Number(p.hour) * 60 + Number(p.minute));
      }),
      { numRuns: 3000 },
    );
  });

  it('every minute around the 2026 DST changes of Bucharest and New York', () => {
    const edges = [
      ['Europe/Bucharest', '2026-03-29T00:00:00Z'],
      ['Europe/Bucharest', '2026-10-25T00:00:00Z'],
      ['America/New_York', '2026-03-08T06:00:00Z'],
      ['America/New_York', '2026-11-01T05:00:00Z'],
    ] as const;
    for (const [zone, at] of edges) {
      const start = Date.parse(at) - 3 * 3_600_000;
      for (let ms = start; ms < start + 6 * 3_600_000; ms += 60_000) {
        const p = intlParts(ms, zone);
        expect(formatDateTime(new Date(ms).toISOString(), zone)).toBe(
          `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`,
        );
      }
    }
  });

  it('offset labels on both sides of a change; null and unparsable text', () => {
    const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    expect(offsetLabel(day('2026-03-28'), 'Europe/Bucharest')).toBe('+02:00');
    expect(offsetLabel(day('2026-03-29'), 'Europe/Bucharest')).toBe('+03:00');
    expect(offsetLabel(day('2026-11-02'), 'America/New_York')).toBe('-05:00');
    expect(offsetLabel(day('2026-06-01'), 'Asia/Kathmandu')).toBe('+05:45');
    expect(offsetLabel(day('2026-06-01'), 'UTC')).toBe('+00:00');
    expect(localDate(null, 'UTC')).toBe('');
    expect(formatDateTime('not a date', 'UTC')).toBe('not a date');
  });
});
