// Display width of terminal text, matching what cli-table3 (string-width) measures for our content: ANSI codes
// take no room, wide East Asian characters and emoji take two cells, combining marks, variation selectors and
// zero-width joiners take none.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences is the point.
const ANSI = /\u001b\[[0-9;]*m/g;
const ZERO_WIDTH = /[\p{M}\u200b-\u200f]/u;
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u;

/** Strips ANSI colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Cells the text occupies in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of stripAnsi(text)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 32 || (cp >= 0x7f && cp < 0xa0) || cp === 0x200d || ZERO_WIDTH.test(ch)) continue;
    width += WIDE.test(ch) && !(cp < 0x2000) ? 2 : 1;
  }
  return width;
}

/** Truncates plain text to at most `max` cells, ending with … when cut. */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}
