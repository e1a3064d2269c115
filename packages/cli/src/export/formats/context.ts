import { join } from 'node:path';
import type { Resource } from '../../account/resources.js';
import { exists, type FileSummary, StreamWriter } from '../files.js';
import type { Layout } from '../layout.js';

/** What every renderer gets: where to read the store and write files, and the profile's calendar. */
export interface RenderContext {
  layout: Layout;
  resources: ReadonlySet<Resource>;
  timeZone: string;
  weekStartDay: string;
  /** Today in the profile's zone. */
  today: string;
  from?: string | undefined;
  to?: string | undefined;
  bom: boolean;
  /** Summaries of the files written, by file name (for the manifest). */
  files: Map<string, FileSummary & { count: number }>;
}

/** A store file: this run's version when it assembled one, else the committed one. */
export async function storePath(ctx: RenderContext, file: string): Promise<string> {
  const next = join(ctx.layout.nextStore, file);
  return (await exists(next)) ? next : join(ctx.layout.store, file);
}

/** Opens an output file in run/out; `finish` records its summary (count = records, header excluded). */
export async function output(
  ctx: RenderContext,
  name: string,
): Promise<{ w: StreamWriter; finish: (count: number) => Promise<void> }> {
  const w = await StreamWriter.create(join(ctx.layout.rendered, name));
  return {
    w,
    finish: async (count) => {
      ctx.files.set(name, { ...(await w.close()), count });
    },
  };
}
