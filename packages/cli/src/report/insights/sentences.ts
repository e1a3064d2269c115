import type { AtRisk } from './at-risk.js';
import type { FocusFinding } from './focus-link.js';
import type { GoalForecast } from './goal-forecast.js';
import type { TrendFinding, WeekdayFinding } from './habit-patterns.js';
import type { PairFinding } from './pairs.js';

/*
 * Findings in plain words. Each sentence states what the numbers support and no more: an effect with its size,
 * its p (and the corrected q where many were tested) and its n; "too little data" where that is the answer.
 */

/** `31 %` (issue style: a space before the sign). */
export function percent(x: number): string {
  return `${Math.round(x * 100)} %`;
}

/** `p < 0.001`, `p < 0.01`, `p = 0.03`. */
export function pText(p: number, name = 'p'): string {
  if (p < 0.001) return `${name} < 0.001`;
  if (p < 0.01) return `${name} < 0.01`;
  return `${name} = ${p.toFixed(2)}`;
}

const points = (x: number) => `${Math.round(Math.abs(x) * 100)}`;
const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** "Meditate is done 31 % more often on days Morning Exercise is done (…)". */
export function pairSentence(f: PairFinding, tested: number): string {
  const stats = `${percent(f.rate_with)} vs ${percent(f.rate_without)} of days; φ = ${f.phi.toFixed(2)}, ${pText(f.p)}, ${pText(f.q, 'q')} over ${tested} pair${tested === 1 ? '' : 's'}, n = ${f.n} days`;
  if (f.phi > 0 && f.rate_without === 0)
    return `${f.b.name} is done only on days ${f.a.name} is done too (${stats}).`;
  const ratio = f.rate_with / f.rate_without;
  if (f.phi > 0 && ratio >= 2)
    return `${f.b.name} is done ${ratio.toFixed(1)}× as often on days ${f.a.name} is done (${stats}).`;
  if (f.phi > 0)
    return `${f.b.name} is done ${percent(ratio - 1)} more often on days ${f.a.name} is done (${stats}).`;
  return `${f.b.name} is done ${percent(1 - f.rate_with / f.rate_without)} less often on days ${f.a.name} is done (${stats}).`;
}

/** "On days you do Morning Exercise you focus 38 min more (…)". */
export function focusSentence(f: FocusFinding, tested: number): string {
  const diff = f.minutes_done - f.minutes_not_done;
  const stats = `${Math.round(f.minutes_done)} vs ${Math.round(f.minutes_not_done)} min; r = ${f.r.toFixed(2)}, permutation ${pText(f.p)}, ${pText(f.q, 'q')} over ${tested} habit${tested === 1 ? '' : 's'}, n = ${f.n} days`;
  return `On days you do ${f.habit.name} you focus ${Math.round(Math.abs(diff))} min ${diff >= 0 ? 'more' : 'less'} (${stats}).`;
}

/** The best and worst weekday when they clearly differ. */
export function weekdaySentence(name: string, w: WeekdayFinding): string | null {
  if (!w.difference?.clear || !w.best || !w.worst) return null;
  const rate = (day: string) => w.weekdays.find((x) => x.weekday === day)!.rate!;
  const [lo, hi] = w.difference.ci;
  return `${name}: best on ${cap(w.best)}s (${percent(rate(w.best))}), worst on ${cap(w.worst)}s (${percent(rate(w.worst))}): ${points(w.difference.estimate)} points apart (${Math.round(w.difference.confidence * 1000) / 10} % interval ${points(lo)}–${points(hi)}, allowing for every weekday pair and habit).`;
}

/** A clear rise or fall over the last weeks. */
export function trendSentence(name: string, t: TrendFinding): string | null {
  if (!t.change || (t.direction !== 'up' && t.direction !== 'down')) return null;
  const [lo, hi] = t.change.ci;
  return `${name}: ${t.direction} from ${percent(t.previous.rate!)} to ${percent(t.recent.rate!)} in the last 4 weeks (${t.change.estimate > 0 ? '+' : '−'}${points(t.change.estimate)} points, ${Math.round(t.change.confidence * 1000) / 10} % interval ${lo < 0 ? '−' : ''}${points(lo)} to ${hi < 0 ? '−' : ''}${points(hi)}; ${t.recent.days} vs ${t.previous.days} days).`;
}

/** "Morning Exercise: 14-day streak at risk, due today and not checked yet (usually done by 07:40)". */
export function atRiskSentence(a: AtRisk): string {
  const when = a.unit === 'day' ? 'due today' : 'this week’s target not met yet';
  return `${a.name}: ${a.streak}-${a.unit} streak at risk, ${when}${a.unit === 'day' ? ' and not checked yet' : ''}${a.usually_by ? ` (usually done by ${a.usually_by})` : ''}.`;
}

/** A goal's forecast in words (every verdict has one, "too few updates" included). */
export function goalSentence(g: GoalForecast): string {
  const unit = g.unit ? ` ${g.unit}` : '';
  const range = g.interval ? ` (95 % interval ${g.interval[0]} to ${g.interval[1]})` : '';
  const rate =
    g.rate_per_day === null
      ? ''
      : `; ${fmt(g.rate_per_day * 7)}${unit} a week over ${g.updates_used} updates`;
  switch (g.verdict) {
    case 'reached':
      return `${g.title}: target of ${fmt(g.target)}${unit} reached.`;
    case 'ahead':
      return `${g.title}: projected to reach ${fmt(g.target)}${unit} on ${g.projected}${range}, ${g.days} days ahead of its ${g.target_date} end date${rate}.`;
    case 'behind':
      return `${g.title}: projected to reach ${fmt(g.target)}${unit} on ${g.projected}${range}, ${-g.days!} days behind its ${g.target_date} end date${rate}.`;
    case 'on_track':
      return `${g.title}: on track, projected ${g.projected}${range} for its ${g.target_date} end date${rate}.`;
    case 'projected':
      return `${g.title}: projected to reach ${fmt(g.target)}${unit} on ${g.projected}${range}${rate}.`;
    case 'uncertain':
      return `${g.title}: too uncertain to date: over ${g.updates_used} updates the trend is not clearly moving (a date of ${g.projected} cannot be bounded).`;
    case 'stalled':
      return `${g.title}: not moving toward ${fmt(g.target)}${unit} over the last updates${rate}.`;
    case 'no_data':
      return `${g.title}: too few recent updates to forecast (${g.updates_used}; needs 3 on two days or more).`;
  }
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) < 10 ? 2 : 1);
}
