import { seededUnit } from './random.js';
import { MockHttpError, type TransportFault } from './reply.js';

export const FAULT_KINDS = [
  'status',
  'rate-limit',
  'latency',
  'reset',
  'empty',
  'truncate',
  'malformed-json',
  'dribble',
  'hang',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A scripted fault, WireMock style. Every field but `fault` is optional. */
export interface FaultSpec {
  fault: FaultKind;
  /** For 'status': the HTTP status to answer (default 500). */
  status?: number;
  /** For 'rate-limit': the Retry-After seconds to send (default 1). */
  retryAfter?: number;
  /** For 'latency': fixed milliseconds, or a [min, max] range drawn from (seed, request index). */
  latencyMs?: number | [number, number];
  /** For 'dribble': how many chunks and the pause between them. */
  chunks?: number;
  intervalMs?: number;
  /** For 'truncate': how many body bytes to send before cutting (default half). */
  bytes?: number;
  /** Only requests whose path under /api/v1/public matches: '/habits', '/habits/*', '/habits/:id/checks', '/**'. */
  route?: string;
  /** Only this HTTP method. */
  method?: string;
  /** Only requests bearing this token. */
  token?: string;
  /** Probability in [0, 1], drawn from (seed, request index): deterministic for a seed. Default 1. */
  rate?: number;
  /** Apply to the next N matching requests, then remove itself ("fail the next 2, then succeed"). */
  times?: number;
}

export interface ActiveFault extends FaultSpec {
  id: string;
  /** How many requests it has hit so far. */
  hits: number;
}

/** What the faults decided for one request. */
export interface FaultOutcome {
  latencyMs: number;
  status?: { status: number };
  rateLimit?: { retryAfter: number };
  malformed?: boolean;
  transport?: TransportFault;
}

function routeRegex(route: string): RegExp {
  const pattern = route
    .replace(/\/+$/, '')
    .split('/')
    .map((seg) =>
      seg === '**'
        ? '.*'
        : seg === '*' || seg.startsWith(':')
          ? '[^/]+'
          : seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${pattern}/?$`);
}

/** Validate a fault from the control API or code; throws a 422 MockHttpError naming the bad field. */
export function validateFault(input: unknown): FaultSpec {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new MockHttpError(
      422,
      'A fault must be a JSON object such as {"fault":"status","status":500,"times":2}.',
    );
  }
  const f = input as Record<string, unknown>;
  if (!FAULT_KINDS.includes(f.fault as FaultKind)) {
    throw new MockHttpError(
      422,
      `Unknown fault "${String(f.fault)}": expected one of ${FAULT_KINDS.join(', ')}.`,
    );
  }
  const intIn = (name: string, min: number, max: number) => {
    const v = f[name];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new MockHttpError(422, `Fault field "${name}" must be an integer between ${min} and ${max}.`);
    }
  };
  intIn('status', 100, 599);
  intIn('retryAfter', 0, 86_400);
  intIn('chunks', 1, 10_000);
  intIn('intervalMs', 0, 600_000);
  intIn('bytes', 0, 100_000_000);
  intIn('times', 1, 1_000_000);
  const latency = f.latencyMs;
  if (latency !== undefined) {
    const ok =
      (typeof latency === 'number' && latency >= 0) ||
      (Array.isArray(latency) &&
        latency.length === 2 &&
        latency.every((n) => typeof n === 'number' && n >= 0) &&
        latency[0] <= latency[1]);
    if (!ok)
      throw new MockHttpError(422, 'Fault field "latencyMs" must be milliseconds or a [min, max] range.');
  }
  if (f.fault === 'latency' && latency === undefined) {
    throw new MockHttpError(422, 'A latency fault needs "latencyMs" (milliseconds or [min, max]).');
  }
  if (f.rate !== undefined && (typeof f.rate !== 'number' || f.rate < 0 || f.rate > 1)) {
    throw new MockHttpError(422, 'Fault field "rate" must be a probability between 0 and 1.');
  }
  for (const name of ['route', 'method', 'token'] as const) {
    if (f[name] !== undefined && typeof f[name] !== 'string') {
      throw new MockHttpError(422, `Fault field "${name}" must be a string.`);
    }
  }
  return f as unknown as FaultSpec;
}

const HEADER_HELP =
  'expected e.g. "status=503", "rate-limit", "reset", "empty", "truncate", "malformed-json", "latency=200", "latency=100-300", "dribble", "hang"';

/** Parse an `X-Mock-Fault` header (comma-separated: `status=503, latency=200`). Throws a 400 on unknown input. */
export function parseFaultHeader(header: string): FaultSpec[] {
  return header
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, value] = part.split('=').map((s) => s.trim()) as [string, string | undefined];
      const num = value === undefined ? undefined : Number(value);
      switch (name) {
        case 'status':
        case '500':
        case '502':
        case '503':
          return validateHeaderFault({
            fault: 'status',
            status: name === 'status' ? (num ?? 500) : Number(name),
          });
        case 'rate-limit':
        case '429':
          return validateHeaderFault({
            fault: 'rate-limit',
            ...(num === undefined ? {} : { retryAfter: num }),
          });
        case 'latency': {
          const range = value?.split('-').map(Number);
          const latencyMs = range && range.length === 2 ? (range as [number, number]) : num;
          return validateHeaderFault({ fault: 'latency', latencyMs });
        }
        case 'truncate':
          return validateHeaderFault({ fault: 'truncate', ...(num === undefined ? {} : { bytes: num }) });
        case 'dribble':
          return validateHeaderFault({ fault: 'dribble', ...(num === undefined ? {} : { intervalMs: num }) });
        case 'reset':
        case 'empty':
        case 'malformed-json':
        case 'hang':
          return { fault: name } as FaultSpec;
        default:
          throw new MockHttpError(400, `Unknown X-Mock-Fault "${part}": ${HEADER_HELP}.`);
      }
    });
}

function validateHeaderFault(spec: Record<string, unknown>): FaultSpec {
  try {
    return validateFault(spec);
  } catch (e) {
    if (e instanceof MockHttpError) throw new MockHttpError(400, `Invalid X-Mock-Fault: ${e.message}`);
    throw e;
  }
}

/** The fault rules of one mock: add/clear in-process, through `/__mock/faults`, or per request by header. */
export class FaultStore {
  #faults: (ActiveFault & { regex?: RegExp })[] = [];
  #counter = 0;

  /** Add a fault; returns it with its id (use the id to remove it). */
  add(spec: FaultSpec): ActiveFault {
    const valid = validateFault(spec);
    this.#counter += 1;
    const fault = { ...valid, id: `f${this.#counter}`, hits: 0 };
    this.#faults.push({ ...fault, ...(valid.route ? { regex: routeRegex(valid.route) } : {}) });
    return fault;
  }

  /** Remove one fault by id; false when there was none. */
  remove(id: string): boolean {
    const before = this.#faults.length;
    this.#faults = this.#faults.filter((f) => f.id !== id);
    return this.#faults.length !== before;
  }

  clear(): void {
    this.#faults = [];
  }

  /** The active faults (copies). */
  list(): ActiveFault[] {
    return this.#faults.map(({ regex: _regex, ...f }) => ({ ...f }));
  }

  get size(): number {
    return this.#faults.length;
  }

  /**
   * Decide the faults for one request. `extra` are the request's own X-Mock-Fault faults. Random choices use
   * (seed, request index, fault position) so a seed replays a run exactly.
   */
  decide(
    req: { method: string; route: string; token: string | undefined },
    seed: number,
    requestIndex: number,
    extra: FaultSpec[] = [],
  ): FaultOutcome {
    const outcome: FaultOutcome = { latencyMs: 0 };
    let decided = false;
    const candidates: (FaultSpec & { regex?: RegExp; hits?: number; id?: string })[] = [
      ...extra,
      ...this.#faults,
    ];
    candidates.forEach((f, position) => {
      if (f.method && f.method.toUpperCase() !== req.method) return;
      if (f.token && f.token !== req.token) return;
      if (f.regex && !f.regex.test(req.route)) return;
      if (f.route && !f.regex && !routeRegex(f.route).test(req.route)) return;
      if (f.fault !== 'latency' && decided) return;
      if (f.rate !== undefined && seededUnit(seed, requestIndex, position + 1) >= f.rate) return;
      this.#apply(f, outcome, seed, requestIndex, position);
      if (f.fault !== 'latency') decided = true;
      if (f.id) {
        f.hits = (f.hits ?? 0) + 1;
        if (f.times !== undefined && f.hits >= f.times) this.remove(f.id);
      }
    });
    return outcome;
  }

  #apply(f: FaultSpec, outcome: FaultOutcome, seed: number, index: number, position: number): void {
    switch (f.fault) {
      case 'latency': {
        const l = f.latencyMs ?? 0;
        outcome.latencyMs += Array.isArray(l)
          ? Math.round(l[0] + (l[1] - l[0]) * seededUnit(seed, index, 1000 + position))
          : l;
        return;
      }
      case 'status':
        outcome.status = { status: f.status ?? 500 };
        return;
      case 'rate-limit':
        outcome.rateLimit = { retryAfter: f.retryAfter ?? 1 };
        return;
      case 'malformed-json':
        outcome.malformed = true;
        return;
      case 'truncate':
        outcome.transport = { kind: 'truncate', ...(f.bytes === undefined ? {} : { bytes: f.bytes }) };
        return;
      case 'dribble':
        outcome.transport = { kind: 'dribble', chunks: f.chunks ?? 10, intervalMs: f.intervalMs ?? 100 };
        return;
      default:
        outcome.transport = { kind: f.fault };
    }
  }
}
