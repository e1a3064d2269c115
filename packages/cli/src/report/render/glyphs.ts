const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A horizontal bar of `value ÷ max` over `width` cells, with eighth-cell precision. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0 || width <= 0) return '';
  const eighths = Math.round((value / max) * width * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** A sparkline: one block character per value, scaled to the largest. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((v) => (max <= 0 || v <= 0 ? ' ' : SPARKS[Math.min(7, Math.floor((v / max) * 7.999))]))
    .join('');
}

/** Heat level 0…4 of a rate (0 only when nothing was done). */
export function heatLevel(rate: number): number {
  if (rate <= 0) return 0;
  return Math.min(4, 1 + Math.floor(rate * 3.999));
}
