import { resolve } from 'node:path';
import { RESOURCES, type Resource } from '../../account/resources.js';
import { runAccountJob } from '../../account/run-job.js';
import { usageError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { type ExportFormat, type ExportResult, exportAccount } from '../../export/run.js';
import { checkRange } from '../../parse.js';
import type { CommandContext } from '../../types.js';
import { VERSION } from '../../version.js';

/** Flags of `loggd export` (after commander's parsing). */
export interface ExportFlags {
  out?: string;
  resources?: Resource[];
  from?: string;
  to?: string;
  bom?: boolean;
  strict?: boolean;
  full?: boolean;
  ics?: boolean;
  concurrency?: number;
  notesFolder?: string;
  noteName?: string;
}

/** --ics, else the context's format (EXPORT_FORMATS: json, ndjson, csv, ics, markdown). */
function formatOf(ctx: CommandContext, flags: ExportFlags): ExportFormat {
  return flags.ics ? 'ics' : (ctx.format as ExportFormat);
}

/** `loggd export --out DIR`: the whole account into files, incremental and resumable. */
export async function runExport(ctx: CommandContext, flags: ExportFlags): Promise<number> {
  if (!flags.out)
    throw usageError('missing --out DIR: the folder to export into', 'e.g. --out ~/loggd-export');
  checkRange(flags.from, flags.to);
  await (await import('../../fs-errors.js')).checkFolderFlag('--out', resolve(flags.out));
  const format = formatOf(ctx, flags);
  const out = resolve(flags.out);
  const result = await runAccountJob(ctx, 'export interrupted: run it again to resume', async (run) =>
    exportAccount({
      ...run,
      out,
      format,
      resources: new Set(flags.resources ?? RESOURCES),
      from: flags.from,
      to: flags.to,
      bom: Boolean(flags.bom),
      strict: Boolean(flags.strict),
      full: Boolean(flags.full),
      concurrency: flags.concurrency ?? 4,
      toolVersion: VERSION,
      source: await (await import('../../context.js')).sourceOf(ctx, run.client),
      // --demo data never came from the real API: the manifest must not say it did.
      ...(ctx.opts.demo ? { apiBase: 'demo:in-process-mock' } : {}),
      onNote: (message) => ctx.io.stderr.write(`note: ${message}\n`),
      ...(flags.notesFolder !== undefined ? { notesFolder: flags.notesFolder } : {}),
      ...(flags.noteName !== undefined ? { noteName: flags.noteName } : {}),
    }),
  );
  ctx.io.stderr.write(summary(flags.out, result));
  return EXIT.ok;
}

function summary(out: string, r: ExportResult): string {
  const lines: string[] = [];
  for (const [resource, message] of Object.entries(r.skipped)) {
    lines.push(`skipped ${resource}: ${message}`);
  }
  const counts = Object.entries(r.changes).map(
    ([file, c]) => `${file.replace(/\.(ndjson|json)$/, '')} ${c.total}`,
  );
  const fetched = Object.entries(r.changes)
    .filter(([, c]) => c.fetched > 0)
    .map(([file, c]) => `${file.replace(/\.(ndjson|json)$/, '')} ${c.fetched}`);
  if (r.notes) {
    lines.push(
      `${r.resumed ? 'resumed and exported' : 'exported'} ${r.notes.written + r.notes.unchanged} daily notes to ${out}: ${r.notes.written} written, ${r.notes.unchanged} already up to date`,
      `  fetched this run: ${fetched.join(', ') || 'nothing new'}`,
      `  ${r.requests} requests, ${r.retries} retries, ${(r.elapsedMs / 1000).toFixed(1)} s`,
    );
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${r.resumed ? 'resumed and exported' : 'exported'} to ${out}: ${Object.keys(r.manifest.files).length} files`,
    `  items: ${counts.join(', ') || 'none'}`,
    `  fetched this run: ${fetched.join(', ') || 'nothing new'}`,
    `  ${r.requests} requests, ${r.retries} retries, ${(r.elapsedMs / 1000).toFixed(1)} s`,
  );
  return `${lines.join('\n')}\n`;
}
