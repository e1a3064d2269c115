/** The flags of `habits checks` and `habits skips`. */
export interface RangeFlags {
  from?: string;
  to?: string;
  limit?: number;
  all?: boolean;
}

/** The API query of a checks or skips list. */
export function rangeQuery(flags: RangeFlags) {
  return {
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.to ? { to: flags.to } : {}),
    ...(flags.limit ? { limit: flags.limit } : {}),
  };
}
