import type { Command, Option } from 'commander';
import { CONFIG_KEYS } from '../config/keys.js';
import { peekSettings } from '../config/store.js';
import { configDirFor } from '../context.js';
import { HELP_TOPICS } from '../help-topics.js';
import { ALL_FORMATS, FORMAT_RULES, FORMATS } from '../output/format.js';
import type { IO } from '../types.js';

const SHELLS = ['bash', 'zsh', 'fish'];

/**
 * `loggd __complete <words…>`: the candidates for the last word (the one being typed, maybe empty), one per line,
 * given the words before it. The completion scripts call it, so the values always match this binary: commands,
 * options, each command's --format list, enum values (--status, --horizon, --by, --color…), stored profile names
 * and config keys. Prints nothing rather than failing: a completion must never spill errors into the prompt.
 */
export async function complete(program: Command, words: string[], io: IO): Promise<number> {
  try {
    for (const c of candidates(program, words, io.env)) io.stdout.write(`${c}\n`);
  } catch {
    // no candidates
  }
  return 0;
}

/** The candidates for `words` (the last one being the word under the cursor), filtered by its prefix. */
export function candidates(
  program: Command,
  words: string[],
  env: Record<string, string | undefined>,
): string[] {
  // bash splits `--format=js` at '=' (COMP_WORDBREAKS): rejoin it as `--format js`.
  const typed = words.filter((w, i) => !(w === '=' && words[i - 1]?.startsWith('-')));
  let current = typed.at(-1) ?? '';
  let cmd = program;
  let pending: Option | undefined;
  const positionals: string[] = [];
  for (const word of typed.slice(0, -1)) {
    if (pending) {
      pending = undefined;
      continue;
    }
    if (word === '--') break;
    if (word.startsWith('-') && word.length > 1) {
      const opt = findOption(cmd, word.split('=')[0]!);
      if (opt && (opt.required || opt.optional) && !word.includes('=')) pending = opt;
      continue;
    }
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (sub && !positionals.length) cmd = sub;
    else positionals.push(word);
  }
  let prefix = '';
  if (!pending && current.startsWith('--') && current.includes('=')) {
    // `--format=js` typed in one word (zsh, fish): complete the value, keeping the flag in front.
    const [flag, value] = [current.slice(0, current.indexOf('=')), current.slice(current.indexOf('=') + 1)];
    pending = findOption(cmd, flag);
    if (!pending) return [];
    prefix = `${flag}=`;
    current = value;
  }
  let found: readonly string[];
  if (pending) found = optionValues(pending, cmd, env);
  else if (current.startsWith('-')) found = optionNames(cmd);
  else {
    const values = argumentValues(cmd, positionals, env);
    found = [...subcommands(cmd), ...values];
    // An empty word lists the options too, unless an argument takes a value from a set (a shell, a key).
    if (!current && !values.length) found = [...found, ...optionNames(cmd)];
  }
  return found.filter((c) => c.startsWith(current)).map((c) => prefix + c);
}

function chain(cmd: Command): Command[] {
  const out: Command[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) out.push(c);
  return out;
}

function findOption(cmd: Command, flag: string): Option | undefined {
  for (const c of chain(cmd)) {
    const opt = c.options.find((o) => o.long === flag || o.short === flag);
    if (opt) return opt;
  }
  return undefined;
}

function optionNames(cmd: Command): string[] {
  return [
    ...new Set(
      chain(cmd).flatMap((c) => c.options.filter((o) => !o.hidden).map((o) => o.long ?? o.short ?? '')),
    ),
  ].filter(Boolean);
}

function subcommands(cmd: Command): string[] {
  return cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden).map((c) => c.name());
}

function descendants(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...descendants(c)]);
}

function pathOf(cmd: Command): string[] {
  return chain(cmd)
    .reverse()
    .slice(1)
    .map((c) => c.name());
}

function profiles(env: Record<string, string | undefined>): string[] {
  return Object.keys(peekSettings(configDirFor(env)).profiles ?? {}).sort();
}

/** The values an option takes: profiles, the command's formats, or the choices its parser accepts. */
function optionValues(opt: Option, cmd: Command, env: Record<string, string | undefined>): readonly string[] {
  if (opt.long === '--profile') return profiles(env);
  if (opt.long === '--format') {
    // The command's own rule (its declaration's), else every format its subcommands print.
    const own = FORMAT_RULES.get(cmd)?.accepts;
    if (own) return own;
    const below = new Set(descendants(cmd).flatMap((c) => FORMAT_RULES.get(c)?.accepts ?? []));
    return below.size > 0 ? ALL_FORMATS.filter((f) => below.has(f)) : ALL_FORMATS;
  }
  return (opt.parseArg as { choices?: readonly string[] } | undefined)?.choices ?? opt.argChoices ?? [];
}

/** Values of positional arguments that come from a fixed or stored set. */
function argumentValues(
  cmd: Command,
  before: string[],
  env: Record<string, string | undefined>,
): readonly string[] {
  const path = pathOf(cmd).join(' ');
  if (path === 'completion' && !before.length) return SHELLS;
  if (path === 'auth switch' && !before.length) return profiles(env);
  if (path === 'help' && !before.length) return [...Object.keys(HELP_TOPICS), ...subcommands(cmd.parent!)];
  if (['config get', 'config set', 'config unset'].includes(path) && !before.length)
    return Object.keys(CONFIG_KEYS);
  if (path === 'config set' && before.length === 1) {
    if (before[0] === 'format') return FORMATS;
    if (before[0] === 'color') return ['auto', 'always', 'never'];
  }
  return [];
}
