import { Chalk, type ChalkInstance } from 'chalk';
import { colorLevel } from '../color.js';
import type { ResourceSpec } from '../resources/spec.js';
import type { CommandContext } from '../types.js';
import { headerLabel, tableCell } from './cells.js';
import { isDateTime } from './datetime.js';
import { writeDelimited } from './delimited.js';
import { escapeDeep } from './escape.js';
import { flatColumns, flatHeader, flatRow, valueAt } from './flatten.js';
import { type OutputFormat, selectFields } from './format.js';
import { renderTable } from './table.js';

type Row = Record<string, unknown>;

/** Table-only helpers handed to custom cells and detail sections. */
export interface TableHelpers {
  chalk: ChalkInstance;
  timeZone: string;
  width: number;
  cell(field: string, value: unknown): string;
}

export interface RenderOptions {
  /** The resource's fields, default table columns and nested keys (or give `fields`/`columns` directly). */
  spec?: Pick<ResourceSpec, 'fields' | 'tableColumns' | 'nested'>;
  /** Valid field names (default: the spec's, else the keys of the data). */
  fields?: readonly string[];
  /** Columns a list table shows by default (default: the spec's tableColumns, else every field). */
  columns?: readonly string[];
  /** Table-only cell overrides by field (e.g. a habit's emoji before its name). */
  cells?: Record<string, (row: Row, h: TableHelpers) => string>;
  /** Table-only extra sections under a single item (a task's subtasks, a goal's milestones). */
  detail?: (row: Row, h: TableHelpers) => string;
  /** Shown on stderr (TTY only) when a list table is empty. */
  empty?: string;
}

/**
 * The one output path of every read command: prints a list (array) or one resource (object) to stdout in the
 * context's format (output/format.ts: flags, LOGGD_FORMAT, TTY → table, pipe → tsv), honouring --fields and
 * --no-headers.
 * JSON keeps the API's objects (all fields, or only the --fields keys); CSV/TSV flatten (see flatten.ts).
 */
export async function render(
  ctx: CommandContext,
  data: Row[] | Row,
  options: RenderOptions = {},
): Promise<void> {
  const format = ctx.format;
  const rows = Array.isArray(data) ? data : [data];
  const valid = options.fields ?? options.spec?.fields ?? unionKeys(rows);
  const selected = selectFields(ctx.opts.fields, [
    ...valid,
    ...unionKeys(rows).filter((k) => !valid.includes(k)),
  ]);
  const text = await renderText(ctx, format, data, rows, selected, valid, options);
  ctx.io.stdout.write(text);
  if (
    format === 'table' &&
    Array.isArray(data) &&
    rows.length === 0 &&
    options.empty &&
    ctx.io.stderr.isTTY
  ) {
    ctx.io.stderr.write(`${options.empty}\n`);
  }
}

async function renderText(
  ctx: CommandContext,
  format: OutputFormat,
  data: Row[] | Row,
  rows: Row[],
  selected: string[] | undefined,
  valid: readonly string[],
  options: RenderOptions,
): Promise<string> {
  const project = (row: Row): Row =>
    selected ? Object.fromEntries(selected.map((f) => [f, row[f] ?? null])) : row;
  switch (format) {
    case 'json':
      return `${JSON.stringify(Array.isArray(data) ? rows.map(project) : project(data), null, 2)}\n`;
    case 'ndjson':
      return rows.map((r) => `${JSON.stringify(project(r))}\n`).join('');
    case 'csv':
    case 'tsv': {
      const fields = selected ?? [...valid, ...unionKeys(rows).filter((k) => !valid.includes(k))];
      const columns = flatColumns(fields, rows, options.spec?.nested);
      const header = ctx.opts.headers === false ? undefined : columns.map(flatHeader);
      return writeDelimited(
        header,
        rows.map((r) => flatRow(r, columns)),
        format === 'csv' ? ',' : '\t',
      );
    }
    case 'table':
      // Terminal output: API text can neither send escape sequences nor break rows (JSON/CSV keep it as is).
      return Array.isArray(data)
        ? renderListTable(
            ctx,
            escapeDeep(rows),
            selected ?? [...(options.columns ?? options.spec?.tableColumns ?? valid)],
            options,
          )
        : renderItemTable(ctx, escapeDeep(data), selected, valid, options);
    default:
      // Only commands whose rule is LIST_FORMATS render rows; markdown and ics are export's and the reports'.
      throw new Error(`render cannot print ${format}`);
  }
}

async function helpers(ctx: CommandContext, rows: Row[], fields: readonly string[]): Promise<TableHelpers> {
  const chalk = new Chalk({ level: colorLevel(ctx.io.color, ctx.io.env) });
  const needsZone = rows.some((r) => fields.some((f) => isDateTime(valueAt(r, f))));
  const timeZone = needsZone ? await ctx.timeZone() : 'UTC';
  return {
    chalk,
    timeZone,
    width: ctx.io.columns,
    cell: (field, value) => tableCell(field, value, timeZone, chalk),
  };
}

async function renderListTable(
  ctx: CommandContext,
  rows: Row[],
  columns: string[],
  options: RenderOptions,
): Promise<string> {
  if (rows.length === 0) return '';
  const h = await helpers(ctx, rows, columns);
  const headers = columns.map((c) => (ctx.io.color ? h.chalk.bold(headerLabel(c)) : headerLabel(c)));
  const cells = rows.map((row) =>
    columns.map(
      (c) => options.cells?.[c]?.(row, h) ?? (notDue(row, c) ? h.chalk.dim('–') : h.cell(c, row[c])),
    ),
  );
  const flexible = columns.flatMap((c, i) =>
    rows.some((r) => typeof r[c] === 'string' && !isDateTime(r[c])) ? [i] : [],
  );
  const out = renderTable({
    headers: ctx.opts.headers === false ? [] : headers,
    rows: cells,
    width: ctx.io.columns,
    flexible,
  });
  return ctx.opts.headers === false ? out.replace(/^\n/, '') : out;
}

async function renderItemTable(
  ctx: CommandContext,
  row: Row,
  selected: string[] | undefined,
  valid: readonly string[],
  options: RenderOptions,
): Promise<string> {
  // Without --fields, skip empty values and the arrays a detail section shows better; objects get dotted rows.
  const chosen =
    selected ??
    valid.filter(
      (f) => row[f] !== null && row[f] !== undefined && !(options.detail && Array.isArray(row[f])),
    );
  const fields = selected
    ? chosen
    : flatColumns(chosen, [row]).filter((c) => valueAt(row, c) !== null && valueAt(row, c) !== undefined);
  const h = await helpers(ctx, [row, ...nestedRows(row)], [...fields, 'completed_at']);
  const labelWidth = Math.max(0, ...fields.map((f) => headerLabel(f).length));
  const valueWidth = Math.max(10, ctx.io.columns - labelWidth - 2);
  const lines = fields.map((f) => {
    const label = headerLabel(f).padEnd(labelWidth);
    const value =
      options.cells?.[f]?.(row, h) ??
      (notDue(row, f) ? h.chalk.dim('–') : h.cell(f.split('.').at(-1) ?? f, valueAt(row, f)));
    return `${ctx.io.color ? h.chalk.bold(label) : label}  ${fitValue(value, valueWidth)}`;
  });
  const detail = !selected && options.detail ? options.detail(row, h) : '';
  return `${lines.join('\n')}\n${detail}`;
}

function fitValue(value: string, width: number): string {
  return renderTable({ headers: [], rows: [[value]], width })
    .replace(/^\n/, '')
    .trimEnd();
}

function nestedRows(row: Row): Row[] {
  return Object.values(row).flatMap((v) =>
    Array.isArray(v) ? v.filter((x): x is Row => !!x && typeof x === 'object') : [],
  );
}

function unionKeys(rows: readonly Row[]): string[] {
  const keys: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/** An archived habit is never due: its TODAY shows – (not a ✗ that reads as "missed"). JSON/CSV keep the API's false. */
function notDue(row: Row, field: string): boolean {
  return field === 'checked_today' && row.status === 'archived';
}
