// The CLI's report and due-today code, imported by relative path: tsup bundles these pure modules into this
// package's dist, so @loggd/mcp never depends on @loggd/cli (which depends on @loggd/mcp for `loggd mcp`).
// They need no dependency beyond the SDK's. See CONTRIBUTING.md, "Layout".

export { dueToday, weekStart } from '../../cli/src/habits/due.js';
export { dayOf, isoOf, isoWeekMonday, weekdayIndex } from '../../cli/src/report/compute/calendar.js';
export {
  monthPeriod,
  type Period,
  type ReportSettings,
  weekPeriod,
} from '../../cli/src/report/compute/period.js';
export { loadReportData } from '../../cli/src/report/load.js';
export { rangePeriod } from '../../cli/src/report/options.js';
export { buildReport } from '../../cli/src/report/sections/index.js';
export { localDay, localDayOfInstant } from '../../cli/src/time/zone.js';
