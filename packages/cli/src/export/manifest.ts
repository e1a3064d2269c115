import type { Profile } from '@loggd/sdk';
import type { Skipped } from '../account/resources.js';
import type { RenderContext } from './formats/context.js';

/** Bumped when a file's layout changes incompatibly (docs/export.md describes version 1). */
export const EXPORT_SCHEMA_VERSION = 1;

/** manifest.json: what the export holds and how to check it. */
export interface Manifest {
  schema_version: number;
  exported_at: string;
  format: string;
  tool: { name: '@loggd/cli'; version: string };
  api_base: string;
  profile: { timezone: string; week_start_day: string } | null;
  range: { from: string | null; to: string | null };
  resources: string[];
  /** Resources not exported for a missing scope, with the API's message. */
  skipped: Skipped;
  /** Per file: records (CSV: rows without the header), bytes and sha256 of the bytes. */
  files: Record<string, { count: number; bytes: number; sha256: string }>;
}

/** Builds the manifest from the files the renderers wrote. */
export function buildManifest(input: {
  ctx: RenderContext;
  format: string;
  exportedAt: Date;
  apiBase: string;
  toolVersion: string;
  profile: Profile | undefined;
  skipped: Skipped;
}): Manifest {
  const files: Manifest['files'] = {};
  for (const name of [...input.ctx.files.keys()].sort()) {
    const f = input.ctx.files.get(name)!;
    files[name] = { count: f.count, bytes: f.bytes, sha256: f.sha256 };
  }
  return {
    schema_version: EXPORT_SCHEMA_VERSION,
    exported_at: input.exportedAt.toISOString(),
    format: input.format,
    tool: { name: '@loggd/cli', version: input.toolVersion },
    api_base: input.apiBase,
    profile: input.profile
      ? { timezone: input.profile.timezone, week_start_day: input.profile.week_start_day }
      : null,
    range: { from: input.ctx.from ?? null, to: input.ctx.to ?? null },
    resources: [...input.ctx.resources],
    skipped: input.skipped,
    files,
  };
}
