import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMockServer, startMockServer } from '../src/index.js';
import { NOW } from './support.js';

// An OpenAPI-driven fuzz of the mock's HTTP door: requests are generated from docs/openapi.json (its paths,
// parameter schemas and security scopes), and every answer must be a status the spec declares for that
// operation, with a body that validates against the declared schema and the required headers present. The
// expected status is predicted from the spec alone (is each parameter valid against its schema?), so the spec
// and the mock cannot drift apart: a value the spec allows but the mock refuses (or the reverse) fails here.
// Bounded: NUM_RUNS requests at most, and fast-check stops early after TIME_LIMIT_MS.

type Json = Record<string, any>;
const NUM_RUNS = 1000;
const TIME_LIMIT_MS = 20_000;

const doc: Json = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
const DOC_ID = 'https://loggd.life/openapi.json';
const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ??
  formatsPlugin) as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, DOC_ID);

function at(pointer: string[]): ValidateFunction {
  const escaped = pointer.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1'));
  return ajv.compile({ $ref: `${DOC_ID}#/${escaped.join('/')}` });
}

interface Param {
  name: string;
  schema: Json;
  check: ValidateFunction;
}
interface Operation {
  path: string;
  scope: string;
  params: Param[];
  /** status → [validator of the body, required header names] */
  responses: Map<string, { body: ValidateFunction; headers: string[] }>;
}

const operations: Operation[] = Object.entries<Json>(doc.paths).map(([path, item]) => {
  const op = item.get;
  const params: Param[] = (op.parameters ?? [])
    .filter((p: Json) => p.in === 'query')
    .map((p: Json) => ({ name: p.name, schema: p.schema, check: ajv.compile(p.schema) }));
  const responses = new Map<string, { body: ValidateFunction; headers: string[] }>();
  for (const [status, response] of Object.entries<Json>(op.responses)) {
    const name = response.$ref?.split('/').pop();
    const resolved: Json = name ? doc.components.responses[name] : response;
    const base = name ? ['components', 'responses', name] : ['paths', path, 'get', 'responses', status];
    const headers = Object.entries<Json>(resolved.headers ?? {})
      .filter(([, h]) => (h.$ref ? doc.components.headers[h.$ref.split('/').pop()] : h).required)
      .map(([header]) => header);
    responses.set(status, { body: at([...base, 'content', 'application/json', 'schema']), headers });
  }
  return { path, scope: op.security[0].bearerAuth[0], params, responses };
});

/** The wire value of a query parameter, as the API's framework reads it: integers from their digits. */
function valid(param: Param, raw: string): boolean {
  if (param.schema.type === 'integer') return /^-?(0|[1-9]\d{0,14})$/.test(raw) && param.check(Number(raw));
  return param.check(raw);
}

const isoDay = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Values for one parameter: mostly what its schema allows, often what it does not. */
function values(param: Param): fc.Arbitrary<string> {
  const junk = fc.constantFrom('abc', '1.5', '1e2', ' ', ' 7 ', '\t', 'null', '[]', '-', '%00');
  if (param.schema.type === 'integer') {
    const min = (param.schema.minimum ?? (param.schema.exclusiveMinimum ?? 0) + 1) as number;
    const max = (param.schema.maximum ?? 10_000_000) as number;
    return fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min, max }).map(String) },
      { weight: 2, arbitrary: fc.integer({ min: -1000, max: max + 1000 }).map(String) },
      { weight: 1, arbitrary: junk },
    );
  }
  if (param.schema.enum) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...(param.schema.enum as string[])) },
      // Neighbours of real values: other lists' filters (tasks' refused `active` among them), case changes.
      { weight: 3, arbitrary: fc.constantFrom('active', 'archived', 'paused', 'ALL', 'Completed', 'weekly') },
      { weight: 1, arbitrary: junk },
    );
  }
  if (param.schema.format === 'date') {
    return fc.oneof(
      { weight: 4, arbitrary: isoDay },
      {
        weight: 1,
        arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '0042-02-29', '26-04-08', 'yesterday'),
      },
      { weight: 1, arbitrary: junk },
    );
  }
  return junk;
}

const TOKENS = [
  'mock_pro_all',
  'mock_pro_all',
  'mock_pro_all',
  'mock_pro_habits',
  'mock_free_all',
  'mock_other_all',
];

let server: RunningMockServer;
beforeAll(async () => {
  // Strict: a response breaking the SDK's schemas is a 500 (and fails below). A huge limit keeps the rate-limit
  // headers without 429s on the frozen clock.
  server = await startMockServer({ seed: 3, now: NOW, strict: true, rateLimit: { limit: 1_000_000 } });
});
afterAll(() => server.close());

const KIND = { habits: 'habits', tasks: 'tasks', goals: 'goals', 'focus-sessions': 'focusSessions' } as const;

function request(op: Operation) {
  const kind = KIND[op.path.split('/')[1] as keyof typeof KIND];
  const ids = kind ? [...server.mock.dataset.owners[kind].keys()] : [];
  const id = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...(ids.length > 0 ? ids : [1])).map(String) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000_000 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('abc', '0x10', '1.0') },
  );
  const query = fc.tuple(
    ...op.params.map((param) =>
      fc.option(fc.array(values(param), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 3 }),
    ),
  );
  return fc.record({
    token: fc.option(fc.constantFrom(...TOKENS, 'not_a_token'), { nil: undefined, freq: 12 }),
    id,
    query,
    unknownParam: fc.boolean(),
  });
}

type Drawn = ReturnType<typeof request> extends fc.Arbitrary<infer T> ? T : never;

/** PHP's trim() (what Laravel's TrimStrings applies): space, \t, \n, \r, NUL and \v at both ends. */
function phpTrim(value: string): string {
  const space = ' \t\n\r\0\v';
  let [start, end] = [0, value.length];
  while (start < end && space.includes(value[start]!)) start++;
  while (end > start && space.includes(value[end - 1]!)) end--;
  return value.slice(start, end);
}

function expectedStatus(op: Operation, r: Drawn): string {
  if (r.token === undefined || r.token === 'not_a_token') return '401';
  const record = server.mock.tokens.get(r.token)!;
  if (r.token === 'mock_free_all') return '403';
  if (!record.scopes.includes(op.scope)) return '403';
  const kind = KIND[op.path.split('/')[1] as keyof typeof KIND];
  if (op.path.includes('{id}')) {
    const owner = /^\d+$/.test(r.id) ? server.mock.dataset.owners[kind].get(Number(r.id)) : undefined;
    if (owner !== record.userId) return '404';
  }
  // As Laravel reads a query: the last of repeated values, trimmed (TrimStrings), empty = absent.
  const last = new Map<string, string>();
  op.params.forEach((param, i) => {
    const value = phpTrim(r.query[i]?.at(-1) ?? '');
    if (value) last.set(param.name, value);
  });
  for (const param of op.params) {
    const raw = last.get(param.name);
    if (raw !== undefined && !valid(param, raw)) return '422';
  }
  const from = last.get('from');
  const to = last.get('to');
  if (from && to && to < from) return '422';
  return '200';
}

describe('OpenAPI-driven fuzz of the mock HTTP door (docs/openapi.json ⇄ mock)', () => {
  it(`answers ${NUM_RUNS} generated requests with the status the spec predicts, its schema and its headers`, async () => {
    const seen = new Map<string, number>();
    const arbitrary = fc.oneof(
      ...operations.map((op, index) => request(op).map((r) => ({ operation: index, r }))),
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ operation, r }) => {
        const op = operations[operation]!;
        const path = op.path.replace('{id}', encodeURIComponent(r.id));
        const search = new URLSearchParams();
        op.params.forEach((param, i) => {
          for (const value of r.query[i] ?? []) search.append(param.name, value);
        });
        if (r.unknownParam) search.append('include', 'everything');
        const url = `${server.baseUrl}${path}${search.size > 0 ? `?${search}` : ''}`;
        const res = await fetch(url, { headers: r.token ? { authorization: `Bearer ${r.token}` } : {} });
        const body = await res.json();
        const status = String(res.status);
        const where = `GET ${url} (${r.token ?? 'no token'}) → ${status} ${JSON.stringify(body).slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        expect(status, where).toBe(expectedStatus(op, r));
        const declared = op.responses.get(status);
        expect(declared, `${where}: status not declared`).toBeDefined();
        expect(declared!.body(body), `${where}: ${ajv.errorsText(declared!.body.errors)}`).toBe(true);
        for (const header of declared!.headers) {
          expect(res.headers.get(header), `${where}: ${header}`).toMatch(/^\d+$/);
        }
        seen.set(status, (seen.get(status) ?? 0) + 1);
      }),
      { numRuns: NUM_RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false, seed: 15 },
    );
    // The generator reaches every outcome (else the oracle above proves little).
    expect([...seen.keys()].sort()).toEqual(['200', '401', '403', '404', '422']);
  });
});
