import type { Command } from 'commander';
import { usageError } from './errors.js';

/** A field list as `--fields` takes it: `id,name`, `recurrence.type`. */
const FIELD_LIST = /^[a-z_][a-z0-9_.]*(,[a-z_][a-z0-9_.]*)*$/i;

/** Every command name in the tree: `loggd --json habits list` keeps meaning "JSON output of habits list". */
function commandNames(cmd: Command, into = new Set<string>()): Set<string> {
  for (const sub of cmd.commands) {
    into.add(sub.name());
    for (const alias of sub.aliases()) into.add(alias);
    commandNames(sub, into);
  }
  return into;
}

/**
 * gh's `--json a,b`: `--json` alone keeps meaning JSON output; followed by a field list (or as `--json=a,b`) it
 * also selects those fields, i.e. becomes `--json --fields a,b`. A word that names a command is never taken as
 * fields, and giving both `--json a,b` and `--fields` is a usage error rather than one silently winning.
 *
 * @example expandJsonFields(['habits', 'list', '--json', 'id,name'], program) // [..., '--json', '--fields', 'id,name']
 */
export function expandJsonFields(argv: string[], program: Command): string[] {
  const names = commandNames(program);
  const out: string[] = [];
  let selected: string | undefined;
  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const inline = arg.startsWith('--json=') ? arg.slice('--json='.length) : undefined;
    const next = argv[i + 1];
    if (inline !== undefined || (arg === '--json' && next && FIELD_LIST.test(next) && !names.has(next))) {
      const list = inline ?? next!;
      if (!FIELD_LIST.test(list))
        throw usageError(
          `invalid --json '${list}': accepted is a comma-separated field list, e.g. --json id,name`,
        );
      if (inline === undefined) i++;
      selected = list;
      out.push('--json', '--fields', list);
      continue;
    }
    out.push(arg);
  }
  out.push(...argv.slice(i));
  if (selected !== undefined && out.filter((a) => a === '--fields' || a.startsWith('--fields=')).length > 1)
    throw usageError(`--json ${selected} and --fields both select fields: give one of them`);
  return out;
}
