import { applyDecorators, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';

/**
 * Documents a list endpoint in react-admin's simple REST dialect: the three JSON query
 * parameters and the Content-Range header with the total.
 */
export function ApiList(
  item: Type<unknown>,
  options: { sortable: readonly string[]; filters: readonly string[] },
): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'range',
      required: false,
      description:
        'JSON [first, last], zero-based and inclusive; at most 100 rows. Default [0,24].',
      example: '[0,24]',
    }),
    ApiQuery({
      name: 'sort',
      required: false,
      description: `JSON [field, "ASC"|"DESC"]; field one of: ${options.sortable.join(', ')}.`,
      example: `["${options.sortable[0] ?? 'id'}","ASC"]`,
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: `JSON object; keys: ${options.filters.join(', ')}.`,
      example: '{}',
    }),
    ApiOkResponse({
      type: item,
      isArray: true,
      headers: {
        'Content-Range': {
          description: 'e.g. "users 0-24/319": the rows shown and the total.',
          schema: { type: 'string' },
        },
      },
    }),
  );
}
