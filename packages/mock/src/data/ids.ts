import type { Dataset, IdCounters, IdKind } from './types.js';

/**
 * Where each kind's ids start (the last id "already handed out"). Habits and goals start so that the demo
 * account, generated first, owns the ids of the docs' examples: its first habit is 42 (/habits/42 is "Morning
 * Exercise", as in the docs) and its first goal 12 (/goals/12), so the docs' curl lines work as written.
 */
const FIRST_ID_AFTER: IdCounters = {
  habit: 41,
  check: 0,
  skip: 0,
  task: 0,
  tag: 0,
  goal: 11,
  milestone: 0,
  goalUpdate: 0,
  focusSession: 0,
};

/** Fresh counters, at each kind's starting offset. */
export function createCounters(): IdCounters {
  return { ...FIRST_ID_AFTER };
}

/**
 * The next id of a kind, unique across users and larger than every id handed out so far, so a new record sorts
 * newest. Mutates `dataset.counters`.
 *
 * @example const check = { id: nextId(dataset, 'check'), ... }
 */
export function nextId(dataset: Pick<Dataset, 'counters'>, kind: IdKind): number {
  dataset.counters[kind] += 1;
  return dataset.counters[kind];
}
