import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { idOrIds, listSpec, parseListQuery } from './list-query';

const spec = {
  sortable: ['name', 'createdAt'] as const,
  defaultSort: ['name', 'ASC'] as const,
  filter: z.strictObject({
    role: z.enum(['therapist', 'client']).optional(),
    id: idOrIds.optional(),
  }),
};

function fieldsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    if (error instanceof BadRequestException) {
      return (error.getResponse() as { fields: Record<string, string> }).fields;
    }
    throw error;
  }
  throw new Error('expected a 400');
}

describe('parseListQuery (react-admin simple REST dialect)', () => {
  it('reads range, sort and filter', () => {
    expect(
      parseListQuery(
        { range: '[10,19]', sort: '["createdAt","DESC"]', filter: '{"role":"client"}' },
        spec,
      ),
    ).toEqual({
      offset: 10,
      limit: 10,
      sort: 'createdAt',
      order: 'DESC',
      filter: { role: 'client' },
    });
  });

  it('falls back to the first page and the default sort', () => {
    expect(parseListQuery({}, spec)).toEqual({
      offset: 0,
      limit: 25,
      sort: 'name',
      order: 'ASC',
      filter: {},
    });
  });

  it('names the parameter that is wrong', () => {
    expect(fieldsOf(() => parseListQuery({ range: '[0,500]' }, spec))).toHaveProperty('range');
    expect(fieldsOf(() => parseListQuery({ range: '[5,1]' }, spec))).toHaveProperty('range');
    expect(fieldsOf(() => parseListQuery({ range: 'nope' }, spec))).toEqual({
      range: 'must be valid JSON',
    });
    expect(fieldsOf(() => parseListQuery({ sort: '["passwordHash","ASC"]' }, spec))).toHaveProperty(
      'sort',
    );
    expect(fieldsOf(() => parseListQuery({ filter: '{"role":"king"}' }, spec))).toEqual({
      'filter.role': expect.stringContaining('therapist') as unknown,
    });
    expect(fieldsOf(() => parseListQuery({ filter: '{"clinicId":"x"}' }, spec))).toEqual({
      filter: 'unknown filter clinicId',
    });
    expect(fieldsOf(() => parseListQuery({ range: ['[0,1]', '[0,2]'] }, spec))).toHaveProperty(
      'range',
    );
  });

  it('accepts one id or a list of ids, as getMany sends them', () => {
    const id = '0b6f3c56-6d5e-4f57-9a55-0d1f0d1e2f3a';
    expect(parseListQuery({ filter: JSON.stringify({ id }) }, spec).filter).toEqual({ id });
    expect(parseListQuery({ filter: JSON.stringify({ id: [id] }) }, spec).filter).toEqual({
      id: [id],
    });
    expect(
      Object.keys(fieldsOf(() => parseListQuery({ filter: '{"id":["1 OR 1=1"]}' }, spec))),
    ).toEqual(['filter.id.0']);
  });
});

describe('listSpec', () => {
  const couples = listSpec({
    sortable: ['label', 'createdAt'],
    defaultSort: ['createdAt', 'DESC'],
    filter: z.strictObject({}),
  });

  it('always accepts id as a sort, as react-admin sends it by default', () => {
    expect(couples.sortable).toEqual(['label', 'createdAt', 'id']);
    expect(parseListQuery({ sort: '["id","ASC"]' }, couples)).toMatchObject({
      sort: 'id',
      order: 'ASC',
    });
    expect(parseListQuery({ sort: '["id","DESC"]' }, couples)).toMatchObject({
      sort: 'id',
      order: 'DESC',
    });
  });

  it('lists id once when the spec already names it', () => {
    const users = listSpec({
      sortable: ['id', 'email'],
      defaultSort: ['email', 'ASC'],
      filter: z.strictObject({}),
    });
    expect(users.sortable).toEqual(['id', 'email']);
  });

  it('still refuses fields outside the whitelist', () => {
    expect(fieldsOf(() => parseListQuery({ sort: '["passwordHash","ASC"]' }, couples))).toEqual({
      sort: 'must be [field, "ASC" | "DESC"] with field one of label, createdAt, id',
    });
  });
});
