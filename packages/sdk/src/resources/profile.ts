import type { ApiPromise } from '../api-promise.js';
import type { Core } from '../core.js';
import type { RequestOptions } from '../options.js';
import { type Profile, ProfileSchema } from '../schemas/profile.js';

/** The token owner's profile and gamification stats (scope `read:profile`). */
export class ProfileResource {
  constructor(private readonly core: Core) {}

  /** GET /profile. */
  get(options?: RequestOptions): ApiPromise<Profile> {
    return this.core.item('/profile', () => '/profile', ProfileSchema, options);
  }
}
