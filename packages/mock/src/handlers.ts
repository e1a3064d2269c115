import { HttpResponse, http } from 'msw';
import { API_PREFIX } from './api.js';
import type { MockEngine } from './engine.js';
import { answerWebRequest, toWebResponse, wait } from './fetch-door.js';

/** Requests the mock answers: anything under /api/v1/public or /__mock, on any host. */
export function isMockUrl(url: string): boolean {
  const { pathname } = new URL(url);
  return pathname.includes(API_PREFIX) || pathname.includes('/__mock');
}

/**
 * The msw door: handlers for `setupServer(...mock.handlers)`. Per-test overrides go in front with `server.use`.
 * Reset/empty become `HttpResponse.error()` (a rejected fetch); a hang waits for the request's abort signal.
 */
export function createHandlers(engine: MockEngine) {
  return [
    http.all(
      ({ request }) => isMockUrl(request.url),
      async ({ request }) => {
        const reply = await answerWebRequest(engine, request);
        if (reply.latencyMs) await wait(reply.latencyMs, request.signal);
        const kind = reply.transport?.kind;
        if (kind === 'reset' || kind === 'empty') return HttpResponse.error();
        if (kind === 'hang') {
          await new Promise<void>((_resolve, reject) => {
            request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
          });
        }
        return toWebResponse(reply, request.signal);
      },
    ),
  ];
}
