import { SCOPES, type Scope } from '@loggd/sdk';
import { MockHttpError } from './reply.js';

/** Which demo account a token belongs to; resolved to a user id once the dataset exists. */
export type DemoRole = 'pro' | 'other' | 'free';

/** The fixed demo tokens (documented in the README and printed by `loggd-mock`). */
export const DEMO_TOKENS = {
  /** Pro account, all five scopes. */
  mock_pro_all: { role: 'pro', scopes: [...SCOPES] },
  /** Pro account, `read:habits` only. */
  mock_pro_habits: { role: 'pro', scopes: ['read:habits'] },
  /** Downgraded (non-Pro) account, all scopes: every API call answers 403 requires_pro. */
  mock_free_all: { role: 'free', scopes: [...SCOPES] },
  /** Pro, the second user: the first user's resources are 404 for it. */
  mock_other_all: { role: 'other', scopes: [...SCOPES] },
} as const satisfies Record<string, { role: DemoRole; scopes: readonly Scope[] }>;

export interface TokenRecord {
  token: string;
  userId: number;
  scopes: string[];
}

/** Tokens are secrets even in a mock: journals and logs show only a prefix. */
export function maskToken(token: string | undefined): string | null {
  if (!token) return null;
  return token.length <= 8 ? `${token.slice(0, 2)}…` : `${token.slice(0, 8)}…`;
}

/** The token store: demo tokens plus any created by tests. */
export class TokenStore {
  #tokens = new Map<string, TokenRecord>();
  #counter = 0;

  constructor(
    private readonly resolveRole: (role: DemoRole) => number,
    private readonly userExists: (userId: number) => boolean,
  ) {}

  /** Look a bearer token up (demo tokens resolve lazily, so no dataset is built before the first request). */
  get(token: string): TokenRecord | undefined {
    const found = this.#tokens.get(token);
    if (found) return found;
    const demo = (DEMO_TOKENS as Record<string, { role: DemoRole; scopes: readonly string[] }>)[token];
    if (!demo) return undefined;
    const record = { token, userId: this.resolveRole(demo.role), scopes: [...demo.scopes] };
    this.#tokens.set(token, record);
    return record;
  }

  /** Create a token with any scopes for a user (`mock.tokens.create({ userId, scopes })`). */
  create(input: { userId?: number; scopes?: readonly string[]; token?: string } = {}): TokenRecord {
    const userId = input.userId ?? this.resolveRole('pro');
    if (!Number.isInteger(userId) || !this.userExists(userId)) {
      throw new MockHttpError(
        422,
        `Unknown user_id ${String(userId)}: use the id of an account in the dataset.`,
      );
    }
    const scopes = [...(input.scopes ?? SCOPES)];
    if (!Array.isArray(input.scopes ?? []) || scopes.some((s) => typeof s !== 'string')) {
      throw new MockHttpError(422, 'scopes must be an array of strings, e.g. ["read:habits"].');
    }
    this.#counter += 1;
    const token = input.token ?? `mock_${userId}_${this.#counter.toString(36)}_${scopes.length}`;
    const record = { token, userId, scopes };
    this.#tokens.set(token, record);
    return record;
  }

  /** Forget created tokens (demo tokens come back on next use). */
  reset(): void {
    this.#tokens.clear();
    this.#counter = 0;
  }
}
