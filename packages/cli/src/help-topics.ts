import { DEFAULT_BASE_URL } from '@loggd/sdk/constants';
import { ERROR_CODES } from './errors.js';
import { exitCodesHelp } from './exit-codes.js';

const ENVIRONMENT = `Environment variables of loggd:

  LOGGD_TOKEN         API token (wins over the stored profile; --token wins over it)
  LOGGD_BASE_URL      API base URL (default ${DEFAULT_BASE_URL}); --base-url wins
  LOGGD_PROFILE       stored profile to use (see \`loggd auth switch\`); --profile wins
  LOGGD_FORMAT        default output format where the command prints it (else its default); flags win
  LOGGD_TZ            IANA zone for datetimes in tables (default: the profile's zone, one request per run)
  LOGGD_CONFIG_DIR    configuration directory (default \${XDG_CONFIG_HOME:-~/.config}/loggd)
  LOGGD_DEMO_SEED     --demo: seed of the in-process mock's data
  LOGGD_DEMO_NOW      --demo: the mock's frozen "now" (ISO datetime), for reproducible output
  LOGGD_TIMEOUT       seconds to wait for each answer before retrying (default 30, 0 = never); --timeout wins
  LOGGD_RATE_WINDOW_MS  the server's rate-limit window in ms (default 60000; for a mock with a shorter one)
  LOGGD_WEBHOOK_SECRET  webhook endpoint secret for \`loggd webhooks listen|trigger|verify\` (--secret wins)
  LOGGD_PAGER         pager for tables on a terminal (default: config pager, then PAGER, then less -FRX);
                      --no-pager turns it off, \`cat\` too
  LOGGD_COLOR         auto, always or never (as --color, which wins)
  PAGER               the pager when neither LOGGD_PAGER nor \`loggd config set pager\` names one
  NO_COLOR            any value: no colour (--color always still colours)
  FORCE_COLOR, CLICOLOR_FORCE   colour even when piped (0 turns colour off)
  COLUMNS             table width when stdout is not a terminal

\`loggd config set <key> <value>\` stores defaults for format, base_url, pager, timeout and color: each applies
only when its variable above is unset (flag > environment > config > default).
`;

const FORMATTING = `Output of loggd read commands:

  --format table|json|ndjson|csv|tsv   (--json = --format json; LOGGD_FORMAT sets a default)
  Default: a table on a terminal, tab-separated values (with a header row) when piped.
  json     the API's objects with every field: a list is one array (also with --all), one resource an object
  ndjson   one JSON object per line
  csv/tsv  a header row (--no-headers drops it) and one row per item, RFC 4180 quoting; nested values flatten:
           objects → a column per key (recurrence_type), arrays of scalars → joined with ';',
           arrays of objects → their name (tags) or title (subtasks, milestones) joined with ';', null → empty
  --fields a,b,c   selects fields in every format (JSON objects keep only those keys); each command's --help
                   lists its fields, and an unknown field is an error listing the valid ones
  Data goes to stdout; progress, hints and errors go to stderr (as {"error":{...}} JSON when
  JSON output was asked for: --format json|ndjson, --json or LOGGD_FORMAT).
`;

/** Help topics for `loggd help <topic>`. */
export const HELP_TOPICS: Record<string, () => string> = {
  'exit-codes': () =>
    `${exitCodesHelp()}\nError codes (the "code" of JSON errors with --format json|ndjson):\n\n${Object.entries(
      ERROR_CODES,
    )
      .map(([code, meaning]) => `  ${code.padEnd(25)} ${meaning}`)
      .join('\n')}\n`,
  environment: () => ENVIRONMENT,
  formatting: () => FORMATTING,
};
