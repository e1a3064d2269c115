import { readFile } from 'node:fs/promises';
import { readLines } from '../files.js';
import { STORE_FILES } from '../layout.js';
import { output, type RenderContext, storePath } from './context.js';

/** Store files per resource (the profile is a single object, written as profile.json in both formats). */
export const RESOURCE_STORE_FILES = {
  profile: [STORE_FILES.profile],
  habits: [STORE_FILES.habits, STORE_FILES.checks, STORE_FILES.skips],
  tasks: [STORE_FILES.tasks],
  goals: [STORE_FILES.goals, STORE_FILES.updates],
  focus_sessions: [STORE_FILES.focus],
} as const;

/**
 * JSON and NDJSON: the canonical store as is (one API object per line, children led by their parent's id), or
 * as one JSON array per file, streamed line by line.
 */
export async function renderJson(ctx: RenderContext, format: 'json' | 'ndjson'): Promise<void> {
  for (const resource of ctx.resources) {
    for (const file of RESOURCE_STORE_FILES[resource]) {
      const path = await storePath(ctx, file);
      if (file === STORE_FILES.profile) {
        let profile: string;
        try {
          profile = await readFile(path, 'utf8');
        } catch {
          continue;
        }
        const { w, finish } = await output(ctx, file);
        await w.write(`${JSON.stringify(JSON.parse(profile), null, 2)}\n`);
        await finish(1);
        continue;
      }
      const name = format === 'json' ? file.replace(/\.ndjson$/, '.json') : file;
      const { w, finish } = await output(ctx, name);
      let count = 0;
      if (format === 'json') await w.write('[');
      for await (const line of readLines(path)) {
        if (format === 'json') await w.write(count === 0 ? `\n${line}` : `,\n${line}`);
        else await w.line(line);
        count++;
      }
      if (format === 'json') await w.write(count === 0 ? ']\n' : '\n]\n');
      await finish(count);
    }
  }
}
