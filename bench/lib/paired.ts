// Side-by-side timing for benches whose two sides run in one process: on a shared machine the load moves within
// seconds, so timing all baseline rounds and then all of ours lets a load change land on one side only. Here each
// round times the baseline and ours back to back (the order alternating), and the ratio is the median of the
// per-round ratios; the medians of each side are printed beside it.

export interface Paired {
  /** Median over the rounds of ours ÷ baseline measured back to back. */
  ratio: number;
  /** Median milliseconds per round of each side. */
  ours: number;
  baseline: number;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Times `rounds` pairs (after one warm-up of each side), each on a `fresh()` copy of the data. */
export function pairedRounds<D>(
  baseline: (d: D) => unknown,
  ours: (d: D) => unknown,
  fresh: () => D,
  rounds: number,
): Paired {
  const once = (fn: (d: D) => unknown) => {
    const d = fresh();
    const t0 = performance.now();
    fn(d);
    return performance.now() - t0;
  };
  once(baseline);
  once(ours);
  const b: number[] = [];
  const o: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let tb: number;
    let to: number;
    if (i % 2 === 0) {
      tb = once(baseline);
      to = once(ours);
    } else {
      to = once(ours);
      tb = once(baseline);
    }
    b.push(tb);
    o.push(to);
    r.push(to / tb);
  }
  return { ratio: median(r), ours: median(o), baseline: median(b) };
}
