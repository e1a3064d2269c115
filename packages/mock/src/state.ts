import type { Account, Dataset, GenerateOptions } from './data/types.js';
import type { DemoRole } from './tokens.js';

/**
 * The mock's data, generated on first use (so `createMockApi()` costs nothing until a request arrives) and
 * regenerated from the same seed and instant on reset.
 */
export class MockState {
  #dataset: Dataset | undefined;
  #accounts = new Map<number, Account>();

  constructor(
    private readonly generate: (options: GenerateOptions) => Dataset,
    private readonly options: GenerateOptions & { now: Date },
  ) {}

  get dataset(): Dataset {
    if (!this.#dataset) {
      this.#dataset = this.generate(this.options);
      this.#accounts = new Map(this.#dataset.accounts.map((a) => [a.userId, a]));
    }
    return this.#dataset;
  }

  /** True once the dataset exists (reset only regenerates lazily). */
  get generated(): boolean {
    return this.#dataset !== undefined;
  }

  account(userId: number): Account | undefined {
    void this.dataset;
    return this.#accounts.get(userId);
  }

  /** Resolve a demo role: the first Pro account, the second Pro account, the first downgraded account. */
  userForRole(role: DemoRole): number {
    const accounts = this.dataset.accounts;
    const pro = accounts.filter((a) => a.pro);
    const pick = role === 'pro' ? pro[0] : role === 'other' ? pro[1] : accounts.find((a) => !a.pro);
    if (!pick) throw new Error(`The generated dataset has no account for the demo role "${role}"`);
    return pick.userId;
  }

  reset(): void {
    this.#dataset = undefined;
    this.#accounts.clear();
  }
}
