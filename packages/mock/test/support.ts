import type { MockOptions } from '../src/engine.js';
import { createMockApi, type MockApi } from '../src/index.js';

/** A fixed instant so data, `checked_today` and rate windows are deterministic. */
export const NOW = '2026-04-08T12:00:00Z';

/** A strict mock on a frozen clock: any response that breaks the SDK's schemas throws. */
export function strictMock(options: MockOptions = {}): MockApi {
  return createMockApi({ seed: 42, now: NOW, strict: true, ...options });
}

export interface Got {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** GET a path under the API through `mock.fetch`. */
export async function get(
  mock: MockApi,
  path: string,
  token: string | null = 'mock_pro_all',
  headers: Record<string, string> = {},
): Promise<Got> {
  const res = await mock.fetch(`${mock.baseUrl}${path}`, {
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Call the control API through `mock.fetch`. */
export async function control(mock: MockApi, method: string, path: string, body?: unknown): Promise<Got> {
  const res = await mock.fetch(`http://mock.local/__mock${path}`, {
    method,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    headers: { 'content-type': 'application/json' },
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

/** Walk every page of a list endpoint, returning all ids in order. */
export async function walk(
  mock: MockApi,
  path: string,
  limit: number,
  token = 'mock_pro_all',
): Promise<number[]> {
  const ids: number[] = [];
  let after: number | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(
      mock,
      `${path}${sep}limit=${limit}${after === undefined ? '' : `&after=${after}`}`,
      token,
    );
    if (page.status !== 200) throw new Error(`${path}: ${page.status} ${page.text}`);
    const data = page.json.data as { id: number }[];
    ids.push(...data.map((d) => d.id));
    if (!page.json.has_more) return ids;
    after = data.at(-1)!.id;
  }
  throw new Error('pagination did not terminate');
}
