import { DEFAULT_BASE_URL } from '@loggd/sdk/constants';
import type { CommandContext } from '../../types.js';

export interface MockVerifyFlags {
  limit?: number;
  samples?: number;
}

/**
 * `loggd mock verify`: walk the account read-only and list where the API's responses differ from the SDK's
 * schemas (the drift alarm for the SDK and the mock). Exit 0 when nothing violates them, 1 otherwise; fields the
 * SDK does not know yet are listed but are not failures (v1 adds fields).
 */
export async function mockVerify(ctx: CommandContext, flags: MockVerifyFlags): Promise<number> {
  const [{ checkDrift }, { CliError, noTokenError }, { EXIT }, { render }, context] = await Promise.all([
    import('@loggd/mock'),
    import('../../errors.js'),
    import('../../exit-codes.js'),
    import('../../output/render.js'),
    import('../../context.js'),
  ]);
  let target: { baseUrl: string; token: string; fetch?: typeof fetch };
  if (ctx.opts.demo) {
    const mock = await context.demoMock(ctx.io.env);
    target = { baseUrl: mock.baseUrl, token: context.DEMO_TOKEN, fetch: mock.fetch };
  } else {
    const creds = await context.resolveTokenAndUrl(ctx.io, ctx.opts, ctx.configDir);
    if (!creds.token) throw noTokenError();
    target = { baseUrl: creds.baseUrl ?? DEFAULT_BASE_URL, token: creds.token };
  }
  let report: Awaited<ReturnType<typeof checkDrift>>;
  try {
    report = await checkDrift({
      ...target,
      ...(flags.limit ? { limit: flags.limit } : {}),
      ...(flags.samples ? { detailSamples: flags.samples } : {}),
    });
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    if (/401/.test(message)) {
      throw new CliError(message, EXIT.auth, 'authentication', [
        'run `loggd auth login` again, or set LOGGD_TOKEN',
      ]);
    }
    throw new CliError(`could not reach ${target.baseUrl}: ${message}`, EXIT.network, 'network', [
      'check the base URL and your connection',
    ]);
  }
  const violations = report.findings.filter((f) => f.kind === 'violation').length;
  const newFields = report.findings.filter((f) => f.kind === 'new_field').length;
  const items = report.checked.reduce((n, c) => n + c.items, 0);
  await render(ctx, report.findings as unknown as Record<string, unknown>[], {
    fields: ['kind', 'endpoint', 'path', 'detail', 'count'],
    empty: 'no drift: every response matches the SDK’s schemas',
  });
  ctx.io.stderr.write(
    `checked ${items} items from ${report.checked.length} endpoint reads (${report.requests} requests): ` +
      `${violations} violation(s), ${newFields} unknown field(s)\n`,
  );
  return violations > 0 ? EXIT.failure : EXIT.ok;
}
