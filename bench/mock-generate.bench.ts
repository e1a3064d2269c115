// Cost of generating the mock's demo dataset at the scale that holds ≥ 1M habit checks (100k with --quick),
// against a baseline that allocates the same number of small `{ id, date }` objects into an array.
// Each side runs in its own child process so peak RSS (process.resourceUsage().maxRSS) is its own.
// Prints `name: ratio X.XX (ours N ops/s vs baseline M ops/s)`, an op being one check (or one baseline
// object); the ratio is our time over the baseline's. A second line compares the memory each side added.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolveTsSources } from './lib/ts-sources.ts';

type Generate = (options: { seed?: number; now?: Date; scale?: number; years?: number }) => {
  accounts: { checks: Map<number, unknown[]> }[];
};

interface Sample {
  ms: number;
  records: number;
  /** RSS before the work, and the process's peak RSS, in MB. */
  startRss: number;
  peakRss: number;
  source?: string;
}

const NOW = new Date('2026-04-08T12:00:00Z');
const quick = process.argv.includes('--quick');
const target = quick ? 100_000 : 1_000_000;
const childMode = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);

/** The built package when it exports the generator, else the source (resolving its `.js` imports to `.ts`). */
async function loadGenerate(): Promise<{ generate: Generate; source: string }> {
  try {
    const built = (await import('@loggd/mock')) as { generateDataset?: Generate };
    if (typeof built.generateDataset === 'function')
      return { generate: built.generateDataset, source: '@loggd/mock' };
  } catch {
    // Not built yet: fall back to the source below.
  }
  resolveTsSources();
  const source = new URL('../packages/mock/src/data/generate.ts', import.meta.url).href;
  const src = (await import(source)) as { generateDataset: Generate };
  return { generate: src.generateDataset, source: 'packages/mock/src' };
}

function countChecks(dataset: ReturnType<Generate>): number {
  let n = 0;
  for (const account of dataset.accounts) for (const list of account.checks.values()) n += list.length;
  return n;
}

const mb = (bytes: number) => bytes / 1_048_576;

async function runChild(mode: string): Promise<Sample> {
  if (mode === 'baseline') {
    const count = Number(process.argv.find((a) => a.startsWith('--count='))!.slice(8));
    const dates = Array.from({ length: 366 }, (_, i) =>
      new Date(Date.UTC(2025, 3, 8 + i)).toISOString().slice(0, 10),
    );
    const startRss = mb(process.memoryUsage().rss);
    const t0 = performance.now();
    const items: { id: number; date: string }[] = [];
    for (let i = 0; i < count; i++) items.push({ id: i + 1, date: dates[i % dates.length]! });
    const ms = performance.now() - t0;
    return { ms, records: items.length, startRss, peakRss: process.resourceUsage().maxRSS / 1024 };
  }
  const scale = Number(process.argv.find((a) => a.startsWith('--scale='))!.slice(8));
  const { generate, source } = await loadGenerate();
  const startRss = mb(process.memoryUsage().rss);
  const t0 = performance.now();
  const dataset = generate({ seed: 1, now: NOW, scale });
  const ms = performance.now() - t0;
  return {
    ms,
    records: countChecks(dataset),
    startRss,
    peakRss: process.resourceUsage().maxRSS / 1024,
    source,
  };
}

function spawnChild(args: string[], nodeFlags: string[] = []): Sample {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [...nodeFlags, self, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`child ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Sample;
}

if (childMode) {
  console.log(JSON.stringify(await runChild(childMode)));
} else {
  // Checks grow linearly with scale: size the run from a small calibration, then confirm the count.
  const { generate } = await loadGenerate();
  const perScale = countChecks(generate({ seed: 1, now: NOW, scale: 4 })) / 4;
  let scale = Math.ceil((target / perScale) * 1.02);
  let ours = spawnChild([`--child=ours`, `--scale=${scale}`]);
  while (ours.records < target) {
    scale = Math.ceil(scale * (target / ours.records) * 1.02);
    ours = spawnChild([`--child=ours`, `--scale=${scale}`]);
  }
  const base = spawnChild([`--child=baseline`, `--count=${ours.records}`]);
  const opsOurs = (ours.records / ours.ms) * 1000;
  const opsBase = (base.records / base.ms) * 1000;
  const addedOurs = ours.peakRss - ours.startRss;
  const addedBase = base.peakRss - base.startRss;
  console.log(
    `mock-generate (scale ${scale}, ${ours.records} checks, from ${ours.source}): ratio ${(ours.ms / base.ms).toFixed(2)} ` +
      `(ours ${Math.round(opsOurs)} ops/s vs baseline ${Math.round(opsBase)} ops/s; ${(ours.ms / 1000).toFixed(2)} s vs ${(base.ms / 1000).toFixed(2)} s)`,
  );
  console.log(
    `mock-generate memory: ratio ${(addedOurs / addedBase).toFixed(2)} (ours +${addedOurs.toFixed(0)} MB, peak RSS ` +
      `${ours.peakRss.toFixed(0)} MB vs baseline +${addedBase.toFixed(0)} MB, peak RSS ${base.peakRss.toFixed(0)} MB)`,
  );
  // Nearly every generated record survives, which makes V8 grow the young generation to its maximum; a small
  // semi-space is both faster and leaner here, so show what an embedder can get with that one flag.
  const tuned = spawnChild([`--child=ours`, `--scale=${scale}`], ['--max-semi-space-size=8']);
  console.log(
    `mock-generate (--max-semi-space-size=8): ratio ${(tuned.ms / base.ms).toFixed(2)} ` +
      `(ours ${Math.round((tuned.records / tuned.ms) * 1000)} ops/s vs baseline ${Math.round(opsBase)} ops/s; ` +
      `${(tuned.ms / 1000).toFixed(2)} s, peak RSS ${tuned.peakRss.toFixed(0)} MB)`,
  );
}
