const NAMED: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
};

// C0 controls, DEL and the C1 range (U+0080–U+009F: 8-bit CSI and friends), plus bidi overrides that reorder text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes API text safe to print on a terminal: ESC sequences, BEL, TAB, newlines and other control characters are
 * shown as visible escapes (`\e`, `\a`, `\t`, `\n`, `\x9b`, `\u202e`), so data can neither drive the terminal nor
 * break a table's rows and columns. JSON and CSV keep the original text.
 *
 * @example escapeControl('Evil\x1b]0;pwned\x07') // 'Evil\\e]0;pwned\\a'
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** escapeControl on every string inside a value (keys included), leaving the shape as it is. */
export function escapeDeep<T>(value: T): T {
  if (typeof value === 'string') return escapeControl(value) as T;
  if (Array.isArray(value)) return value.map(escapeDeep) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [escapeControl(k), escapeDeep(v)]),
    ) as T;
  }
  return value;
}
