// Cost of `loggd insights --period all` (every figure: weekday rates, times of day, trends, strength, all habit
// pairs with Fisher's test and BH, habit ↔ focus permutation tests, streaks at risk, goal forecasts) on a 3-year
// mock account holding ≥ 1M habit checks (100k with --quick), against a baseline that makes one plain pass over
// the same checks (each check's date placed on a day counter and its checked_at on a minute-of-day counter: the
// two fields insights read). An op is one check. Prints
//   `insights: ratio X.XX (ours N ops/s vs baseline M ops/s)`: the account is generated once, before anything is
//   timed; both sides then run in this process on fresh copies of the same loaded data (cold caches each round);
//   `insights memory: ratio X.XX (…)`: each side once in its own child process that loads the same account
//   (v8-serialized by this one); on Linux the peak is reset after loading (/proc/self/clear_refs), so it is the
//   peak while computing. The aim (issue #12): time ≤ 3×, memory ≤ 2× the data held.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pairedRounds } from './lib/paired.ts';
import { resolveTsSources } from './lib/ts-sources.ts';

resolveTsSources();

const src = (p: string) => new URL(`../packages/cli/src/${p}`, import.meta.url).href;
const { buildInsights } = (await import(
  src('report/sections/insights.ts')
)) as typeof import('../packages/cli/src/report/sections/insights.ts');
const { firstDataDay } = (await import(
  src('report/insights/index.ts')
)) as typeof import('../packages/cli/src/report/insights/index.ts');
const { dayOf } = (await import(
  src('report/compute/calendar.ts')
)) as typeof import('../packages/cli/src/report/compute/calendar.ts');
const { instantOf } = (await import(
  src('time/instant.ts')
)) as typeof import('../packages/cli/src/time/instant.ts');
const { localDayOfInstant, localMinuteOfInstant } = (await import(
  src('time/zone.ts')
)) as typeof import('../packages/cli/src/time/zone.ts');

type Data = import('../packages/cli/src/report/insights/index.ts').InsightsData & {
  checkTimes: Map<number, string[]>;
};
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
  const perScale = demoChecks(generateDataset({ seed: 1, now: NOW, scale: 2, years: 3 })) / 2;
  let scale = Math.ceil((target / perScale) * 1.02);
  let dataset = generateDataset({ seed: 1, now: NOW, scale, years: 3 });
  while (demoChecks(dataset) < target) {
    scale = Math.ceil(scale * (target / demoChecks(dataset)) * 1.02);
    dataset = generateDataset({ seed: 1, now: NOW, scale, years: 3 });
  }
  const account = dataset.accounts[0]!;
  // What load.ts hands insights: checks as dates, with their checked_at alongside.
  const data: Data = {
    habits: account.habits,
    checks: new Map([...account.checks].map(([id, rows]) => [id, rows.map((r) => r.date)])),
    checkTimes: new Map([...account.checks].map(([id, rows]) => [id, rows.map((r) => r.checked_at)])),
    skips: new Map([...account.skips].map(([id, rows]) => [id, rows.map((r) => r.date)])),
    tasks: [],
    goals: account.goals,
    goalUpdates: account.goalUpdates,
    focus: account.focusSessions,
  };
  return { data, zone: account.profile.timezone, scale, checks: demoChecks(dataset) };
}

function sides(zone: string) {
  const today = localDayOfInstant(NOW.getTime(), zone);
  const settings = { zone, weekStart: 0, dayStartsAt: 0, today };
  const first = today - 3 * 366;

  /** One plain pass over the checks: each date on a day counter, each checked_at on a minute counter. */
  function baseline(d: Data): number {
    const days = new Int32Array(today - first + 400);
    const minutes = new Int32Array(1440);
    for (const [id, list] of d.checks) {
      const times = d.checkTimes.get(id)!;
      for (let i = 0; i < list.length; i++) {
        days[Math.max(0, dayOf(list[i]!) - first + 1)]!++;
        minutes[localMinuteOfInstant(instantOf(times[i]!), zone)]!++;
      }
    }
    return days.reduce((a, b) => a + b, 0) + minutes[0]!;
  }

  /** `loggd insights --period all`, as JSON. */
  function ours(data: Data): number {
    const from = firstDataDay(data) ?? today;
    const built = buildInsights(data, { from, to: today }, settings, {
      seed: 12,
      label: 'all history',
      explain: false,
    });
    if (process.env.INSIGHTS_BENCH_DEBUG && !childSide) {
      const j = built.json as { pairs: { tested: number }; focus: { tested: number }; findings: unknown[] };
      console.log(`  pairs ${j.pairs.tested}, focus ${j.focus.tested}, findings ${j.findings.length}`);
    }
    return JSON.stringify(built.json).length;
  }
  return { baseline, ours };
}

if (childSide) {
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
  sides(loaded.zone)[childSide as 'ours' | 'baseline'](loaded.data);
  const peak = reset ? statusMb('VmHWM') : process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ before, peak, reset }));
  process.exit(0);
}

const { data, zone, scale, checks } = await generate();
const { baseline, ours } = sides(zone);
const habits = data.habits.length;

// The habit figures are cached per history array: every round gets fresh arrays, so each measures a cold run.
const fresh = (): Data => ({
  ...data,
  checks: new Map([...data.checks].map(([id, list]) => [id, list.slice()])),
  checkTimes: new Map([...data.checkTimes].map(([id, list]) => [id, list.slice()])),
  skips: new Map([...data.skips].map(([id, list]) => [id, list.slice()])),
  goalUpdates: new Map([...data.goalUpdates].map(([id, list]) => [id, list.slice()])),
  focus: data.focus.map((s) => ({ ...s })),
});
const rounds = quick ? 3 : 7;
const { ratio, ours: mine, baseline: base } = pairedRounds(baseline, ours, fresh, rounds);
const ops = (ms: number) => Math.round((checks / ms) * 1000);
console.log(
  `insights (scale ${scale}, 3 years, ${habits} habits, ${checks} checks): ratio ${ratio.toFixed(2)} ` +
    `(ours ${ops(mine)} ops/s vs baseline ${ops(base)} ops/s; median ${mine.toFixed(0)} ms vs ${base.toFixed(0)} ms per round, ${rounds} rounds back to back)`,
);

const dir = mkdtempSync(join(tmpdir(), 'loggd-insights-bench-'));
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
  // The aim is against the data held: the loaded account (~before) plus what the plain pass adds.
  console.log(
    `insights memory: ratio ${(o.peak / b.peak).toFixed(2)} (ours peak ${f(o.peak)} MB vs baseline peak ${f(b.peak)} MB; ` +
      (o.reset
        ? `computing the insights adds ${f(o.peak - o.before)} MB and the plain pass ${f(b.peak - b.before)} MB to the ~${f(o.before)} MB of the loaded account)`
        : 'process peaks, loading included: no /proc/self/clear_refs here)'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
