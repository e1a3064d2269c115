// Cost of building every `loggd report` (weekly, monthly, habits over the whole history, focus, tasks, goals)
// from a 3-year mock account holding ≥ 1M habit checks (100k with --quick), against a baseline that makes one
// plain pass over the same records (each check's, skip's, task's, session's and update's date placed on a day
// counter). Both run in this process on the same data; an op is one record. Prints
// `report: ratio X.XX (ours N ops/s vs baseline M ops/s)` and the peak RSS.
import { registerHooks } from 'node:module';

// The CLI's report code is imported from source: its `.js` specifiers resolve to the `.ts` files.
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
        return next(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw error;
    }
  },
});

const src = (p: string) => new URL(`../packages/cli/src/${p}`, import.meta.url).href;
const { generateDataset } = (await import(
  new URL('../packages/mock/src/data/generate.ts', import.meta.url).href
)) as typeof import('../packages/mock/src/data/generate.ts');
const { buildReport } = (await import(
  src('report/build/index.ts')
)) as typeof import('../packages/cli/src/report/build/index.ts');
const { dayOf } = (await import(
  src('report/compute/calendar.ts')
)) as typeof import('../packages/cli/src/report/compute/calendar.ts');
const { localDayOfInstant } = (await import(
  src('report/compute/zone.ts')
)) as typeof import('../packages/cli/src/report/compute/zone.ts');
const { monthPeriod, weekPeriod } = (await import(
  src('report/compute/period.ts')
)) as typeof import('../packages/cli/src/report/compute/period.ts');

const NOW = new Date('2026-04-08T12:00:00Z');
const quick = process.argv.includes('--quick');
const target = quick ? 100_000 : 1_000_000;
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(0);

type Dataset = ReturnType<typeof generateDataset>;
const demoChecks = (d: Dataset) => {
  let n = 0;
  for (const list of d.accounts[0]!.checks.values()) n += list.length;
  return n;
};

// Checks grow linearly with scale: size the account from a small calibration.
const perScale = demoChecks(generateDataset({ seed: 1, now: NOW, scale: 2, years: 3 })) / 2;
let scale = Math.ceil((target / perScale) * 1.02);
let dataset = generateDataset({ seed: 1, now: NOW, scale, years: 3 });
while (demoChecks(dataset) < target) {
  scale = Math.ceil(scale * (target / demoChecks(dataset)) * 1.02);
  dataset = generateDataset({ seed: 1, now: NOW, scale, years: 3 });
}
const account = dataset.accounts[0]!;
// What load.ts hands the reports: the API records, with checks and skips as their dates.
const data = {
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
let records = account.tasks.length + account.focusSessions.length;
for (const list of data.checks.values()) records += list.length;
for (const list of data.skips.values()) records += list.length;
for (const list of account.goalUpdates.values()) records += list.length;
type Data = typeof data & import('../packages/cli/src/report/load.ts').LoadedReport;
const checks = demoChecks(dataset);
dataset = undefined as never;

const zone = account.profile.timezone;
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

/** Every report with its default range, plus the habits heatmap over the whole history. */
function ours(data: Data): number {
  let size = 0;
  const week = weekPeriod(today, 0);
  const runs: [Parameters<typeof buildReport>[0], { from: number; to: number }, Record<string, unknown>][] = [
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
    if (process.env.REPORT_BENCH_DEBUG)
      console.log(`  ${kind} built ${(performance.now() - t0).toFixed(1)} ms`);
    size += JSON.stringify(built.json).length;
    if (process.env.REPORT_BENCH_DEBUG) console.log(`  ${kind} ${(performance.now() - t0).toFixed(1)} ms`);
  }
  return size;
}

// The reports index each history and place each session once per run (keyed by the array or object): every
// round gets fresh ones, so each
// round measures a cold run like one `loggd report` invocation.
const fresh = (): Data => ({
  ...data,
  checks: new Map([...data.checks].map(([id, list]) => [id, list.slice()])),
  skips: new Map([...data.skips].map(([id, list]) => [id, list.slice()])),
  focus: data.focus.map((s) => ({ ...s })),
});
const rounds = quick ? 2 : 3;
const time = (fn: (d: Data) => number) => {
  fn(fresh()); // warm-up
  let total = 0;
  for (let i = 0; i < rounds; i++) {
    const d = fresh();
    const t0 = performance.now();
    fn(d);
    total += performance.now() - t0;
  }
  return total / rounds;
};
const rssBefore = process.memoryUsage().rss;
const base = time(baseline);
const mine = time(ours);
const ops = (ms: number) => Math.round((records / ms) * 1000);
console.log(
  `report (scale ${scale}, 3 years, ${checks} checks, ${records} records): ratio ${(mine / base).toFixed(2)} ` +
    `(ours ${ops(mine)} ops/s vs baseline ${ops(base)} ops/s; ${mine.toFixed(0)} ms vs ${base.toFixed(0)} ms per round)`,
);
console.log(
  `report memory: peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB (RSS with the loaded account ${mb(rssBefore)} MB)`,
);
