import { toWireDateTime } from '../clock.js';
import { MockHttpError } from '../reply.js';
import { isWebhookEventName, WEBHOOK_EVENT_NAMES } from './events.js';
import { MAX_ENDPOINTS_PER_ACCOUNT } from './schedule.js';
import { generateSecret, secretHint } from './signature.js';
import type {
  RegisterEndpointInput,
  WebhookChaos,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
} from './types.js';

/** An endpoint with its secrets: never leaves the dispatcher as is. */
export interface EndpointRecord {
  id: number;
  userId: number;
  url: string;
  events: string[];
  active: boolean;
  consecutiveFailures: number;
  chaos: WebhookChaos;
  createdAt: string;
  secret: string;
  previousSecret?: string;
  /** Set by a rotation under `chaos.oldSecretAfterRotation`: the next attempt uses `previousSecret`. */
  signNextWithPrevious: boolean;
}

export interface EndpointPatch {
  url?: string;
  events?: readonly string[];
  active?: boolean;
  chaos?: WebhookChaos;
}

/** `http(s)://…` or a 422 naming the input; HTTPS is not required so localhost receivers work. */
export function validateUrl(url: unknown): string {
  if (typeof url !== 'string' || url.length === 0) {
    throw new MockHttpError(
      422,
      'url is required: an absolute http(s) URL such as http://127.0.0.1:3000/webhook.',
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MockHttpError(422, `Invalid url "${url}": expected an absolute http(s) URL.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new MockHttpError(422, `Invalid url "${url}": only http and https URLs are accepted.`);
  }
  return parsed.href;
}

/** A non-empty list of documented event names, or `['*']`. */
export function validateEvents(events: unknown): string[] {
  if (!Array.isArray(events) || events.length === 0 || events.some((e) => typeof e !== 'string')) {
    throw new MockHttpError(
      422,
      `events must be a non-empty array of event names (or ["*"]), e.g. ["habit.completed"].`,
    );
  }
  if (events.includes('*')) return ['*'];
  const unknown = events.filter((e) => !isWebhookEventName(e));
  if (unknown.length > 0) {
    throw new MockHttpError(
      422,
      `Unknown event ${unknown.map((e) => `"${e}"`).join(', ')}: expected one of ${WEBHOOK_EVENT_NAMES.join(', ')} or "*".`,
    );
  }
  return [...new Set(events as string[])];
}

export function validateChaos(chaos: unknown): WebhookChaos {
  if (chaos === undefined || chaos === null) return {};
  if (typeof chaos !== 'object' || Array.isArray(chaos)) {
    throw new MockHttpError(
      422,
      'chaos must be an object: { duplicate?, outOfOrder?, oldSecretAfterRotation?, slow? }.',
    );
  }
  const c = chaos as Record<string, unknown>;
  const known = ['duplicate', 'outOfOrder', 'oldSecretAfterRotation', 'slow'];
  const extra = Object.keys(c).filter((k) => !known.includes(k));
  if (extra.length > 0)
    throw new MockHttpError(422, `Unknown chaos option ${extra.join(', ')}: expected ${known.join(', ')}.`);
  if (
    c.duplicate !== undefined &&
    (typeof c.duplicate !== 'number' || !(c.duplicate >= 0 && c.duplicate <= 1))
  ) {
    throw new MockHttpError(422, 'chaos.duplicate must be a probability between 0 and 1.');
  }
  for (const key of ['outOfOrder', 'oldSecretAfterRotation', 'slow']) {
    if (c[key] !== undefined && typeof c[key] !== 'boolean') {
      throw new MockHttpError(422, `chaos.${key} must be true or false.`);
    }
  }
  return { ...(c as WebhookChaos) };
}

function validateSecret(secret: unknown): string | undefined {
  if (secret === undefined || secret === null) return undefined;
  if (typeof secret !== 'string' || secret.length < 8) {
    throw new MockHttpError(
      422,
      'secret must be a string of at least 8 characters (or omitted to generate one).',
    );
  }
  return secret;
}

/** The public face of an endpoint: the secret only as a hint. */
export function toView(e: EndpointRecord): WebhookEndpointView {
  return {
    id: e.id,
    userId: e.userId,
    url: e.url,
    events: [...e.events],
    active: e.active,
    consecutiveFailures: e.consecutiveFailures,
    secretHint: secretHint(e.secret),
    chaos: { ...e.chaos },
    createdAt: e.createdAt,
  };
}

/** Registered endpoints across all users; ids are global so a control call can 404 another user's endpoint. */
export class EndpointRegistry {
  #endpoints = new Map<number, EndpointRecord>();
  #nextId = 1;
  #secrets = 0;

  constructor(private readonly seed: number) {}

  register(userId: number, input: RegisterEndpointInput, nowMs: number): WebhookEndpointWithSecret {
    if (typeof input !== 'object' || input === null) {
      throw new MockHttpError(422, 'Expected an endpoint: { url, events, secret?, chaos? }.');
    }
    const url = validateUrl(input.url);
    const events = validateEvents(input.events);
    const secret = validateSecret(input.secret) ?? this.#newSecret();
    const chaos = validateChaos(input.chaos);
    if (this.list(userId).length >= MAX_ENDPOINTS_PER_ACCOUNT) {
      throw new MockHttpError(
        422,
        `You can create up to ${MAX_ENDPOINTS_PER_ACCOUNT} webhook endpoints per account: delete one first.`,
      );
    }
    const record: EndpointRecord = {
      id: this.#nextId++,
      userId,
      url,
      events,
      active: true,
      consecutiveFailures: 0,
      chaos,
      createdAt: toWireDateTime(nowMs),
      secret,
      signNextWithPrevious: false,
    };
    this.#endpoints.set(record.id, record);
    return { ...toView(record), secret };
  }

  get(id: number): EndpointRecord | undefined {
    return this.#endpoints.get(id);
  }

  /** The endpoint or a 404 naming the id. */
  require(id: number): EndpointRecord {
    const found = this.#endpoints.get(id);
    if (!found) throw new MockHttpError(404, `Webhook endpoint ${id} not found.`);
    return found;
  }

  list(userId?: number): EndpointRecord[] {
    const all = [...this.#endpoints.values()];
    return userId === undefined ? all : all.filter((e) => e.userId === userId);
  }

  remove(id: number): EndpointRecord {
    const found = this.require(id);
    this.#endpoints.delete(id);
    return found;
  }

  /** New secret in force at once; the old one is kept only for the `oldSecretAfterRotation` chaos. */
  rotate(id: number, newSecret?: string): WebhookEndpointWithSecret {
    const e = this.require(id);
    const secret = validateSecret(newSecret) ?? this.#newSecret();
    e.previousSecret = e.secret;
    e.secret = secret;
    e.signNextWithPrevious = e.chaos.oldSecretAfterRotation === true;
    return { ...toView(e), secret };
  }

  update(id: number, patch: EndpointPatch): EndpointRecord {
    const e = this.require(id);
    if (patch.url !== undefined) e.url = validateUrl(patch.url);
    if (patch.events !== undefined) e.events = validateEvents(patch.events);
    if (patch.chaos !== undefined) e.chaos = validateChaos(patch.chaos);
    if (patch.active !== undefined) {
      if (typeof patch.active !== 'boolean') throw new MockHttpError(422, 'active must be true or false.');
      // Reactivating starts a fresh failure streak, as re-enabling in Settings would.
      if (patch.active && !e.active) e.consecutiveFailures = 0;
      e.active = patch.active;
    }
    return e;
  }

  clear(): void {
    this.#endpoints.clear();
    this.#nextId = 1;
    this.#secrets = 0;
  }

  #newSecret(): string {
    return generateSecret(this.seed, ++this.#secrets);
  }
}
