// Imported by the `loggd-mcp` binary only (never by the library, where zod is the user's and so is its config).
// The binary's bundled zod (its own copy: @loggd/sdk imports its own) compiles a `new Function` fast path for each
// object schema on its first parse; a server parses a few protocol messages and tool arguments per session, never
// enough to earn that compile back before the first `tools/list` answer (docs/performance.md, run D).
import { config } from 'zod';

config({ jitless: true });
