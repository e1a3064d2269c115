import { usageError } from '../errors.js';
import { valueAt } from './flatten.js';

type Row = Record<string, unknown>;

/**
 * `--sort field` (ascending) or `--sort -field` (descending) over the fetched rows: numbers by value, text by
 * locale, empty values last either way; the API's order breaks ties. `fields` are the ones the command outputs.
 *
 * @example sortRows(rows, '-current_streak', HABIT.fields)
 */
export function sortRows<T extends Row>(rows: T[], spec: string, fields: readonly string[]): T[] {
  const descending = spec.startsWith('-');
  const field = descending ? spec.slice(1) : spec;
  if (!fields.some((f) => f === field || field.startsWith(`${f}.`)))
    throw usageError(
      `unknown field '${field}' in --sort: valid fields are ${fields.join(', ')}`,
      'prefix with - for descending, e.g. --sort -created_at',
    );
  const empty = (v: unknown) => v === null || v === undefined || v === '';
  return rows
    .map((row, index) => ({ row, index, value: valueAt(row, field) }))
    .sort((a, b) => {
      if (empty(a.value) || empty(b.value))
        return empty(a.value) === empty(b.value) ? a.index - b.index : empty(a.value) ? 1 : -1;
      const order =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : String(a.value).localeCompare(String(b.value));
      return (descending ? -order : order) || a.index - b.index;
    })
    .map((x) => x.row);
}
