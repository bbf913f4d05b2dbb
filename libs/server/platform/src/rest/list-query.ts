import type { Response } from 'express';
import { z } from 'zod';
import { invalidRequest } from './invalid-request';
import { assertSafeInput } from './input-guard';

/** The largest page anyone may ask for; react-admin's default is 10 to 25. */
export const MAX_PAGE_SIZE = 100;

export type SortOrder = 'ASC' | 'DESC';

export interface ListQuery<TSort extends string, TFilter> {
  offset: number;
  limit: number;
  sort: TSort;
  order: SortOrder;
  filter: TFilter;
}

export interface ListSpec<TSort extends string, TFilter extends z.ZodType> {
  sortable: readonly TSort[];
  defaultSort: readonly [TSort, SortOrder];
  /** A strict object schema: an unknown filter key is a 400, never silently ignored. */
  filter: TFilter;
}

/**
 * A list's spec with `id` always in its sort whitelist: react-admin's stock List and
 * ReferenceInput sort by `id` when nothing else is set, so every list answers that sort.
 */
export function listSpec<const TSort extends string, TFilter extends z.ZodType>(spec: {
  sortable: readonly TSort[];
  defaultSort: readonly [TSort | 'id', SortOrder];
  filter: TFilter;
}): ListSpec<TSort | 'id', TFilter> {
  const sortable: ReadonlyArray<TSort | 'id'> = [...new Set([...spec.sortable, 'id' as const])];
  return { ...spec, sortable };
}

/** The parsed query of a list spec: `ListQueryOf<typeof COUPLE_LIST>`. */
export type ListQueryOf<TSpec> =
  TSpec extends ListSpec<infer TSort, infer TFilter> ? ListQuery<TSort, z.infer<TFilter>> : never;

export interface RawListQuery {
  range?: unknown;
  sort?: unknown;
  filter?: unknown;
}

const rangeSchema = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .refine(([first, last]) => last >= first, 'the second number must not be below the first')
  .refine(
    ([first, last]) => last - first < MAX_PAGE_SIZE,
    `at most ${MAX_PAGE_SIZE} rows per page`,
  );

function parseJson(name: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(name, 'must be given once, as JSON');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value) as unknown;
  } catch {
    throw invalid(name, 'must be valid JSON');
  }
  // `range=null` is not "no range": only an absent parameter takes the default.
  if (parsed === null) throw invalid(name, 'must not be null');
  assertSafeInput(parsed, name);
  return parsed;
}

function invalid(field: string, message: string) {
  return invalidRequest({ [field]: message });
}

/**
 * Reads react-admin's simple REST dialect: `range=[0,24]`, `sort=["field","ASC"]`,
 * `filter={"field":value}` (all JSON). Anything outside the spec is a 400 naming the parameter.
 */
export function parseListQuery<TSort extends string, TFilter extends z.ZodType>(
  raw: RawListQuery,
  spec: ListSpec<TSort, TFilter>,
): ListQuery<TSort, z.infer<TFilter>> {
  const range = parseJson('range', raw.range) ?? [0, 24];
  const parsedRange = rangeSchema.safeParse(range);
  if (!parsedRange.success) {
    throw invalid('range', parsedRange.error.issues[0]?.message ?? 'must be [first, last]');
  }
  const sortInput = parseJson('sort', raw.sort) ?? spec.defaultSort;
  const parsedSort = z
    .tuple([z.enum(spec.sortable as [TSort, ...TSort[]]), z.enum(['ASC', 'DESC'])])
    .safeParse(sortInput);
  if (!parsedSort.success) {
    throw invalid(
      'sort',
      `must be [field, "ASC" | "DESC"] with field one of ${spec.sortable.join(', ')}`,
    );
  }
  const parsedFilter = spec.filter.safeParse(parseJson('filter', raw.filter) ?? {});
  if (!parsedFilter.success) {
    const issue = parsedFilter.error.issues[0];
    const path = issue?.path.length ? `filter.${issue.path.join('.')}` : 'filter';
    const message =
      issue?.code === 'unrecognized_keys'
        ? `unknown filter ${issue.keys.join(', ')}`
        : (issue?.message ?? 'is invalid');
    throw invalid(path, message);
  }
  const [first, last] = parsedRange.data;
  return {
    offset: first,
    limit: last - first + 1,
    sort: parsedSort.data[0],
    order: parsedSort.data[1],
    filter: parsedFilter.data as z.infer<TFilter>,
  };
}

/** `Content-Range: users 0-24/319`, which react-admin reads for the total. */
export function setContentRange(
  response: Response,
  resource: string,
  query: { offset: number },
  shown: number,
  total: number,
): void {
  const last = shown === 0 ? query.offset : query.offset + shown - 1;
  response.setHeader('Content-Range', `${resource} ${query.offset}-${last}/${total}`);
}

/** A filter value that may be one id or several (react-admin's getMany sends an array). */
export const idOrIds = z.union([z.uuid(), z.array(z.uuid()).min(1).max(MAX_PAGE_SIZE)]);

export function asArray<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}
