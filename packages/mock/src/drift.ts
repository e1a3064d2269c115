import {
  FocusSessionSchema,
  GoalSchema,
  GoalUpdateSchema,
  HabitCheckSchema,
  HabitSchema,
  HabitSkipSchema,
  ProfileSchema,
  TaskSchema,
} from '@loggd/sdk';

/**
 * Drift detection: walk an account read-only (the real API, or a mock) and report where what it sends differs
 * from the SDK's schemas — the shapes the SDK types promise and the mock serves. Behind `loggd mock verify`.
 */

/** One difference, counted over every item it was seen on. */
export interface DriftFinding {
  /** The endpoint pattern, e.g. `GET /habits/{id}/checks`. */
  endpoint: string;
  /** Dotted path inside one item (`status`, `milestones.0.order`). */
  path: string;
  /**
   * `violation`: a documented field is missing, has another type, or an enum value the SDK does not know;
   * `new_field`: a field the SDK does not know (allowed: v1 adds fields, but the mock and types lag behind);
   * `skipped`: the endpoint could not be read (scope missing, not Pro), so it was not checked.
   */
  kind: 'violation' | 'new_field' | 'skipped';
  detail: string;
  /** On how many items it was seen. */
  count: number;
}

export interface DriftReport {
  findings: DriftFinding[];
  /** Endpoints read and how many items each returned. */
  checked: { endpoint: string; items: number }[];
  requests: number;
}

export interface CheckDriftOptions {
  baseUrl: string;
  token: string;
  /** Injected fetch (the mock's, a test's); default the global one, resolved per call. */
  fetch?: typeof globalThis.fetch;
  /** Items per list page to inspect (1–100). */
  limit?: number;
  /** How many single resources of each kind to fetch in full. */
  detailSamples?: number;
}

interface Shape {
  safeParse(v: unknown): { success: boolean; error?: { issues: Issue[] } };
}
interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  values?: unknown[];
}

/** The documented keys of an object schema (through z.preprocess, as the habit schema is wrapped). */
function knownKeys(schema: unknown): Set<string> {
  const s = schema as { shape?: object; _zod?: { def?: { out?: { shape?: object } } } };
  const shape = s.shape ?? s._zod?.def?.out?.shape ?? {};
  return new Set(Object.keys(shape));
}

class Collector {
  readonly #findings = new Map<string, DriftFinding>();
  add(f: Omit<DriftFinding, 'count'>) {
    const key = `${f.endpoint}\u0000${f.path}\u0000${f.kind}\u0000${f.detail}`;
    const found = this.#findings.get(key);
    if (found) found.count++;
    else this.#findings.set(key, { ...f, count: 1 });
  }
  get findings(): DriftFinding[] {
    const order = { violation: 0, new_field: 1, skipped: 2 };
    return [...this.#findings.values()].sort(
      (a, b) =>
        order[a.kind] - order[b.kind] || a.endpoint.localeCompare(b.endpoint) || a.path.localeCompare(b.path),
    );
  }
}

function describe(issue: Issue, item: unknown): string {
  let value: unknown = item;
  for (const k of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[k];
  const got = value === undefined ? 'missing' : `got ${JSON.stringify(value)}`;
  return `${issue.message} (${got})`;
}

/**
 * Walk the account and compare every item with the SDK's schemas.
 * @example
 * const report = await checkDrift({ baseUrl: 'https://loggd.life/api/v1/public', token });
 * const drift = report.findings.filter((f) => f.kind === 'violation');
 */
export async function checkDrift(options: CheckDriftOptions): Promise<DriftReport> {
  const limit = options.limit ?? 100;
  const samples = options.detailSamples ?? 3;
  const base = options.baseUrl.replace(/\/+$/, '');
  const out = new Collector();
  const checked: DriftReport['checked'] = [];
  let requests = 0;

  const get = async (endpoint: string, path: string): Promise<unknown> => {
    requests++;
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const res = await fetchImpl(`${base}${path}`, {
      headers: { Authorization: `Bearer ${options.token}`, Accept: 'application/json' },
    });
    const text = await res.text();
    if (res.status === 401) throw new Error(`${endpoint}: 401 — the token was rejected`);
    if (res.status === 403) {
      out.add({ endpoint, path: '', kind: 'skipped', detail: `403: ${text.slice(0, 160)}` });
      return undefined;
    }
    if (!res.ok) {
      out.add({ endpoint, path: '', kind: 'skipped', detail: `HTTP ${res.status}` });
      return undefined;
    }
    try {
      return JSON.parse(text);
    } catch {
      out.add({ endpoint, path: '', kind: 'violation', detail: 'the body is not JSON' });
      return undefined;
    }
  };

  const inspect = (endpoint: string, schema: Shape, items: unknown[]) => {
    checked.push({ endpoint, items: items.length });
    const keys = knownKeys(schema);
    for (const item of items) {
      const result = schema.safeParse(item);
      for (const issue of result.success ? [] : (result.error?.issues ?? [])) {
        out.add({ endpoint, path: issue.path.join('.'), kind: 'violation', detail: describe(issue, item) });
      }
      if (item && typeof item === 'object') {
        for (const key of Object.keys(item)) {
          if (!keys.has(key))
            out.add({ endpoint, path: key, kind: 'new_field', detail: 'not in the SDK schema' });
        }
      }
    }
  };

  /** A list page (`{ data: [...] }`) or a single resource (`{ data: {...} }`), checked; returns the items. */
  const read = async (endpoint: string, path: string, schema: Shape, list: boolean): Promise<unknown[]> => {
    const body = (await get(endpoint, path)) as { data?: unknown; has_more?: unknown } | undefined;
    if (body === undefined) return [];
    if (body === null || typeof body !== 'object' || !('data' in body)) {
      out.add({ endpoint, path: '', kind: 'violation', detail: 'no `data` envelope' });
      return [];
    }
    if (list && !Array.isArray(body.data)) {
      out.add({ endpoint, path: 'data', kind: 'violation', detail: 'expected an array' });
      return [];
    }
    if (list && body.has_more !== undefined && typeof body.has_more !== 'boolean') {
      out.add({ endpoint, path: 'has_more', kind: 'violation', detail: 'expected a boolean' });
    }
    const items = list ? (body.data as unknown[]) : [body.data];
    inspect(endpoint, schema, items);
    return items;
  };

  const ids = (items: unknown[]) =>
    items
      .map((i) => (i as { id?: unknown })?.id)
      .filter((id): id is number => typeof id === 'number')
      .slice(0, samples);

  const q = `limit=${limit}`;
  await read('GET /profile', '/profile', ProfileSchema, false);

  const habits = await read('GET /habits', `/habits?status=all&${q}`, HabitSchema, true);
  for (const id of ids(habits)) {
    await read('GET /habits/{id}', `/habits/${id}`, HabitSchema, false);
    await read('GET /habits/{id}/checks', `/habits/${id}/checks?${q}`, HabitCheckSchema, true);
    await read('GET /habits/{id}/skips', `/habits/${id}/skips?${q}`, HabitSkipSchema, true);
  }

  const tasks = await read('GET /tasks', `/tasks?status=all&${q}`, TaskSchema, true);
  for (const id of ids(tasks)) await read('GET /tasks/{id}', `/tasks/${id}`, TaskSchema, false);

  const goals = await read('GET /goals', `/goals?status=all&${q}`, GoalSchema, true);
  for (const id of ids(goals)) {
    await read('GET /goals/{id}', `/goals/${id}`, GoalSchema, false);
    await read('GET /goals/{id}/updates', `/goals/${id}/updates?${q}`, GoalUpdateSchema, true);
  }

  const sessions = await read(
    'GET /focus-sessions',
    `/focus-sessions?status=all&${q}`,
    FocusSessionSchema,
    true,
  );
  for (const id of ids(sessions)) {
    await read('GET /focus-sessions/{id}', `/focus-sessions/${id}`, FocusSessionSchema, false);
  }

  return { findings: out.findings, checked, requests };
}
