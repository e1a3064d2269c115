/**
 * CSV and TSV writers. Both quote per RFC 4180: a cell containing the delimiter, a double quote, CR or LF is
 * wrapped in double quotes with inner quotes doubled; lines end with CRLF in CSV (as RFC 4180 says) and LF in TSV.
 */
export type Delimiter = ',' | '\t';

/** One cell, quoted only when needed. */
export function quoteCell(cell: string, delimiter: Delimiter): string {
  if (cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r')) {
    return `"${cell.replaceAll('"', '""')}"`;
  }
  return cell;
}

/** The whole document: optional header, then one line per row. */
export function writeDelimited(
  header: readonly string[] | undefined,
  rows: readonly (readonly string[])[],
  delimiter: Delimiter,
): string {
  const eol = delimiter === ',' ? '\r\n' : '\n';
  const lines = header ? [header, ...rows] : rows;
  return lines.map((cells) => cells.map((c) => quoteCell(c, delimiter)).join(delimiter) + eol).join('');
}
