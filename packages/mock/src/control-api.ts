import type { MockActions } from './actions/index.js';
import { toWireDateTime } from './clock.js';
import type { MockEngine } from './engine.js';
import { validateFault } from './faults.js';
import { json, MockHttpError, type MockReply, type MockRequest } from './reply.js';

/** Forwards `/__mock/webhooks/…` to the webhook dispatcher; undefined = not one of its routes. */
export type WebhookControl = (request: Request) => Promise<Response | undefined> | Response | undefined;

type Body = Record<string, unknown>;

/** No body at all means `{}`; anything else must be JSON (whitespace alone is not). */
function parseJson(req: MockRequest): unknown {
  if (req.body === undefined || req.body === '') return {};
  if (req.body.trim() === '') {
    throw new MockHttpError(400, 'Malformed JSON body: only whitespace; send a JSON document or no body.');
  }
  try {
    return JSON.parse(req.body);
  } catch (e) {
    throw new MockHttpError(400, `Malformed JSON body: ${(e as Error).message}`);
  }
}

function parseBody(req: MockRequest): Body {
  const parsed = parseJson(req);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MockHttpError(400, 'The JSON body must be an object.');
  }
  return parsed as Body;
}

function id(segment: string | undefined, what: string): number {
  if (!segment || !/^\d{1,15}$/.test(segment))
    throw new MockHttpError(404, `${what} "${segment}" not found.`);
  return Number(segment);
}

async function toReply(response: Response): Promise<MockReply> {
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  };
}

/**
 * The control API under `/__mock`: health, reset, clock, faults, the request journal, tokens, state changes
 * (which fire webhook events) and the dispatcher's `/__mock/webhooks/…` routes. Bad input is a 4xx with a message.
 */
export function createControlHandler(actions: MockActions, webhookControl?: WebhookControl) {
  return async (req: MockRequest, engine: MockEngine): Promise<MockReply> => {
    const path = req.url.pathname;
    const rest = path.slice(path.indexOf('/__mock') + '/__mock'.length).replace(/\/$/, '');
    const seg = rest.split('/').filter(Boolean);
    const method = req.method.toUpperCase();
    // Odd segments are ids (`/habits/{id}/complete`, `/goals/{id}/milestones/{id}/complete`, `/faults/{id}`).
    const route = `${method} /${seg.map((s, i) => (i % 2 === 1 ? ':id' : s)).join('/')}`;

    if (seg[0] === 'webhooks') {
      if (!webhookControl) throw new MockHttpError(404, 'Webhook control is not available in this mock.');
      const request = new Request(req.url, {
        method,
        headers: req.headers,
        ...(req.body !== undefined && method !== 'GET' && method !== 'HEAD' ? { body: req.body } : {}),
      });
      const response = await webhookControl(request);
      if (response) return toReply(response);
      throw new MockHttpError(404, `Unknown webhook control route ${method} ${path}.`);
    }

    switch (route) {
      case 'GET /health':
        return json(200, {
          status: 'ok',
          seed: engine.seed,
          now: toWireDateTime(engine.clock.nowMs()),
          frozen: engine.clock.frozen,
          requests: engine.requestCount,
          faults: engine.faults.size,
        });
      case 'POST /reset':
        engine.reset();
        return json(200, { status: 'reset', now: toWireDateTime(engine.clock.nowMs()) });
      case 'POST /clock': {
        const body = parseBody(req);
        try {
          if (body.set !== undefined) engine.clock.set(body.set as string);
          else if (body.advance !== undefined) engine.clock.advance(body.advance as string);
          else throw new TypeError('Send {"set": "2026-04-08T09:00:00Z"} or {"advance": "1h"}.');
        } catch (e) {
          throw new MockHttpError(422, (e as Error).message);
        }
        return json(200, { now: toWireDateTime(engine.clock.nowMs()) });
      }
      case 'GET /clock':
        return json(200, { now: toWireDateTime(engine.clock.nowMs()), frozen: engine.clock.frozen });
      case 'GET /faults':
        return json(200, { data: engine.faults.list() });
      case 'POST /faults': {
        const body = req.body?.trim().startsWith('[') ? safeArray(req) : [parseBody(req)];
        const added = body.map((f) => engine.faults.add(validateFault(f)));
        return json(201, { data: added });
      }
      case 'DELETE /faults':
        engine.faults.clear();
        return json(200, { data: [] });
      case 'DELETE /faults/:id': {
        if (!engine.faults.remove(seg[1]!)) throw new MockHttpError(404, `Fault "${seg[1]}" not found.`);
        return json(200, { deleted: seg[1] });
      }
      case 'GET /requests':
        return json(200, { data: engine.journal.list() });
      case 'DELETE /requests':
        engine.journal.clear();
        return json(200, { data: [] });
      case 'POST /tokens': {
        const body = parseBody(req);
        if (body.scopes !== undefined && !Array.isArray(body.scopes)) {
          throw new MockHttpError(422, 'scopes must be an array of strings, e.g. ["read:habits"].');
        }
        const created = engine.tokens.create({
          ...(body.user_id !== undefined ? { userId: body.user_id as number } : {}),
          ...(body.scopes !== undefined ? { scopes: body.scopes as string[] } : {}),
        });
        // The one time a created token is shown in full (like the real Settings page).
        return json(201, { token: created.token, user_id: created.userId, scopes: created.scopes });
      }
      case 'POST /habits':
        return json(201, { data: actions.createHabit(parseBody(req)) });
      case 'POST /habits/:id/complete':
        return json(201, { data: actions.completeHabit(id(seg[1], 'Habit'), parseBody(req)) });
      case 'POST /habits/:id/archive':
        return json(200, { data: actions.archiveHabit(id(seg[1], 'Habit')) });
      case 'POST /tasks':
        return json(201, { data: actions.createTask(parseBody(req)) });
      case 'POST /tasks/:id/complete':
        return json(200, { data: actions.completeTask(id(seg[1], 'Task'), parseBody(req)) });
      case 'POST /tasks/:id/cancel':
        return json(200, { data: actions.cancelTask(id(seg[1], 'Task')) });
      case 'POST /goals':
        return json(201, { data: actions.createGoal(parseBody(req)) });
      case 'POST /goals/:id/updates':
        return json(201, { data: actions.recordGoalUpdate(id(seg[1], 'Goal'), parseBody(req)) });
      case 'POST /goals/:id/milestones/:id/complete':
        return json(200, { data: actions.completeMilestone(id(seg[1], 'Goal'), id(seg[3], 'Milestone')) });
      case 'POST /focus-sessions':
        return json(201, { data: actions.startFocusSession(parseBody(req)) });
      case 'POST /focus-sessions/:id/complete':
        return json(200, { data: actions.completeFocusSession(id(seg[1], 'Focus session')) });
      case 'POST /points':
        return json(200, { data: actions.awardPoints(parseBody(req)) });
      case 'POST /badges':
        return json(201, { data: actions.unlockBadge(parseBody(req)) });
      case 'POST /checkins':
        return json(201, { data: actions.submitCheckin(parseBody(req)) });
      default:
        throw new MockHttpError(
          404,
          `Unknown control route ${method} ${path}. See docs/mock.md for the control API.`,
        );
    }
  };
}

function safeArray(req: MockRequest): unknown[] {
  return parseJson(req) as unknown[];
}
