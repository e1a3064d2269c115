import { DEFAULT_BASE_URL } from '@loggd/sdk/constants';

/** What `loggd-mcp` was asked to do. */
export type Invocation =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'serve'; demo: boolean; baseUrl?: string }
  | { kind: 'usage'; message: string };

export const USAGE = `loggd-mcp: the Loggd.life MCP server (read-only), over stdio

Usage:
  loggd-mcp [--demo] [--base-url URL]

Options:
  --demo            serve the built-in demo account (in-process mock: no token, no network)
  --base-url URL    API base URL (default ${DEFAULT_BASE_URL}; env LOGGD_BASE_URL)
  -h, --help        this help
  -V, --version     the version

Environment:
  LOGGD_TOKEN       the API token (required without --demo); never printed or logged
  LOGGD_TZ          IANA time zone overriding the profile's, for the summaries

Start it from an assistant's MCP configuration, e.g. {"command": "npx", "args": ["-y", "@loggd/mcp"],
"env": {"LOGGD_TOKEN": "..."}}. With a stored CLI login, use \`loggd mcp\` instead. Docs: docs/mcp.md.
`;

/** Parses argv (without node and script). Unknown flags are a usage error naming what is accepted. */
export function parseArgs(argv: readonly string[]): Invocation {
  let demo = false;
  let baseUrl: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '-V' || arg === '--version') return { kind: 'version' };
    if (arg === '--demo') demo = true;
    else if (arg === '--base-url' || arg.startsWith('--base-url=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value || !/^https?:\/\/\S+$/.test(value))
        return { kind: 'usage', message: `invalid --base-url '${value ?? ''}': accepted is an http(s) URL` };
      baseUrl = value;
    } else
      return {
        kind: 'usage',
        message: `unknown argument '${arg}': accepted are --demo, --base-url URL, --help, --version`,
      };
  }
  return { kind: 'serve', demo, ...(baseUrl ? { baseUrl } : {}) };
}
