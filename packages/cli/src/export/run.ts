import { join } from 'node:path';
import type { Loggd, Profile } from '@loggd/sdk';
import { AccountFetches } from '../account/fetches.js';
import type { Progress } from '../account/progress.js';
import type { Resource, Skipped } from '../account/resources.js';
import { AccountSource, isMissingScope } from '../account/source.js';
import { makeDir } from '../make-dir.js';
import { localDate } from '../time/zone.js';
import { assemble, type Changes } from './assemble.js';
import { collect } from './collect.js';
import { commit, rollForward } from './commit.js';
import { type Cursors, noCursors, readCursors } from './cursors.js';
import { exists, readJson, remove, writeFileAtomic, writeJsonAtomic } from './files.js';
import type { RenderContext } from './formats/context.js';
import type { NotesResult } from './formats/markdown.js';
import { Layout } from './layout.js';
import { acquireLock } from './lock.js';
import { buildManifest, type Manifest } from './manifest.js';
import { DEFAULT_NOTE_NAME } from './notes/note-path.js';

export const EXPORT_FORMATS = ['json', 'ndjson', 'csv', 'ics', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  client: Loggd;
  out: string;
  format: ExportFormat;
  resources: ReadonlySet<Resource>;
  from?: string | undefined;
  to?: string | undefined;
  bom?: boolean;
  strict?: boolean;
  /** Ignore the cursors of the last export: fetch everything again. */
  full?: boolean;
  concurrency?: number;
  now: Date;
  /** Zone when the profile cannot be read (missing read:profile). */
  fallbackTimeZone?: string;
  progress: Progress;
  toolVersion: string;
  signal?: AbortSignal;
  /**
   * Which account on which server the data comes from (base URL + a fingerprint of the token, never the token):
   * an interrupted run or stored cursors of another source are not resumed (their ids would 404 for ever).
   */
  source?: string;
  /** What the manifest names as the source (default the client's base URL; `--demo` names the mock). */
  apiBase?: string;
  /** Tells the user something worth knowing about the run (on stderr). */
  onNote?: (message: string) => void;
  /** Markdown: the notes' folder in the vault ('' = its root) and name pattern (default `{YYYY}-{MM}-{DD}`). */
  notesFolder?: string;
  noteName?: string;
}

export interface ExportResult {
  manifest: Manifest;
  changes: Changes;
  skipped: Skipped;
  /** True when this run continued an interrupted one. */
  resumed: boolean;
  /** Requests sent and retries made by the client during the run. */
  requests: number;
  retries: number;
  elapsedMs: number;
  /** Markdown: notes written (new or changed) and already up to date. */
  notes?: NotesResult;
}

/** What a run is for: a resumed run must have been started for the same data (format may differ). */
interface RunInfo {
  resources: Resource[];
  from: string | null;
  to: string | null;
  full: boolean;
  source?: string | null;
}

/** Store metadata: the range the stored data covers (cursors only hold for the same range). */
interface StoreMeta {
  from: string | null;
  to: string | null;
  source?: string | null;
}

/**
 * Exports the account into `out`: resumes or starts a run, fetches what changed, assembles the new store,
 * renders the chosen format and commits atomically. See docs/export.md for the layout.
 */
export async function exportAccount(opts: ExportOptions): Promise<ExportResult> {
  const layout = new Layout(opts.out);
  const fetches = new AccountFetches(opts.client, {
    concurrency: opts.concurrency ?? 4,
    strict: Boolean(opts.strict),
    // A resource skipped on an interrupted attempt stays skipped when the run resumes (see collect).
    onSkip: (resource, message) => writeFileAtomic(layout.unit(`${resource}.missing`), `${message}\n`),
  });
  await makeDir(opts.out);
  const release = await acquireLock(layout.lock);
  try {
    await rollForward(layout);
    const info: RunInfo = {
      resources: [...opts.resources].sort(),
      from: opts.from ?? null,
      to: opts.to ?? null,
      full: Boolean(opts.full),
      source: opts.source ?? null,
    };
    const previous = await readJson<RunInfo | null>(layout.runInfo, null);
    const resumed = previous !== null && JSON.stringify(previous) === JSON.stringify(info);
    if (previous !== null && !resumed && (previous.source ?? null) !== info.source)
      opts.onNote?.(
        'the interrupted export in this folder came from another account or server: starting over',
      );
    if (!resumed) {
      await remove(layout.run);
      await makeDir(layout.units);
      await writeJsonAtomic(layout.runInfo, info);
    }

    const meta = await readJson<StoreMeta | null>(join(layout.store, 'meta.json'), null);
    // Cursors hold only for the same range from the same account and server (a store from before sources were
    // recorded has none: it is refetched once).
    const sameSource = meta !== null && (meta.source ?? null) === info.source;
    if (meta !== null && !sameSource && !opts.full)
      opts.onNote?.(
        'this folder holds an export of another account or server: fetching everything again (as --full)',
      );
    const sameRange = meta !== null && sameSource && meta.from === info.from && meta.to === info.to;
    const cursors: Cursors = opts.full || !sameRange ? noCursors() : await readCursors(layout.store);

    const source = new AccountSource(
      opts.client,
      { ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) },
      opts.signal,
    );
    // The profile's zone dates focus sessions only under --from/--to: otherwise it is fetched alongside the
    // lists instead of before them.
    const profileFetch = fetchProfile(source, layout, opts);
    const zoneOf = (p: { profile: Profile | undefined }) =>
      p.profile?.timezone ?? opts.fallbackTimeZone ?? 'UTC';
    let inRange: ((iso: string) => boolean) | undefined;
    if (opts.from || opts.to) {
      const zone = zoneOf(await profileFetch);
      inRange = (iso: string) => {
        const d = localDate(iso, zone);
        return (!opts.from || d >= opts.from) && (!opts.to || d <= opts.to);
      };
    }
    const [{ profile, skippedProfile }, skipped] = await Promise.all([
      profileFetch,
      collect({
        source,
        fetches,
        layout,
        cursors,
        resources: opts.resources,
        ...(inRange ? { inRange } : {}),
        progress: opts.progress,
      }),
    ]);
    const timeZone = zoneOf({ profile });
    if (skippedProfile) skipped.profile = skippedProfile;
    opts.progress.finish();

    const changes = await assemble(layout, cursors, opts.resources);
    await writeJsonAtomic(join(layout.nextStore, 'meta.json'), {
      from: info.from,
      to: info.to,
      source: info.source,
    });

    const rendered = new Set([...opts.resources].filter((r) => !skipped[r]));
    for (const r of opts.resources) {
      // A resource skipped now but exported before keeps being rendered from the stored copy.
      if (skipped[r] && (await exists(join(layout.store, storeFileOf(r))))) rendered.add(r);
    }
    const ctx: RenderContext = {
      layout,
      resources: rendered,
      timeZone,
      weekStartDay: profile?.week_start_day ?? 'monday',
      today: localDate(opts.now.toISOString(), timeZone),
      from: opts.from,
      to: opts.to,
      bom: Boolean(opts.bom),
      files: new Map(),
    };
    await remove(layout.rendered);
    await makeDir(layout.rendered);
    let notes: NotesResult | undefined;
    if (opts.format === 'markdown') {
      // Notes are merged into the vault in place (each atomically), not published by the commit: a cut-short
      // run re-renders them identically.
      notes = await (await import('./formats/markdown.js')).renderMarkdown(ctx, {
        folder: opts.notesFolder ?? '',
        pattern: opts.noteName ?? DEFAULT_NOTE_NAME,
      });
    } else if (opts.format === 'csv') await (await import('./formats/csv.js')).renderCsv(ctx);
    else if (opts.format === 'ics') await (await import('./formats/ics.js')).renderIcs(ctx);
    else await (await import('./formats/json.js')).renderJson(ctx, opts.format);

    const manifest = buildManifest({
      ctx,
      format: opts.format,
      exportedAt: opts.now,
      apiBase: opts.apiBase ?? opts.client.baseUrl,
      toolVersion: opts.toolVersion,
      profile,
      skipped,
    });
    // A vault keeps its manifest in the state folder: the vault's root belongs to the user's notes.
    if (opts.format !== 'markdown') await writeJsonAtomic(join(layout.rendered, 'manifest.json'), manifest);
    await commit(layout);
    if (opts.format === 'markdown') await writeJsonAtomic(join(layout.state, 'manifest.json'), manifest);
    return {
      manifest,
      changes,
      skipped,
      resumed,
      ...fetches.stats(),
      ...(notes ? { notes } : {}),
    };
  } catch (err) {
    await dropRunAfterWriteFailure(layout, err);
    throw err;
  } finally {
    await release();
  }
}

/** Errors of the disk itself: the write cannot succeed by running again as is. */
const WRITE_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO', 'EROFS']);

/**
 * After a write failure (disk full, quota, I/O error) the partial run is removed: it holds the very space the user
 * must free, and resuming onto files cut short gains nothing. A network or API failure keeps it for the resume,
 * and so does a failure during the commit (commit.json present), which the next run rolls forward from it. The
 * error gets the --out folder as its path when the failed write had none (a FileHandle write names no file).
 */
async function dropRunAfterWriteFailure(layout: Layout, err: unknown): Promise<void> {
  const e = err as NodeJS.ErrnoException | undefined;
  if (typeof e?.code !== 'string' || !WRITE_FAILURES.has(e.code)) return;
  e.path ??= layout.out;
  if (await readJson<unknown>(layout.commit, null)) return;
  await remove(layout.run).catch(() => {});
}

function storeFileOf(resource: Resource): string {
  return {
    profile: 'profile.json',
    habits: 'habits.ndjson',
    tasks: 'tasks.ndjson',
    goals: 'goals.ndjson',
    focus_sessions: 'focus_sessions.ndjson',
  }[resource];
}

/** The profile comes first: its time zone dates everything. A resumed run reuses the fetched one. */
async function fetchProfile(
  source: AccountSource,
  layout: Layout,
  opts: ExportOptions,
): Promise<{ profile: Profile | undefined; skippedProfile?: string }> {
  const unit = layout.unit('profile.json');
  const stored = await readJson<Profile | null>(unit, null);
  if (stored) return { profile: stored };
  try {
    const profile = await source.profile();
    await writeJsonAtomic(unit, profile);
    return { profile };
  } catch (err) {
    if (!isMissingScope(err) || opts.strict) throw err;
    const message = (err as Error).message;
    const fromStore = await readJson<Profile | null>(join(layout.store, 'profile.json'), null);
    await writeFileAtomic(layout.unit('profile.missing'), `${message}\n`);
    return { profile: fromStore ?? undefined, skippedProfile: message };
  }
}
