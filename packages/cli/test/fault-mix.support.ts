import type { FaultSpec, MockApi } from '@loggd/mock';
import { Loggd } from '@loggd/sdk';

/**
 * Every fault kind the mock answers at once (the real-time ones, latency/dribble/hang, belong to the timeout
 * tests), malformed JSON included. Each draws on its own from (seed, request index); a request meets the
 * first that fires.
 */
const MIX: FaultSpec[] = [
  { fault: 'status', status: 500 },
  { fault: 'status', status: 503 },
  { fault: 'rate-limit', retryAfter: 1 },
  { fault: 'reset' },
  { fault: 'empty' },
  { fault: 'truncate' },
  { fault: 'malformed-json' },
];

/** Adds the mix so that `share` of all requests (20 % by default) meet a fault. */
export function addFaultMix(mock: MockApi, share = 0.2): void {
  // 1 − (1 − rate)^kinds = share.
  const rate = 1 - (1 - share) ** (1 / MIX.length);
  for (const fault of MIX) mock.faults.add({ ...fault, rate });
}

/** A client with the SDK's own defaults (2 retries), except that waits are instant and nothing is paced. */
export function defaultClient(mock: MockApi): Loggd {
  return new Loggd({
    token: 'mock_pro_all',
    fetch: mock.fetch,
    rateLimit: false,
    sleep: async () => {},
    validation: 'off',
  });
}
