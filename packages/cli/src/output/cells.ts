import type { ChalkInstance } from 'chalk';
import { formatDateTime } from '../time/zone.js';
import { isDateTime } from './datetime.js';

/** Short, readable headers for the columns where the field name is long. */
const HEADER_LABELS: Record<string, string> = {
  current_streak: 'STREAK',
  longest_streak: 'BEST',
  checked_today: 'TODAY',
  last_checked_at: 'LAST CHECKED',
  progress_percentage: 'PROGRESS',
  actual_duration_seconds: 'DURATION',
  planned_duration_seconds: 'PLANNED',
  total_paused_seconds: 'PAUSED',
  contribution_count: 'COUNT',
  time_horizon: 'HORIZON',
  is_on_track: 'ON TRACK',
};

/** The table header of a field: `last_checked_at` → `LAST CHECKED`. */
export function headerLabel(field: string): string {
  return HEADER_LABELS[field] ?? field.replaceAll('_', ' ').replaceAll('.', ' ').toUpperCase();
}

/** A progress bar of `width` cells: `██████░░░░ 60%`. */
export function progressBar(percent: number, width = 10, chalk?: ChalkInstance): string {
  const p = Math.max(0, Math.min(100, Number.isFinite(percent) ? percent : 0));
  const full = Math.round((p / 100) * width);
  const bar = '█'.repeat(full) + '░'.repeat(width - full);
  const label = `${Math.round(p)}%`.padStart(4);
  return chalk
    ? `${chalk.green(bar.slice(0, full))}${chalk.dim(bar.slice(full))} ${label}`
    : `${bar} ${label}`;
}

/** `1h 05m`, `25m`, `40s` from seconds. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
}

/** How a table shows one value of a field: zone-converted datetimes, ✓ for booleans, names for tags. */
export function tableCell(field: string, value: unknown, timeZone: string, chalk: ChalkInstance): string {
  if (value === null || value === undefined || value === '') return chalk.dim('–');
  if (typeof value === 'boolean') {
    if (field === 'checked_today' || field === 'is_on_track' || field === 'completed') {
      return value ? chalk.green('✓') : chalk.yellow('✗');
    }
    return value ? 'yes' : 'no';
  }
  if (typeof value === 'number') {
    if (field.endsWith('_seconds')) return formatDuration(value);
    if (field === 'progress_percentage') return progressBar(value, 10, chalk);
    return String(value);
  }
  if (isDateTime(value)) return formatDateTime(value, timeZone);
  if (Array.isArray(value)) {
    return value
      .map((v) =>
        v && typeof v === 'object'
          ? String(
              (v as { name?: unknown; title?: unknown }).name ??
                (v as { title?: unknown }).title ??
                JSON.stringify(v),
            )
          : String(v),
      )
      .join(', ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\s+/g, ' ');
}
