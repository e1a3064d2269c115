/** What one HTTP attempt came to. */
export interface AttemptResult {
  status?: number;
  error?: string;
  timedOut: boolean;
  durationMs: number;
  responseBody?: string;
}

const RESPONSE_BODY_LIMIT = 512;

function describeError(error: unknown, timeoutMs: number): { error: string; timedOut: boolean } {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return { error: `timeout after ${timeoutMs} ms`, timedOut: true };
  }
  const cause = e?.cause?.code ?? e?.cause?.message;
  return {
    error: cause ? `${e?.message ?? 'fetch failed'}: ${cause}` : String(e?.message ?? error),
    timedOut: false,
  };
}

/**
 * POST one delivery. Never throws: network errors and the timeout become `error`. The timeout covers the
 * whole exchange, body included, as a slow receiver would experience it.
 */
export async function postWebhook(
  fetchImpl: typeof fetch,
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<AttemptResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetchImpl(url, { method: 'POST', headers, body, signal, redirect: 'manual' });
    const text = await response.text();
    return {
      status: response.status,
      timedOut: false,
      durationMs: Math.round(performance.now() - started),
      responseBody: text.slice(0, RESPONSE_BODY_LIMIT),
    };
  } catch (error) {
    return { ...describeError(error, timeoutMs), durationMs: Math.round(performance.now() - started) };
  }
}
