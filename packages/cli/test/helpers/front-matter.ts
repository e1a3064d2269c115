// A strict reader for the YAML subset the markdown export writes and users commonly write by hand: `key: value`
// scalars (plain, double-quoted, numbers, booleans, dates), `key: []` and block lists of `  - item`, comments.
// It throws on anything else, which is the point: a note the export wrote must parse.

export type YamlValue = string | number | boolean | null | YamlValue[];

function scalar(raw: string, where: string): YamlValue {
  const v = raw.trim();
  if (v.startsWith('"')) {
    try {
      return JSON.parse(v) as string;
    } catch {
      throw new Error(`bad double-quoted scalar at ${where}: ${v}`);
    }
  }
  if (v.startsWith("'")) {
    if (!v.endsWith("'") || v.length < 2) throw new Error(`bad single-quoted scalar at ${where}`);
    return v.slice(1, -1).replaceAll("''", "'");
  }
  if (v === '' || v === '~' || v === 'null') return null;
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v === '[]') return [];
  if (/^[[{&*!|>%@`]/.test(v) || / #|: /.test(v)) throw new Error(`unsupported YAML at ${where}: ${v}`);
  return v;
}

/** The front matter of a note as key → value; undefined when the note has none. */
export function parseFrontMatter(note: string): Record<string, YamlValue> | undefined {
  const m = /^---\r?\n([\s\S]*?)^---\r?\n/m.exec(note);
  if (m?.index !== 0) return undefined;
  const out: Record<string, YamlValue> = {};
  let list: YamlValue[] | undefined;
  const lines = m[1]!.split(/\r?\n/);
  lines.forEach((line, i) => {
    const where = `line ${i + 2}`;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const item = /^\s*- (.*)$/.exec(line);
    if (item) {
      if (!list) throw new Error(`list item without a key at ${where}`);
      list.push(scalar(item[1]!, where));
      return;
    }
    const kv = /^([A-Za-z_][\w-]*):(?: (.*))?$/.exec(line);
    if (!kv) throw new Error(`unsupported YAML at ${where}: ${line}`);
    const key = kv[1]!;
    if (key in out) throw new Error(`duplicate key ${key} at ${where}`);
    if (kv[2] === undefined || kv[2].trim() === '') {
      list = [];
      out[key] = list;
    } else {
      list = undefined;
      out[key] = scalar(kv[2], where);
    }
  });
  return out;
}
