import type { Dataset, IdCounters, IdKind } from './types.js';

/** Fresh counters: every kind starts before 1. */
export function createCounters(): IdCounters {
  return {
    habit: 0,
    check: 0,
    skip: 0,
    task: 0,
    tag: 0,
    goal: 0,
    milestone: 0,
    goalUpdate: 0,
    focusSession: 0,
  };
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
