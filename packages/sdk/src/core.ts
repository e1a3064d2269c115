import type { z } from 'zod';
import { ApiPromise, type WithResponse } from './api-promise.js';
import { ResponseValidationError } from './errors.js';
import type { ListOptions, RequestOptions } from './options.js';
import { type Page, PagePromise } from './pagination.js';
import { checkId, limitRule, type Query } from './params.js';
import type { ResponseValidator } from './response-validation.js';
import type { RawResult, Transport } from './transport.js';

/** A raw query: undefined values are dropped. */
export type RawQuery = Record<string, string | number | boolean | undefined>;

function compact(query: RawQuery | undefined): Query {
  const out: Query = {};
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) out[key] = value;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Turns a request into an ApiPromise/PagePromise, validating inputs first (a failure sends nothing). */
function guarded<P>(build: () => P, fail: (error: unknown) => P): P {
  try {
    return build();
  } catch (error) {
    return fail(error);
  }
}

/** What resources call: GET + envelope unwrapping + response validation + pagination. */
export class Core {
  constructor(
    readonly transport: Transport,
    private readonly validator: ResponseValidator,
  ) {}

  /** GET a single-resource endpoint (`{ data: {...} }`) and return its `data`. Bad ids/params reject, unsent. */
  item<T>(
    route: string,
    toPath: () => string,
    schema: z.ZodType<T>,
    options: RequestOptions | undefined,
    buildQuery: () => Query = () => ({}),
  ): ApiPromise<T> {
    return guarded(
      () => {
        const path = toPath();
        const query = buildQuery();
        return new ApiPromise(async () => {
          const raw = await this.transport.get(path, query, options);
          return this.unwrapItem(route, raw, schema);
        });
      },
      (error) => ApiPromise.failed<T>(error),
    );
  }

  /** A list endpoint (`{ data: [...], has_more }`) as a PagePromise; `schema` checks each item (null: no check). */
  list<T>(
    route: string,
    toPath: () => string,
    schema: z.ZodType<T> | null,
    options: ListOptions | undefined,
    buildQuery: () => Query,
  ): PagePromise<T> {
    return guarded(
      () => {
        const path = toPath();
        const { after, ...requestOptions } = options ?? {};
        if (after !== undefined) checkId(after, 'after');
        const query = buildQuery();
        if (query.after !== undefined && after === undefined) {
          // A raw query may carry the cursor itself.
          checkId(typeof query.after === 'string' ? Number(query.after) : query.after, 'after');
        }
        const start = after ?? (query.after === undefined ? undefined : Number(query.after));
        const { after: _cursor, limit, ...rest } = query;
        if (limit !== undefined) limitRule('limit', typeof limit === 'string' ? Number(limit) : limit);
        const describe = `GET ${this.transport.resolve(path, rest).display}`;
        const fetchPage = async (cursor: number | undefined, pageLimit: number | undefined) => {
          const pageQuery: Query = { ...rest };
          if (pageLimit !== undefined) pageQuery.limit = pageLimit;
          if (cursor !== undefined) pageQuery.after = cursor;
          const raw = await this.transport.get(path, pageQuery, requestOptions);
          return this.unwrapPage(route, raw, schema, cursor);
        };
        return new PagePromise<T>(fetchPage, {
          after: start,
          limit: limit === undefined ? undefined : Number(limit),
          describe,
        });
      },
      (error) => PagePromise.failedList<T>(error),
    );
  }

  /** A raw GET returning the whole parsed body. */
  raw<T>(path: string, query: RawQuery | undefined, options: RequestOptions | undefined): ApiPromise<T> {
    return guarded(
      () => {
        const q = compact(query);
        this.transport.resolve(path, q);
        return new ApiPromise(async () => {
          const raw = await this.transport.get(path, q, options);
          return { data: raw.body as T, response: raw.response, rateLimit: raw.rateLimit };
        });
      },
      (error) => ApiPromise.failed<T>(error),
    );
  }

  rawList<T>(path: string, query: RawQuery | undefined, options: ListOptions | undefined): PagePromise<T> {
    return this.list<T>(
      path,
      () => path,
      null,
      options,
      () => compact(query),
    );
  }

  private unwrapItem<T>(route: string, raw: RawResult, schema: z.ZodType<T>): WithResponse<T> {
    const where = { route, method: 'GET', path: raw.path };
    if (!isRecord(raw.body) || !('data' in raw.body)) {
      throw new ResponseValidationError(`GET ${raw.path} returned no "data" envelope`, {
        ...where,
        data: raw.body,
      });
    }
    const data = this.validator.check(schema, raw.body.data, where);
    return { data, response: raw.response, rateLimit: raw.rateLimit };
  }

  private unwrapPage<T>(
    route: string,
    raw: RawResult,
    schema: z.ZodType<T> | null,
    cursor: number | undefined,
  ): WithResponse<Page<T>> {
    const where = { route, method: 'GET', path: raw.path };
    const body = raw.body;
    if (!isRecord(body) || !Array.isArray(body.data)) {
      throw new ResponseValidationError(`GET ${raw.path} returned no "data" array`, { ...where, data: body });
    }
    const items = (schema ? this.validator.checkList(schema, body.data, where) : body.data) as T[];
    // Only a literal true continues: a missing has_more ends the list (the announcement's examples omit it).
    const hasMore = body.has_more === true;
    let nextCursor: number | null = null;
    if (hasMore) {
      const last = items.at(-1) as unknown;
      if (last === undefined) {
        nextCursor = cursor ?? null;
      } else {
        const id = isRecord(last) ? last.id : undefined;
        if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
          throw new ResponseValidationError(
            `GET ${raw.path}: has_more is true but the last item has no numeric id to continue from`,
            { ...where, data: body },
          );
        }
        nextCursor = id;
      }
    }
    return {
      data: { data: items, has_more: hasMore, nextCursor },
      response: raw.response,
      rateLimit: raw.rateLimit,
    };
  }
}
