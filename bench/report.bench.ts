// Cost of building every `loggd report` (weekly, monthly, habits over the whole history, focus, tasks, goals)
// from a 3-year mock account holding ≥ 1M habit checks (100k with --quick), against a baseline that makes one
// plain pass over the same records (each check's, skip's, task's, session's and update's date placed on a day
// counter). An op is one record. Prints
//   `report: ratio X.XX (ours N ops/s vs baseline M ops/s)`: the account is generated once, before anything is
//   timed; both sides then run in this process on fresh copies of the same loaded data (cold caches each round);
//   `report memory: ratio X.XX (ours peak N MB vs baseline peak M MB)`: each side once in its own child process
//   that loads the same account (v8-serialized by this one), so generating it counts for neither; on Linux the
//   peak is reset after loading (/proc/self/clear_refs), so it is the peak while building.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pairedRounds } from './lib/paired.ts';
import { resolveTsSources } from './lib/ts-sources.ts';

// Package sources are imported straight from .ts.
resolveTsSources();

const src = (p: string) => new URL(`../packages/cli/src/${p}`, import.meta.url).href;
const { buildReport } = (await import(
  src('report/sections/index.ts')
)) as typeof import('../packages/cli/src/report/sections/index.ts');
const { dayOf } = (await import(
  src('report/compute/calendar.ts')
)) as typeof import('../packages/cli/src/report/compute/calendar.ts');
const { localDayOfInstant } = (await import(
  src('time/zone.ts')
)) as typeof import('../packages/cli/src/time/zone.ts');
const { monthPeriod, weekPeriod } = (await import(
  src('report/compute/period.ts')
)) as typeof import('../packages/cli/src/report/compute/period.ts');

type Data = import('../packages/cli/src/report/load.ts').LoadedReport;
/** What the parent hands a memory child. */
interface Loaded {
  data: Data;
  zone: string;
}

const NOW = new Date('2026-04-08T12:00:00Z');
const quick = process.argv.includes('--quick');
const childSide = process.argv.find((a) => a.startsWith('--memory-child='))?.slice('--memory-child='.length);
const status = () => readFileSync('/proc/self/status', 'utf8');
const statusMb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status())?.[1]) / 1024;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Generates the account (≥ target checks) and turns it into what load.ts hands the reports. */
async function generate(): Promise<Loaded & { scale: number; checks: number }> {
  const { generateDataset } = (await import(
    new URL('../packages/mock/src/data/generate.ts', import.meta.url).href
  )) as typeof import('../packages/mock/src/data/generate.ts');
  type Dataset = ReturnType<typeof generateDataset>;
  const demoChecks = (d: Dataset) => {
    let n = 0;
    for (const list of d.accounts[0]!.checks.values()) n += list.length;
    return n;
  };
  const target = quick ? 100_000 : 1_000_000;
  // Checks grow linearly with scale: size the account from a small calibration.
  const perScale = demoChecks(generateDataset({ seed: 1, now: NOW, scale: 2, years: 3 })) / 2;
  let scale = Math.ceil((target / perScale) * 1.02);
  let dataset = generateDataset({ seed: 1, now: NOW, scale, years: 3 });
  while (demoChecks(dataset) < target) {
    scale = Math.ceil(scale * (target / demoChecks(dataset)) * 1.02);
    dataset = generateDataset({ seed: 1, now: NOW, scale, years: 3 });
  }
  const account = dataset.accounts[0]!;
  // The API records, with checks and skips as their dates.
  const data: Data = {
    habits: account.habits,
    checks: new Map([...account.checks].map(([id, rows]) => [id, rows.map((r) => r.date)])),
    skips: new Map([...account.skips].map(([id, rows]) => [id, rows.map((r) => r.date)])),
    tasks: account.tasks,
    goals: account.goals,
    goalUpdates: account.goalUpdates,
    focus: account.focusSessions,
    habitNames: new Map(account.habits.map((h) => [h.id, h.name])),
    taskNames: new Map(account.tasks.map((t) => [t.id, t.title])),
  };
  return { data, zone: account.profile.timezone, scale, checks: demoChecks(dataset) };
}

function sides(zone: string) {
  const today = localDayOfInstant(NOW.getTime(), zone);
  const settings = { zone, weekStart: 0, dayStartsAt: 0, today };
  const first = today - 3 * 366;

  /** One plain pass: every record's day placed on a counter. */
  function baseline(d: Data): number {
    const counts = new Int32Array(today - first + 400);
    const at = (day: number) => Math.max(0, day - first + 1);
    for (const list of d.checks.values()) for (const x of list) counts[at(dayOf(x))]!++;
    for (const list of d.skips.values()) for (const x of list) counts[at(dayOf(x))]!++;
    for (const t of d.tasks) counts[at(localDayOfInstant(Date.parse(t.created_at), zone))]!++;
    for (const s of d.focus) counts[at(localDayOfInstant(Date.parse(s.started_at), zone))]!++;
    for (const list of d.goalUpdates.values())
      for (const u of list) counts[at(localDayOfInstant(Date.parse(u.update_date), zone))]!++;
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Every report with its default range, plus the habits heatmap over the whole history, as JSON. */
  function ours(data: Data): number {
    let size = 0;
    const week = weekPeriod(today, 0);
    const runs: [Parameters<typeof buildReport>[0], { from: number; to: number }, Record<string, unknown>][] =
      [
        ['weekly', week, {}],
        ['monthly', monthPeriod(today), {}],
        ['habits', { from: first, to: today }, {}],
        ['focus', { from: today - 13, to: today }, { by: 'day' }],
        ['focus', { from: first, to: today }, { by: 'month' }],
        ['tasks', { from: week.from - 77, to: week.to }, { by: 'week' }],
        ['goals', { from: today, to: today }, {}],
      ];
    for (const [kind, period, flags] of runs) {
      const t0 = performance.now();
      const built = buildReport(kind, data, period, settings, flags);
      size += JSON.stringify(built.json).length;
      if (process.env.REPORT_BENCH_DEBUG && !childSide)
        console.log(`  ${kind} ${(performance.now() - t0).toFixed(1)} ms`);
    }
    return size;
  }
  return { baseline, ours };
}

if (childSide) {
  // A memory child: load the account, settle, reset the peak, build, report the peak (MB) as JSON.
  const file = process.argv.at(-1)!;
  const loaded = deserialize(readFileSync(file)) as Loaded;
  gc();
  let reset = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5'); // VmHWM := current RSS
  } catch {
    reset = false;
  }
  const before = statusMb('VmRSS');
  const run = sides(loaded.zone)[childSide as 'ours' | 'baseline'];
  run(loaded.data);
  const peak = reset ? statusMb('VmHWM') : process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ before, peak, reset }));
  process.exit(0);
}

const { data, zone, scale, checks } = await generate();
let records = data.tasks.length + data.focus.length;
for (const list of data.checks.values()) records += list.length;
for (const list of data.skips.values()) records += list.length;
for (const list of data.goalUpdates.values()) records += list.length;
const { baseline, ours } = sides(zone);

// The reports index each history and place each task, session and goal update once per run (keyed by the
// array or object): every round gets fresh ones, so each round measures a cold run like one `loggd report`.
const fresh = (): Data => ({
  ...data,
  checks: new Map([...data.checks].map(([id, list]) => [id, list.slice()])),
  skips: new Map([...data.skips].map(([id, list]) => [id, list.slice()])),
  tasks: data.tasks.slice(),
  goalUpdates: new Map([...data.goalUpdates].map(([id, list]) => [id, list.slice()])),
  focus: data.focus.map((s) => ({ ...s })),
});
const rounds = quick ? 3 : 7;
const { ratio, ours: mine, baseline: base } = pairedRounds(baseline, ours, fresh, rounds);
const ops = (ms: number) => Math.round((records / ms) * 1000);
console.log(
  `report (scale ${scale}, 3 years, ${checks} checks, ${records} records): ratio ${ratio.toFixed(2)} ` +
    `(ours ${ops(mine)} ops/s vs baseline ${ops(base)} ops/s; median ${mine.toFixed(0)} ms vs ${base.toFixed(0)} ms per round, ${rounds} rounds back to back)`,
);

const dir = mkdtempSync(join(tmpdir(), 'loggd-report-bench-'));
try {
  const file = join(dir, 'account.bin');
  writeFileSync(file, serialize({ data, zone } satisfies Loaded));
  const measure = (side: 'ours' | 'baseline') => {
    const child = spawnSync(process.execPath, [process.argv[1]!, `--memory-child=${side}`, file], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`memory child (${side}) failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as { before: number; peak: number; reset: boolean };
  };
  const b = measure('baseline');
  const o = measure('ours');
  const f = (x: number) => x.toFixed(0);
  console.log(
    `report memory: ratio ${(o.peak / b.peak).toFixed(2)} (ours peak ${f(o.peak)} MB vs baseline peak ${f(b.peak)} MB; ` +
      (o.reset
        ? `building the reports adds ${f(o.peak - o.before)} MB and the plain pass ${f(b.peak - b.before)} MB to the ~${f(o.before)} MB of the loaded account)`
        : 'process peaks, loading included: no /proc/self/clear_refs here)'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
