import { MockHttpError } from '../reply.js';
import type { WebhookDispatcher } from './dispatcher.js';

const PREFIX = '/__mock/webhooks';

function json(status: number, payload: unknown): Response {
  return new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json' } });
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MockHttpError(400, 'Malformed JSON body: expected a JSON object.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MockHttpError(400, 'Expected a JSON object body.');
  }
  return parsed as Record<string, unknown>;
}

function parseId(raw: string, what: string): number {
  if (!/^\d+$/.test(raw))
    throw new MockHttpError(404, `${what} ${raw} not found: ids are positive integers.`);
  return Number(raw);
}

function parseUser(url: URL, fallback: number): number {
  const raw = url.searchParams.get('user');
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) throw new MockHttpError(422, `Invalid user "${raw}": expected a numeric user id.`);
  return Number(raw);
}

async function route(request: Request, url: URL, d: WebhookDispatcher, userId: number): Promise<Response> {
  const path = url.pathname.slice(PREFIX.length).replace(/\/+$/, '') || '/';
  const method = request.method.toUpperCase();
  const owned = (raw: string) => {
    const id = parseId(raw, 'Webhook endpoint');
    if (d.endpoint(id)?.userId !== userId) throw new MockHttpError(404, `Webhook endpoint ${id} not found.`);
    return id;
  };

  if (path === '/endpoints') {
    if (method === 'GET') return json(200, { data: d.endpoints(userId) });
    if (method === 'POST') {
      const body = await readJson(request);
      const created = d.register(userId, body as never);
      return json(201, { data: created, id: created.id, secret: created.secret });
    }
  }
  const one = /^\/endpoints\/([^/]+)$/.exec(path);
  if (one) {
    const id = owned(one[1]!);
    if (method === 'GET') return json(200, { data: d.endpoint(id), log: d.log(id) });
    if (method === 'DELETE') {
      d.remove(id);
      return new Response(null, { status: 204 });
    }
    if (method === 'PATCH') return json(200, { data: d.updateEndpoint(id, await readJson(request)) });
  }
  const action = /^\/endpoints\/([^/]+)\/(rotate|test)$/.exec(path);
  if (action && method === 'POST') {
    const id = owned(action[1]!);
    const body = await readJson(request);
    if (action[2] === 'rotate') {
      if (body.secret !== undefined && typeof body.secret !== 'string') {
        throw new MockHttpError(
          422,
          'secret must be a string of at least 8 characters (or omitted to generate one).',
        );
      }
      const rotated = d.rotateSecret(id, body.secret as string | undefined);
      return json(200, { data: rotated, id: rotated.id, secret: rotated.secret });
    }
    if (body.event !== undefined && typeof body.event !== 'string') {
      throw new MockHttpError(422, 'event must be an event name string, e.g. "habit.completed".');
    }
    const sent = d.sendTest(id, body.event as string | undefined);
    // Answer with the outcome so a curl user sees at once whether their receiver accepted it.
    await d.flush();
    return json(200, { data: d.deliveries({ endpointId: id }).find((x) => x.id === sent.id) ?? sent });
  }
  if (path === '/deliveries' && method === 'GET') {
    const endpoint = url.searchParams.get('endpoint_id') ?? url.searchParams.get('endpointId');
    const event = url.searchParams.get('event');
    return json(200, {
      data: d.deliveries({
        userId,
        ...(endpoint !== null && { endpointId: parseId(endpoint, 'Webhook endpoint') }),
        ...(event !== null && { event }),
      }),
    });
  }
  if (path === '/flush' && method === 'POST') {
    await d.flush({ releaseHeld: url.searchParams.get('release_held') === 'true' });
    return json(200, { pending: d.pendingCount });
  }
  const known = path === '/endpoints' || one || action || path === '/deliveries' || path === '/flush';
  if (known) throw new MockHttpError(405, `Method ${method} is not allowed on ${PREFIX}${path}.`);
  throw new MockHttpError(404, `Unknown webhook control route ${PREFIX}${path}.`);
}

/**
 * Serve the webhook control routes under /__mock/webhooks (endpoints, rotate, test, deliveries, flush).
 * Returns null for any other path; never throws: bad input becomes a 4xx `{ message }`.
 * The user is `?user=`, else `userId`, else the dispatcher's demo user.
 */
export async function handleWebhookControl(
  request: Request,
  dispatcher: WebhookDispatcher,
  userId?: number,
): Promise<Response | null> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) return null;
  try {
    return await route(request, url, dispatcher, parseUser(url, userId ?? dispatcher.defaultUserId));
  } catch (error) {
    if (error instanceof MockHttpError) return json(error.status, { message: error.message, ...error.extra });
    if (error instanceof TypeError) return json(422, { message: error.message });
    return json(500, { message: `Webhook control error: ${(error as Error)?.message ?? String(error)}` });
  }
}
