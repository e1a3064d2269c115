/** A duration: milliseconds, or a string such as '30s', '1m', '2h', '1d', '1500ms' (parts may combine: '1h30m'). */
export type Duration = number | string;

/** The one clock every time-dependent part of the mock reads (rate windows, `checked_today`, streaks, webhook retries). */
export interface MockClock {
  /** The current mock instant. */
  now(): Date;
  /** Current mock time in epoch milliseconds (what the hot paths use). */
  nowMs(): number;
  /** Jump to an instant. A clock that follows real time keeps following it from there. */
  set(date: Date | string | number): void;
  /** Move forward (or back, with a negative duration). */
  advance(by: Duration): void;
  /** `true` when the clock only moves through set/advance. */
  readonly frozen: boolean;
  /** Back to how it was created. */
  reset(): void;
  /** Called after every set/advance (the webhook dispatcher listens to run due retries). */
  onChange(listener: (now: Date) => void): () => void;
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** Parse '30s' | '1m' | '2h' | '1h30m' | '250ms' | 1500 into milliseconds; throws a clear error on anything else. */
export function parseDuration(input: Duration): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw new TypeError(`Invalid duration ${input}: expected finite milliseconds`);
    return input;
  }
  const text = input.trim();
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  if (/^\d+(\.\d+)?$/.test(body)) return sign * Number(body);
  const parts = [...body.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== body) {
    throw new TypeError(
      `Invalid duration "${input}": expected milliseconds or e.g. '30s', '1m', '2h', '1h30m', '1d'`,
    );
  }
  return sign * parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]!]!, 0);
}

function toMs(date: Date | string | number): number {
  const ms = date instanceof Date ? date.getTime() : typeof date === 'number' ? date : Date.parse(date);
  if (!Number.isFinite(ms))
    throw new TypeError(`Invalid date "${String(date)}": expected an ISO 8601 instant`);
  return ms;
}

/**
 * Create the mock clock. Without `now` it follows real time (set/advance shift an offset); with `now` it is
 * frozen at that instant and moves only through set/advance, so tests are deterministic.
 */
export function createClock(options: { now?: Date | string | number } = {}): MockClock {
  const frozen = options.now !== undefined;
  const initial = frozen ? toMs(options.now!) : 0;
  // Frozen: `value` is the instant. Following real time: `value` is the offset from Date.now().
  let value = initial;
  const listeners = new Set<(now: Date) => void>();
  const nowMs = () => (frozen ? value : Date.now() + value);
  const changed = () => {
    const at = new Date(nowMs());
    for (const l of listeners) l(at);
  };
  return {
    frozen,
    nowMs,
    now: () => new Date(nowMs()),
    set(date) {
      const target = toMs(date);
      value = frozen ? target : target - Date.now();
      changed();
    },
    advance(by) {
      value += parseDuration(by);
      changed();
    },
    reset() {
      value = initial;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Format an instant the way the API does: `2026-04-08T14:30:00+00:00`. */
export function toWireDateTime(ms: number | Date): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone (streak days follow the user's zone). */
export function dateInZone(ms: number, timeZone: string): string {
  // Responses ask for "today" once per habit: memoise per zone and minute (zone offsets are whole minutes, so a
  // day never changes inside one), which skips Intl on the hot path.
  const minute = Math.floor(ms / 60_000);
  const last = lastDay.get(timeZone);
  if (last?.minute === minute) return last.date;
  const date = formatDay(ms, timeZone);
  lastDay.set(timeZone, { minute, date });
  return date;
}

const lastDay = new Map<string, { minute: number; date: string }>();

function formatDay(ms: number, timeZone: string): string {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'UTC',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
    }
    dayFormatters.set(timeZone, f);
  }
  return f.format(ms);
}
