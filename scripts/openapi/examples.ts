import { readFileSync } from 'node:fs';

/** The docs' example bodies, verbatim: the fixture the mock and SDK tests check themselves against too. */
export interface DocsExamples {
  /** `GET /habits/{id}` → its example 200 body. */
  responses: Record<string, unknown>;
  /** `401`, `404`, `403 requires_pro`, `403 missing_abilities` → the docs' error payloads. */
  errors: Record<string, Record<string, unknown>>;
}

const SOURCE = new URL('../../packages/mock/test/fixtures/docs-examples.json', import.meta.url);
let cached: DocsExamples | undefined;

/** The examples copied from the API docs (read once). */
export function docsExamples(): DocsExamples {
  cached ??= JSON.parse(readFileSync(SOURCE, 'utf8')) as DocsExamples;
  return cached;
}
