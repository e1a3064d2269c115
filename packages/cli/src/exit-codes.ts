/** The documented exit codes of `loggd` (`loggd help exit-codes`). Scripts may rely on them. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  notFound: 3,
  auth: 4,
  rateLimited: 5,
  network: 6,
  invalidSignature: 7,
  /** `habits pending`: some habit is still due today (not an error: cron tells it apart from every failure). */
  pending: 10,
  interrupted: 130,
} as const;

export type ExitCodeName = keyof typeof EXIT;

/** One row per exit code, as printed by `loggd help exit-codes` and docs/cli.md. */
export const EXIT_CODE_TABLE: ReadonlyArray<readonly [code: number, meaning: string]> = [
  [EXIT.ok, 'success (an empty list too; `habits pending`: nothing pending)'],
  [EXIT.failure, 'failure (server error, unexpected response)'],
  [EXIT.usage, 'usage: unknown command or flag, bad flag value (date, limit, id, status), 422 from the API'],
  [EXIT.notFound, 'not found (404): the id does not exist or belongs to another account'],
  [EXIT.auth, 'authentication or permission (401/403): no token, invalid token, Pro required, missing scope'],
  [EXIT.rateLimited, 'rate limited (429) with no Retry-After to wait out, or a wait past the limit'],
  [EXIT.network, 'network: connection refused, DNS failure, timeout'],
  [EXIT.invalidSignature, 'invalid webhook signature'],
  [EXIT.pending, '`habits pending`: some habit is due today and not checked yet (no error)'],
  [EXIT.interrupted, 'interrupted (SIGINT / Ctrl-C)'],
];

/** The text of `loggd help exit-codes`. */
export function exitCodesHelp(): string {
  const lines = EXIT_CODE_TABLE.map(([code, meaning]) => `  ${String(code).padStart(3)}  ${meaning}`);
  return `Exit codes of loggd:\n\n${lines.join('\n')}\n`;
}
