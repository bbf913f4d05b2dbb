import { SqlBuilder, containsPattern, inOrderOf, totalOf } from './sql-builder';

const COLUMNS = { label: 'c.label', createdAt: 'c.created_at', id: 'c.id' };

describe('SqlBuilder', () => {
  it('numbers parameters after the ones the caller already uses', () => {
    const sql = new SqlBuilder('clinic', 'user');
    expect(sql.param('x')).toBe('$3');
    expect(sql.param(['a', 'b'])).toBe('$4');
    expect(sql.parameters).toEqual(['clinic', 'user', 'x', ['a', 'b']]);
  });

  it('joins fixed and parameterised conditions with AND', () => {
    const sql = new SqlBuilder('clinic');
    sql
      .where('c.clinic_id = $1')
      .where((p) => `c.status = ${p}`, 'active')
      .where((p) => `c.id = ANY(${p}::uuid[])`, ['id-1']);
    expect(sql.conditions).toBe('c.clinic_id = $1 AND c.status = $2 AND c.id = ANY($3::uuid[])');
    expect(sql.parameters).toEqual(['clinic', 'active', ['id-1']]);
  });

  it('reads TRUE when nothing narrows the query', () => {
    expect(new SqlBuilder().conditions).toBe('TRUE');
  });

  it('orders by the whitelisted column with the id as tiebreak', () => {
    const sql = new SqlBuilder();
    expect(sql.orderBy(COLUMNS, { sort: 'label', order: 'DESC' })).toBe(
      'ORDER BY c.label DESC, c.id',
    );
    expect(sql.orderBy(COLUMNS, { sort: 'createdAt', order: 'ASC' }, { nullsLast: true })).toBe(
      'ORDER BY c.created_at ASC NULLS LAST, c.id',
    );
  });

  it('orders by the id alone when the id is the sort', () => {
    const sql = new SqlBuilder();
    expect(sql.orderBy(COLUMNS, { sort: 'id', order: 'ASC' })).toBe('ORDER BY c.id ASC');
    expect(sql.orderBy(COLUMNS, { sort: 'id', order: 'DESC' })).toBe('ORDER BY c.id DESC');
  });

  it('never splices an order other than ASC or DESC', () => {
    const sql = new SqlBuilder();
    const order = 'ASC; DROP TABLE couples' as 'ASC';
    expect(sql.orderBy(COLUMNS, { sort: 'label', order })).toBe('ORDER BY c.label ASC, c.id');
  });

  it('pages with parameters, not text', () => {
    const sql = new SqlBuilder('clinic');
    expect(sql.page({ limit: 25, offset: 50 })).toBe('LIMIT $2 OFFSET $3');
    expect(sql.parameters).toEqual(['clinic', 25, 50]);
  });
});

describe('containsPattern', () => {
  it('finds the text anywhere', () => {
    expect(containsPattern('anna')).toBe('%anna%');
  });

  it('escapes LIKE wildcards and the escape character itself', () => {
    expect(containsPattern('50%')).toBe('%50\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('back\\slash')).toBe('%back\\\\slash%');
  });
});

describe('totalOf', () => {
  it('reads the window total from the first row, 0 for an empty page', () => {
    expect(totalOf([{ total: '42' }, { total: '42' }])).toBe(42);
    expect(totalOf([])).toBe(0);
  });
});

describe('inOrderOf', () => {
  it('puts loaded records back in page order and drops ids not found', () => {
    const loaded = [{ id: 'b' }, { id: 'a' }];
    expect(inOrderOf(['a', 'x', 'b'], loaded)).toEqual([{ id: 'a' }, { id: 'b' }]);
  });
});
