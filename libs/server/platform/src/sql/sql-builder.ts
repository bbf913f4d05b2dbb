import type { ListQuery, SortOrder } from '../rest/list-query';

/**
 * The SQL column (or expression) behind each sortable field of a list. `id` is always there:
 * react-admin's stock List and ReferenceInput sort by `id` when nothing else is set, and the id
 * is also the tiebreak that keeps paging stable.
 */
export type SortColumns<TSort extends string> = Record<TSort | 'id', string>;

/**
 * The one way Mend builds SQL with variable parts: positional parameters, AND-ed conditions,
 * a whitelisted ORDER BY and a LIMIT/OFFSET page. Values always travel as parameters; the only
 * text ever spliced in comes from the code (conditions written here, columns from a
 * `SortColumns` table), never from the request.
 *
 * ```ts
 * const sql = new SqlBuilder(...visible.parameters);    // $1… already taken by the caller
 * sql.where('c.clinic_id = $1');
 * if (status) sql.where((p) => `c.status = ${p}`, status);
 * await manager.query(
 *   `SELECT … WHERE ${sql.conditions} ${sql.orderBy(COLUMNS, query)} ${sql.page(query)}`,
 *   sql.parameters,
 * );
 * ```
 */
export class SqlBuilder {
  readonly parameters: unknown[];
  private readonly clauses: string[] = [];

  /** `initial` are the values the caller's own `$1…$n` already refer to. */
  constructor(...initial: unknown[]) {
    this.parameters = [...initial];
  }

  /** Adds a value and answers its placeholder, `$n`. */
  param(value: unknown): string {
    this.parameters.push(value);
    return `$${this.parameters.length}`;
  }

  /** Adds a condition: fixed text, or text built around the placeholder of `value`. */
  where(condition: string): this;
  where(condition: (placeholder: string) => string, value: unknown): this;
  where(condition: string | ((placeholder: string) => string), value?: unknown): this {
    this.clauses.push(typeof condition === 'string' ? condition : condition(this.param(value)));
    return this;
  }

  /** The conditions joined by AND (TRUE when there are none), for after `WHERE`. */
  get conditions(): string {
    return this.clauses.length === 0 ? 'TRUE' : this.clauses.join(' AND ');
  }

  /**
   * `ORDER BY <column> <order>, <id column>`: the id breaks ties so that pages neither repeat
   * nor skip rows. `nullsLast` puts rows without a value at the end in both directions.
   */
  orderBy<TSort extends string>(
    columns: SortColumns<TSort>,
    query: { sort: TSort | 'id'; order: SortOrder },
    options: { nullsLast?: boolean } = {},
  ): string {
    // The order is re-read rather than spliced: the type says 'ASC' | 'DESC', the text proves it.
    const direction = query.order === 'DESC' ? 'DESC' : 'ASC';
    const nulls = options.nullsLast ? ' NULLS LAST' : '';
    const first = `${columns[query.sort]} ${direction}${nulls}`;
    return query.sort === 'id' ? `ORDER BY ${first}` : `ORDER BY ${first}, ${columns.id}`;
  }

  /**
   * Reads one page of ids from `from` (e.g. `users u`) under these conditions, and how many
   * match in all: for lists that then load their records by id.
   */
  async idPage<TSort extends string>(
    manager: { query(sql: string, parameters: unknown[]): Promise<unknown> },
    from: string,
    columns: SortColumns<TSort>,
    query: { sort: TSort | 'id'; order: SortOrder; limit: number; offset: number },
  ): Promise<{ ids: string[]; total: number }> {
    const rows = (await manager.query(
      `SELECT ${columns.id} AS id, count(*) OVER () AS total FROM ${from}
        WHERE ${this.conditions} ${this.orderBy(columns, query)} ${this.page(query)}`,
      this.parameters,
    )) as Array<{ id: string; total: string }>;
    return { ids: rows.map((row) => row.id), total: totalOf(rows) };
  }

  /** `LIMIT $n OFFSET $m` for the page react-admin asked for. */
  page(query: Pick<ListQuery<string, unknown>, 'limit' | 'offset'>): string {
    return `LIMIT ${this.param(query.limit)} OFFSET ${this.param(query.offset)}`;
  }
}

/**
 * A LIKE/ILIKE pattern that finds `text` anywhere, with LIKE's own wildcards escaped, so a
 * search for "50%" or "a_b" means those characters (PostgreSQL's default escape is `\`).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The total of a page read with `count(*) OVER () AS total`; an empty page reads 0. */
export function totalOf(rows: ReadonlyArray<{ total: string | number }>): number {
  return rows[0] ? Number(rows[0].total) : 0;
}

/** `records` in the order of `ids` (a page read as ids, then loaded); ids not found drop out. */
export function inOrderOf<T extends { id: string }>(ids: readonly string[], records: T[]): T[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
