import { wireInstant } from './calendar.js';
import type { Rng } from './prng.js';
import type { IdCounters } from './types.js';
import type { ZoneClock } from './zone.js';

/** Everything the per-resource generators share while building one user's history. */
export interface UserContext {
  rng: Rng;
  ids: { counters: IdCounters };
  zone: ZoneClock;
  /** The instant the history ends at. */
  nowMs: number;
  /** Local day number of `nowMs`, and seconds since local midnight. */
  today: number;
  nowSecond: number;
  /** First local day of the history. */
  firstDay: number;
  /** Weekday index (0 = monday) the user's weeks start on. */
  weekStart: number;
  /** Parallel streams of recurring tasks and focus sessions: grows with √scale, so that scales sized for a
   * million checks stay lean on memory. */
  streams: number;
}

/** Local (day, second) → API instant string, never later than now. */
export function stamp(ctx: UserContext, day: number, second: number): string {
  return wireInstant(Math.min(ctx.zone.toUtc(day, second), ctx.nowMs));
}

/** Local (day, second) → epoch ms, never later than now. */
export function instant(ctx: UserContext, day: number, second: number): number {
  return Math.min(ctx.zone.toUtc(day, second), ctx.nowMs);
}
