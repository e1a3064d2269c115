import { MockHttpError } from '../reply.js';

/** A control request's JSON body. */
export type Body = Record<string, unknown>;

/** A string field of the body; `required` also rejects blank strings. Bad input is a 422 naming the field. */
export function str(body: Body, name: string, required: true): string;
export function str(body: Body, name: string, required?: false): string | undefined;
export function str(body: Body, name: string, required = false): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) {
    if (required) throw new MockHttpError(422, `"${name}" is required (a non-empty string).`);
    return undefined;
  }
  if (typeof v !== 'string' || (required && v.trim() === '')) {
    throw new MockHttpError(422, `"${name}" must be a${required ? ' non-empty' : ''} string.`);
  }
  return v;
}

/** A number field of the body (`int`: whole; `min`: lower bound). Bad input is a 422 naming the field. */
export function num(
  body: Body,
  name: string,
  opts: { required?: boolean; int?: boolean; min?: number } = {},
) {
  const v = body[name];
  if (v === undefined || v === null) {
    if (opts.required) throw new MockHttpError(422, `"${name}" is required (a number).`);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || (opts.int && !Number.isInteger(v))) {
    throw new MockHttpError(422, `"${name}" must be ${opts.int ? 'an integer' : 'a number'}.`);
  }
  if (opts.min !== undefined && v < opts.min)
    throw new MockHttpError(422, `"${name}" must be at least ${opts.min}.`);
  return v;
}
