import type { MigrationInterface, QueryRunner } from 'typeorm';
import { clinicsNeedingPlansQuery } from './1764410000000-reminder-replanning';

interface PlatformFunction {
  /** Name and parameters, as in `CREATE FUNCTION`. */
  head: string;
  returns: string;
  query: string;
}

/**
 * The platform (SECURITY DEFINER) functions, the same queries as before in PL/pgSQL
 * `RETURN QUERY` instead of `LANGUAGE sql`. Citus cannot plan a parameterised SQL-language
 * function over distributed tables (sign-in answered 500 there); PL/pgSQL plans each query with
 * the parameters as values, on plain PostgreSQL as on Citus. `CREATE OR REPLACE` keeps the
 * owner and the grants. `#variable_conflict use_column` keeps the SQL functions' rule that a
 * column name wins over a parameter or result column of the same name.
 */
const FUNCTIONS: PlatformFunction[] = [
  {
    head: 'auth_login_candidates(login_email text)',
    returns: 'TABLE (clinic_id uuid, user_id uuid)',
    query: `SELECT u.clinic_id, u.id FROM users u WHERE u.email = lower(login_email)`,
  },
  {
    head: 'clinics_with_overdue_occurrences(grace interval)',
    returns: 'TABLE (clinic_id uuid)',
    query: `SELECT DISTINCT o.clinic_id FROM occurrences o
             WHERE o.status = 'open' AND o.due_at < now() - grace`,
  },
  {
    head: 'clinics_with_assignments_to_plan(horizon_days integer)',
    returns: 'TABLE (clinic_id uuid)',
    query: `SELECT DISTINCT a.clinic_id FROM assignments a
             WHERE a.status = 'active'
               AND (a.planned_until IS NULL OR a.planned_until < current_date + horizon_days)
               AND (a.schedule->>'endDate' IS NULL
                    OR a.planned_until IS NULL
                    OR a.planned_until < (a.schedule->>'endDate')::date)`,
  },
  {
    head: `clinics_needing_reminder_plans(at timestamptz, horizon interval, only_clinics uuid[])`,
    returns: 'TABLE (clinic_id uuid)',
    query: clinicsNeedingPlansQuery(true),
  },
  {
    head: `due_deliveries(at timestamptz, due_until timestamptz, after_due timestamptz,
                          after_id uuid, max_rows integer, only_clinics uuid[])`,
    returns: `TABLE (clinic_id uuid, delivery_id uuid, kind delivery_kind,
                     recipient_user_id uuid, subject_key text, attempts integer,
                     due_at timestamptz)`,
    query: `SELECT d.clinic_id, d.id, d.kind, d.recipient_user_id, d.subject_key, d.attempts,
                   d.due_at
              FROM deliveries d
             WHERE ((d.status = 'planned' AND d.due_at <= due_until
                     AND (d.lease_until IS NULL OR d.lease_until < at))
                 OR (d.status = 'sending' AND d.lease_until < at))
               AND (d.due_at, d.id) > (after_due, after_id)
               AND (only_clinics IS NULL OR d.clinic_id = ANY (only_clinics))
             ORDER BY d.due_at, d.id
             LIMIT max_rows`,
  },
  {
    head: 'delivery_figures(at timestamptz)',
    returns: 'TABLE (status delivery_status, deliveries bigint, oldest_due_at timestamptz)',
    query: `SELECT d.status, count(*), min(d.due_at) FILTER (WHERE d.due_at <= at)
              FROM deliveries d GROUP BY d.status`,
  },
];

export class PlpgsqlPlatformFunctions1765500000000 implements MigrationInterface {
  name = 'PlpgsqlPlatformFunctions1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) {
      await queryRunner.query(
        `CREATE OR REPLACE FUNCTION ${fn.head} RETURNS ${fn.returns}
           LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
           #variable_conflict use_column
           BEGIN
             RETURN QUERY ${fn.query};
           END $$`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) {
      await queryRunner.query(
        `CREATE OR REPLACE FUNCTION ${fn.head} RETURNS ${fn.returns}
           LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ ${fn.query} $$`,
      );
    }
  }
}
