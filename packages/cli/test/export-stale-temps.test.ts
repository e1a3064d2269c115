import { spawnSync } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { client, filesOf, mockApi, runExport, tempDir } from './export.support.js';

/** Every file under `dir`, relative, at any depth. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('export after a kill -9 during the commit', () => {
  it('removes the temp files the dead run left half-written, and exports as usual', async () => {
    const out = await tempDir();
    await runExport(client(mockApi()), out);
    const before = await filesOf(out);

    // What a run killed mid-write leaves: temps named for its (now dead) pid.
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    const state = join(out, '.loggd-export');
    await writeFile(join(state, `commit.json.tmp-${dead}`), '{"moves":[["a","b"]');
    await mkdir(join(state, 'store'), { recursive: true });
    await writeFile(join(state, 'store', `habits.ndjson.tmp-${dead}`), '{"id":1');

    await runExport(client(mockApi()), out);
    expect((await tree(out)).filter((f) => /\.tmp-\d+$/.test(f))).toEqual([]);
    expect(await filesOf(out)).toEqual(before);
  });
});
