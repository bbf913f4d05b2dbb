import { ValidationPipe, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { json, type ErrorRequestHandler, type RequestHandler } from 'express';
import { isUUID } from 'class-validator';
import { invalidRequest, type FieldProblems } from './invalid-request';

/**
 * Rules every request value obeys before any feature sees it, in one place rather than per DTO:
 * depth and size are limited where the JSON is parsed, and no value anywhere may carry a NUL
 * (PostgreSQL refuses it in text) or use a key that names a property of Object.prototype (the
 * transform step drops or misreads those, so `{"answers":{"toString":"…"}}` became `{}`).
 */

/** Deeper than any body Mend accepts (exercise definitions nest about six levels). */
export const MAX_JSON_DEPTH = 32;
export const MAX_JSON_BYTES = 100 * 1024;

/** `__proto__`, `constructor`, `toString`, `hasOwnProperty`, … */
const RESERVED_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** True when brackets outside strings nest deeper than `max`; a linear scan, no recursion. */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (char === 0x7d || char === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

/** The first value under `path` that breaks the global rules, as `[field, problem]`. */
export function unsafeInput(value: unknown, path = ''): [string, string] | undefined {
  const name = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? [path || 'body', 'must not contain a NUL character']
      : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    if (RESERVED_KEYS.has(key)) return [name(key), `"${key}" is a reserved name`];
    if (key.includes('\u0000')) return [path || 'body', 'a key must not contain a NUL character'];
    const problem = unsafeInput(item, name(key));
    if (problem) return problem;
  }
  return undefined;
}

/** Throws the 400 for the first value that breaks the global rules. */
export function assertSafeInput(value: unknown, path = ''): void {
  const problem = unsafeInput(value, path);
  if (problem) throw invalidRequest({ [problem[0]]: problem[1] });
}

class BodyTooDeep extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
}

/**
 * The JSON body parser with its limits, and the handler that turns the parser's refusals into
 * the usual `{ message, fields }` 400/413. Registered before Nest's own, which then stands aside.
 */
export function jsonBodyParser(): [RequestHandler, ErrorRequestHandler] {
  const parser = json({
    limit: MAX_JSON_BYTES,
    verify: (_request, _response, buffer) => {
      // Checked on the text, before JSON.parse and the transform step recurse through it.
      if (jsonNestsDeeperThan(buffer.toString('utf8'), MAX_JSON_DEPTH)) {
        throw new BodyTooDeep(`must not nest deeper than ${MAX_JSON_DEPTH} levels`);
      }
    },
  });
  const refusals: ErrorRequestHandler = (error: unknown, _request, response, next) => {
    const status = (error as { status?: unknown }).status;
    const type = (error as { type?: unknown }).type;
    if (typeof type !== 'string' || !type.startsWith('entity.') || typeof status !== 'number') {
      next(error);
      return;
    }
    const problem =
      type === 'entity.too.large'
        ? `must not be larger than ${MAX_JSON_BYTES / 1024} kB`
        : type === 'entity.too.deep'
          ? (error as Error).message
          : 'must be valid JSON';
    // The same body as every other 400, with the parser's own status (400 or 413).
    response.status(status).json(invalidRequest({ body: problem }).getResponse());
  };
  return [parser, refusals];
}

/** `{ "email": "must be an email" }`: every bad field by name, nested fields dotted. */
function fieldErrors(errors: ValidationError[], prefix = ''): FieldProblems {
  const fields: FieldProblems = {};
  for (const error of errors) {
    const name = `${prefix}${error.property}`;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) fields[name] = messages.join('; ');
    Object.assign(fields, fieldErrors(error.children ?? [], `${name}.`));
  }
  return fields;
}

/** Where @nestjs/swagger keeps each DTO property's options (`nullable` among them). */
const API_PROPERTY = 'swagger/apiModelProperties';

/**
 * `null` where the DTO does not declare the property nullable. class-validator's @IsOptional
 * lets null through as if absent, and the service then wrote NULL into a NOT NULL column (a 500);
 * the OpenAPI declaration already says which properties may be null, so it decides here.
 */
function nullProblems(value: unknown, path: string, fields: FieldProblems): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => nullProblems(item, `${path}${index}.`, fields));
    return;
  }
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === null || prototype === Object.prototype) return;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (item === null) {
      const options = Reflect.getMetadata(API_PROPERTY, prototype, key) as
        { nullable?: boolean } | undefined;
      if (options?.nullable !== true) fields[`${path}${key}`] = `${key} must not be null`;
    } else {
      nullProblems(item, `${path}${key}.`, fields);
    }
  }
}

/**
 * The global pipe: the rules above on every body, query and path value, then class-validator
 * (unknown fields refused), then no `null` that the DTO does not allow.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => invalidRequest(fieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom parameters (the session's context, request metadata) come from the server.
    if (metadata.type === 'custom') return value;
    assertSafeInput(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    // Path values reach their own pipe (UuidParam, PositiveIntParam) as the text that was sent:
    // converted here first, "1e3" would pass as 1000.
    if (metadata.type === 'param') return value;
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body') {
      const fields: FieldProblems = {};
      nullProblems(result, '', fields);
      if (Object.keys(fields).length > 0) throw invalidRequest(fields);
    }
    return result;
  }
}

/** `@Param('id', UuidParam)`: a 400 naming the parameter, where ParseUUIDPipe named none. */
export class UuidParam implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value === 'string' && isUUID(value)) return value;
    throw invalidRequest({ [metadata.data ?? 'id']: 'must be a UUID' });
  }
}

/** The largest value of a PostgreSQL `integer` column; beyond it the query itself fails. */
const MAX_INT4 = 2_147_483_647;

/** `@Param('version', PositiveIntParam)`: 1 to 2³¹−1, else a 400 naming the parameter. */
export class PositiveIntParam implements PipeTransform<unknown, number> {
  transform(value: unknown, metadata: ArgumentMetadata): number {
    const number = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (number >= 1 && number <= MAX_INT4) return number;
    throw invalidRequest({
      [metadata.data ?? 'value']: `must be a whole number from 1 to ${MAX_INT4}`,
    });
  }
}

/** `@Param('format', new OneOfParam(FORMATS))`: one of a fixed list, else a 400 naming it. */
export class OneOfParam<T extends string> implements PipeTransform<unknown, T> {
  constructor(private readonly allowed: readonly T[]) {}

  transform(value: unknown, metadata: ArgumentMetadata): T {
    const match = this.allowed.find((candidate) => candidate === value);
    if (match !== undefined) return match;
    throw invalidRequest({
      [metadata.data ?? 'value']: `must be one of: ${this.allowed.join(', ')}`,
    });
  }
}
