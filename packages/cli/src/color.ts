/** The colour decision: flag, then NO_COLOR, then FORCE_COLOR / CLICOLOR_FORCE, then CLICOLOR=0, then the TTY. */
export type ColorMode = 'auto' | 'always' | 'never';

/**
 * Resolves whether to colour output. chalk does not read NO_COLOR itself, so this is the single place that does;
 * the result feeds `new Chalk({ level })`.
 */
export function resolveColor(
  mode: ColorMode | undefined,
  env: Record<string, string | undefined>,
  isTTY: boolean,
): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR ?? env.CLICOLOR_FORCE;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.CLICOLOR === '0') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/** The chalk level for a colour decision: 0 off, 3 with COLORTERM=truecolor, else 256 colours. */
export function colorLevel(color: boolean, env: Record<string, string | undefined>): 0 | 1 | 2 | 3 {
  if (!color) return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  return 2;
}
