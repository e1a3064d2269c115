import type { Loggd } from '@loggd/sdk';

/** What the tools share: the API client (made on first use) and the clock. */
export interface ToolContext {
  /** The client, created lazily: answering `tools/list` never loads the SDK. */
  client(): Promise<Loggd>;
  /** Now, for "today" (the demo passes the mock's clock). */
  now(): Date;
  /** A time zone that overrides the profile's for summaries (like the CLI's LOGGD_TZ). */
  timeZone?: string | undefined;
}
