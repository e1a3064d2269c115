export { createLoggdMcpServer, type LoggdMcpOptions } from './server.js';
export { serveStdio } from './stdio.js';
export { LIST_CAPS } from './tools/records.js';
export { MAX_RANGE_DAYS, PENDING_CAP } from './tools/summaries.js';
export { VERSION } from './version.js';
