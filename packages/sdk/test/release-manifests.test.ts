import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// What must hold before a release, read from the files the release tools use: the three package manifests, the
// pending changesets and typedoc.json. The tarball-level checks (publint, attw, npm install) run outside vitest:
// `pnpm run check:packages` and `pnpm run test:pack`.

const root = new URL('../../../', import.meta.url);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const PUBLISHED = ['sdk', 'mock', 'mcp', 'cli'] as const;
const manifests = Object.fromEntries(PUBLISHED.map((dir) => [dir, readJson(`packages/${dir}/package.json`)]));

/** Every file a manifest points at: main/module/types, bin, and each `exports`/`imports` target. */
function targets(manifest: Record<string, any>): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') out.push(node);
    else if (node && typeof node === 'object') for (const value of Object.values(node)) walk(value);
  };
  walk([manifest.main, manifest.module, manifest.types, manifest.bin, manifest.exports, manifest.imports]);
  return out;
}

/** `>=22.12` → [22, 12]. */
function minimumNode(range: string): [number, number] {
  const match = /^>=\s*(\d+)(?:\.(\d+))?/.exec(range);
  expect(match, `engines.node "${range}" should be a ">=" range`).not.toBeNull();
  return [Number(match![1]), Number(match![2] ?? 0)];
}

describe('package manifests', () => {
  it.each(PUBLISHED)('@loggd/%s is publishable: named, versioned, licensed, ESM, dist only', (dir) => {
    const m = manifests[dir]!;
    expect(m.name).toBe(`@loggd/${dir}`);
    expect(m.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    expect(m.private).not.toBe(true);
    expect(m.license).toBe(readJson('package.json').license);
    expect(m.type).toBe('module');
    expect(m.files).toContain('dist');
    // Users need Node ≥ 22 (CONTRIBUTING.md); no package may demand less or silently more than 22.x.
    expect(minimumNode(m.engines.node)[0]).toBe(22);
  });

  it.each(PUBLISHED)('@loggd/%s depends on the other packages through workspace:* only', (dir) => {
    const deps: Record<string, string> = manifests[dir]!.dependencies ?? {};
    for (const [name, range] of Object.entries(deps)) {
      if (name.startsWith('@loggd/')) expect(range, name).toBe('workspace:*');
    }
  });

  for (const dir of PUBLISHED) {
    const dist = new URL(`packages/${dir}/dist/`, root);
    const built = existsSync(dist) && readdirSync(dist).length > 0; // `pnpm test` builds first
    it.skipIf(!built)(`every file @loggd/${dir} points at exists in the build`, () => {
      const files = targets(manifests[dir]!);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(existsSync(new URL(`packages/${dir}/${file}`, root)), file).toBe(true);
    });
  }
});

describe('changesets', () => {
  const config = readJson('.changeset/config.json');
  const pending = readdirSync(new URL('.changeset/', root)).filter(
    (f) => f.endsWith('.md') && f !== 'README.md',
  );

  it('publishes scoped packages publicly and never ignores a published one', () => {
    expect(config.access).toBe('public');
    for (const dir of PUBLISHED) expect(config.ignore).not.toContain(`@loggd/${dir}`);
  });

  it('every pending changeset bumps only published packages, with a valid bump and a summary', () => {
    const names = new Set(PUBLISHED.map((dir) => `@loggd/${dir}`));
    for (const file of pending) {
      const text = readFileSync(new URL(`.changeset/${file}`, root), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      expect(match, `${file} has a front matter`).not.toBeNull();
      const bumps = match![1]!.split('\n').filter((l) => l.trim() !== '');
      expect(bumps.length, file).toBeGreaterThan(0);
      for (const line of bumps) {
        const [, name, bump] = /^"([^"]+)":\s*(\w+)$/.exec(line.trim()) ?? [];
        expect(names.has(name ?? ''), `${file}: ${line}`).toBe(true);
        expect(['patch', 'minor', 'major'], `${file}: ${line}`).toContain(bump);
      }
      expect(match![2]!.trim().length, `${file} summary`).toBeGreaterThan(0);
    }
  });
});

describe('typedoc', () => {
  it('documents one entry point per public subpath of @loggd/sdk, and each exists', () => {
    const typedoc = readJson('typedoc.json');
    const subpaths = Object.keys(manifests.sdk!.exports).filter((p) => p !== './package.json');
    expect(typedoc.entryPoints).toHaveLength(subpaths.length);
    for (const entry of typedoc.entryPoints) expect(existsSync(new URL(entry, root)), entry).toBe(true);
    expect(readFileSync(new URL('.gitignore', root), 'utf8')).toMatch(new RegExp(`^${typedoc.out}/?$`, 'm'));
  });
});
