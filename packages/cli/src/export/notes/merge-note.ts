// Merging the tool's part into a note the user may have written in. The tool owns exactly two things: the
// front-matter entries whose key starts with `loggd_`, and the text between the block markers. Everything
// else — other front-matter lines, comments, the body before and after the block — is kept byte for byte.

export const BLOCK_START = '<!-- loggd:start -->';
export const BLOCK_END = '<!-- loggd:end -->';
/** Front-matter keys the tool owns. */
export const OWNED_PREFIX = 'loggd_';

/** A note split into its front matter (the lines between the `---` fences, endings kept) and its body. */
interface Split {
  /** Undefined when the note has no front matter. */
  frontMatter: string[] | undefined;
  open: string;
  close: string;
  body: string;
}

/** Lines with their line endings, so joining them gives the bytes back. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function split(text: string): Split {
  const all = lines(text);
  if (all.length > 0 && /^---\r?\n$/.test(all[0]!)) {
    const end = all.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l.replace(/\r?\n$/, '')));
    if (end > 0) {
      return {
        frontMatter: all.slice(1, end),
        open: all[0]!,
        close: all[end]!.endsWith('\n') ? all[end]! : `${all[end]!}\n`,
        body: all.slice(end + 1).join(''),
      };
    }
  }
  return { frontMatter: undefined, open: '---\n', close: '---\n', body: text };
}

/**
 * The front matter's top-level entries: a key line at column 0 and the lines under it (indented lines,
 * `- item` lines of a block list). Lines before the first key and comment lines are entries without a key.
 */
function entries(frontMatter: string[]): Array<{ key: string | undefined; text: string }> {
  const out: Array<{ key: string | undefined; text: string }> = [];
  for (const line of frontMatter) {
    const key = /^([^\s#-][^:]*?)\s*:(\s|$)/.exec(line)?.[1];
    const continues = !key && out.length > 0 && /^(\s|-\s|-$)/.test(line) && out.at(-1)!.key !== undefined;
    if (continues) out.at(-1)!.text += line;
    else out.push({ key: key?.replace(/^["']|["']$/g, ''), text: line });
  }
  return out;
}

/**
 * `existing` (or a new note when undefined) with the tool's front-matter entries replaced by `ownedYaml`
 * (complete `loggd_…: value` lines, newline-terminated) and its block replaced by `block` (the text between the
 * markers, newline-terminated). A note without a block gets one appended after the user's text.
 */
export function mergeNote(existing: string | undefined, ownedYaml: string, block: string): string {
  const note = split(existing ?? '');
  const kept = entries(note.frontMatter ?? [])
    .filter((e) => !e.key?.startsWith(OWNED_PREFIX))
    .map((e) => e.text);
  // The user's last front-matter line may lack a newline only if it closed the file: not the case here.
  const frontMatter = `${note.open}${kept.join('')}${ownedYaml}${note.close}`;
  const fenced = `${BLOCK_START}\n${block}${BLOCK_END}`;
  const start = note.body.indexOf(BLOCK_START);
  const end = start < 0 ? -1 : note.body.indexOf(BLOCK_END, start);
  let body: string;
  if (start >= 0 && end >= 0) {
    body = note.body.slice(0, start) + fenced + note.body.slice(end + BLOCK_END.length);
  } else {
    const sep = note.body === '' ? '' : note.body.endsWith('\n') ? '\n' : '\n\n';
    body = `${note.body}${sep}${fenced}\n`;
  }
  return frontMatter + body;
}
