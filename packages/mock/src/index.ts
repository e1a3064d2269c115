export { createClock, type Duration, type MockClock, parseDuration } from './clock.js';
export { ContractViolationError, checkContract, RESPONSE_SCHEMAS } from './contract.js';
export { generateDataset } from './data/generate.js';
export type { Account, Dataset, GenerateOptions } from './data/types.js';
export { type CheckDriftOptions, checkDrift, type DriftFinding, type DriftReport } from './drift.js';
export type { MockOptions } from './engine.js';
export { type ActiveFault, FAULT_KINDS, type FaultKind, type FaultSpec } from './faults.js';
export type { JournalEntry } from './journal.js';
export { createMockApi, type MockApi } from './mock-api.js';
export type { RateLimitOptions } from './rate-limit.js';
export {
  DEFAULT_MOCK_PORT,
  describeListenError,
  MockOptionError,
  parseServeOptions,
  SERVE_FLAG_HELP,
  type ServeFlagValues,
  type ServeOptions,
} from './serve-options.js';
export { type RunningMockServer, type StartMockServerOptions, startMockServer } from './server.js';
export { DEMO_TOKENS, type TokenRecord } from './tokens.js';
