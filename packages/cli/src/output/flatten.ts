/**
 * The flattening rule for CSV and TSV (docs/cli.md, "Flattening"):
 * - null or absent → empty cell; strings, numbers and booleans → their text (`true`/`false`);
 * - an object → one column per key, named `<field>_<key>` (`recurrence_type`), recursively; a null object → empty
 *   cells (the CSV export names its columns the same way);
 * - an array of scalars → the items joined with `;` (`monday;friday`);
 * - an array of objects → their `name` (tags) or else `title` (subtasks, milestones) joined with `;`,
 *   or else each item as compact JSON joined with `;`.
 * Object columns come from the resource's known sub-keys first, then any other keys the data holds, so headers stay
 * stable across pages and empty results.
 */

type Row = Record<string, unknown>;

function isPlainObject(v: unknown): v is Row {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The cell text of one non-object value, per the rule above. */
export function flatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (isPlainObject(item)) {
          if (typeof item.name === 'string') return item.name;
          if (typeof item.title === 'string') return item.title;
          return JSON.stringify(item);
        }
        return flatCell(item);
      })
      .join(';');
  }
  if (isPlainObject(value)) return JSON.stringify(value);
  return String(value);
}

/**
 * The header of a flat column: its path's steps joined with `_` (`recurrence.type` → `recurrence_type`). Columns
 * are handled as dotted paths (see valueAt); only headers carry this name.
 */
export function flatHeader(column: string): string {
  return column.replaceAll('.', '_');
}

/** Expands the selected fields into flat column paths (dotted for objects), given the rows and known sub-keys. */
export function flatColumns(
  fields: readonly string[],
  rows: readonly Row[],
  nested: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const columns: string[] = [];
  for (const field of fields) {
    const sub = subKeys(
      field,
      rows.map((r) => r[field]),
      nested[field],
    );
    if (sub) columns.push(...sub.map((k) => `${field}.${k}`));
    else columns.push(field);
  }
  return columns;
}

function subKeys(
  field: string,
  values: unknown[],
  known: readonly string[] | undefined,
): string[] | undefined {
  const objects = values.filter(isPlainObject);
  if (!known && objects.length === 0) return undefined;
  const keys: string[] = [...(known ?? [])];
  for (const o of objects) for (const k of Object.keys(o)) if (!keys.includes(k)) keys.push(k);
  // Nested objects flatten recursively: expand each sub-key that holds objects.
  const out: string[] = [];
  for (const k of keys) {
    const inner = subKeys(
      `${field}.${k}`,
      objects.map((o) => o[k]),
      undefined,
    );
    if (inner) out.push(...inner.map((ik) => `${k}.${ik}`));
    else out.push(k);
  }
  return out;
}

/** The value at a dotted column path (`recurrence.type`), or undefined when any step is missing or null. */
export function valueAt(row: Row, column: string): unknown {
  if (column in row) return row[column];
  let current: unknown = row;
  for (const part of column.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** One flat row of cells for the given columns. */
export function flatRow(row: Row, columns: readonly string[]): string[] {
  return columns.map((c) => flatCell(valueAt(row, c)));
}
