/**
 * The "user code" under test: a small report over the Loggd API. It takes a `fetch` so tests can hand it the
 * mock's (production code passes nothing and gets the global one).
 */
export interface StreakLine {
  name: string;
  streak: number;
  checkedToday: boolean;
}

/** The user's active habits, longest current streak first. */
export async function streakReport(
  token: string,
  options: { fetch?: typeof fetch; baseUrl?: string } = {},
): Promise<StreakLine[]> {
  const doFetch = options.fetch ?? fetch;
  const baseUrl = options.baseUrl ?? 'https://loggd.life/api/v1/public';
  const lines: StreakLine[] = [];
  let after: number | undefined;
  for (;;) {
    const url = `${baseUrl}/habits?limit=100${after === undefined ? '' : `&after=${after}`}`;
    const res = await doFetch(url, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    });
    if (!res.ok)
      throw new Error(
        `Loggd API answered ${res.status}: ${((await res.json()) as { message: string }).message}`,
      );
    const page = (await res.json()) as {
      data: { id: number; name: string; current_streak: number; checked_today: boolean }[];
      has_more?: boolean;
    };
    for (const h of page.data)
      lines.push({ name: h.name, streak: h.current_streak, checkedToday: h.checked_today });
    if (!page.has_more || page.data.length === 0) break;
    after = page.data.at(-1)!.id;
  }
  return lines.sort((a, b) => b.streak - a.streak || a.name.localeCompare(b.name));
}
