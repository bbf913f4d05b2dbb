/** Just enough of an OpenAPI 3 document to walk its operations and build request bodies. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  allOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
}

export interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: OpenApiSchema }>;
  requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
  responses?: Record<string, { headers?: Record<string, unknown> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export interface Operation {
  /** "PUT /api/users/{id}" */
  key: string;
  method: string;
  path: string;
  operation: OpenApiOperation;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        operation,
      })),
  );
}

/** A react-admin collection: a GET without path parameters that answers its total in Content-Range. */
export function isCollection(operation: Operation): boolean {
  return (
    operation.method === 'GET' &&
    pathParameters(operation.path).length === 0 &&
    operation.operation.responses?.['200']?.headers?.['Content-Range'] !== undefined
  );
}

export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');
}

/** The resource an id belongs to: the path segment just before the parameter. */
export function resourceOf(path: string, parameter: string): string {
  const segments = path.split('/');
  const index = segments.indexOf(`{${parameter}}`);
  return segments[index - 1] ?? '';
}

/**
 * A request body that satisfies the operation's schema, built from each required property's
 * example (or enum, or a plain value of its type). DTOs give examples where a plain value
 * would not pass validation.
 */
export function sampleBody(document: OpenApiDocument, operation: OpenApiOperation): unknown {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  return schema ? sample(document, schema) : undefined;
}

export function resolve(document: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split('/').pop() ?? '';
  const target = document.components?.schemas?.[name];
  if (!target) throw new Error(`unknown schema ${schema.$ref}`);
  return resolve(document, target);
}

function sample(document: OpenApiDocument, raw: OpenApiSchema): unknown {
  const schema = resolve(document, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.allOf?.length) {
    return Object.assign({}, ...schema.allOf.map((part) => sample(document, part) as object));
  }
  if (schema.oneOf?.[0]) return sample(document, schema.oneOf[0]);
  switch (schema.type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const name of schema.required ?? []) {
        const property = schema.properties?.[name];
        if (property) body[name] = sample(document, property);
      }
      return body;
    }
    case 'array':
      return schema.items ? [sample(document, schema.items)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.format === 'date') return new Date().toISOString().slice(0, 10);
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 8));
    case undefined:
    default:
      return {};
  }
}
