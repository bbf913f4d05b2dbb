import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantExecuteLike, protect } from './row-level-security';

/**
 * Reports: one row per (clinic, kind, subject, period) decides, whatever the queue remembers,
 * that a report is built once; its files are kept in PostgreSQL in chunks (so a large CSV is
 * written and read back in constant memory) until the clinic's retention runs out. In-app
 * notifications gain a kind of their own ('report_ready') that is not a reminder delivery.
 * Platform jobs find work through SECURITY DEFINER functions that answer keys only.
 */
export class Reports1765400000000 implements MigrationInterface {
  name = 'Reports1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE clinics ADD COLUMN report_retention_days integer NOT NULL DEFAULT 90`,
      `ALTER TABLE clinics ADD CONSTRAINT ck_clinics_report_retention
         CHECK (report_retention_days BETWEEN 1 AND 3650)`,
      `CREATE TYPE notification_kind AS ENUM
         ('due_soon', 'overdue', 'digest', 'escalation', 'report_ready')`,
      `ALTER TABLE notifications ALTER COLUMN kind TYPE notification_kind
         USING kind::text::notification_kind`,
      `ALTER TABLE notifications ADD COLUMN report_id uuid`,
      `CREATE TYPE report_kind AS ENUM ('clinic_monthly', 'session_prep', 'couple_export')`,
      `CREATE TYPE report_status AS ENUM ('queued', 'building', 'ready', 'failed')`,
      `CREATE TABLE reports (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         kind report_kind NOT NULL,
         subject_key text NOT NULL,
         period_start date NOT NULL,
         period_end date NOT NULL,
         couple_id uuid,
         requested_by_user_id uuid,
         locale text NOT NULL DEFAULT 'en',
         status report_status NOT NULL DEFAULT 'queued',
         progress integer NOT NULL DEFAULT 0,
         generation integer NOT NULL DEFAULT 1,
         error text,
         requested_at timestamptz NOT NULL DEFAULT now(),
         started_at timestamptz,
         finished_at timestamptz,
         notified_at timestamptz,
         expires_at timestamptz,
         CONSTRAINT pk_reports PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_reports_key UNIQUE (clinic_id, kind, subject_key, period_start, period_end),
         CONSTRAINT ck_reports_progress CHECK (progress BETWEEN 0 AND 100),
         CONSTRAINT ck_reports_period CHECK (period_start <= period_end),
         CONSTRAINT fk_reports_requester FOREIGN KEY (clinic_id, requested_by_user_id) REFERENCES users (clinic_id, id),
         CONSTRAINT fk_reports_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id)
       )`,
      `CREATE INDEX ix_reports_expires ON reports (expires_at) WHERE expires_at IS NOT NULL`,
      `CREATE INDEX ix_reports_requester ON reports (clinic_id, requested_by_user_id)`,
      ...protect('reports'),
      `CREATE TABLE report_files (
         clinic_id uuid NOT NULL,
         report_id uuid NOT NULL,
         format text NOT NULL,
         part integer NOT NULL,
         bytes bytea NOT NULL,
         CONSTRAINT pk_report_files PRIMARY KEY (clinic_id, report_id, format, part),
         CONSTRAINT ck_report_files_format CHECK (format IN ('csv', 'pdf', 'zip')),
         CONSTRAINT fk_report_files_report FOREIGN KEY (clinic_id, report_id) REFERENCES reports (clinic_id, id) ON DELETE CASCADE
       )`,
      ...protect('report_files'),
      // Clinics where a month has begun in the clinic's own zone and whose report of the month
      // before is missing (so a scheduler that was down on the 1st catches up later).
      `CREATE FUNCTION clinics_due_monthly_report(at timestamptz)
         RETURNS TABLE (clinic_id uuid, period_start date)
         LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
         BEGIN
           -- PL/pgSQL rather than SQL: Citus cannot plan SQL-language functions with parameters.
           RETURN QUERY
           SELECT c.id, (date_trunc('month', (at AT TIME ZONE c.time_zone)) - interval '1 month')::date
             FROM clinics c
            WHERE c.created_at < date_trunc('month', (at AT TIME ZONE c.time_zone)) AT TIME ZONE c.time_zone
              AND NOT EXISTS (
                SELECT 1 FROM reports r
                 WHERE r.clinic_id = c.id AND r.kind = 'clinic_monthly' AND r.subject_key = 'clinic'
                   AND r.period_start = (date_trunc('month', (at AT TIME ZONE c.time_zone)) - interval '1 month')::date);
         END
         $$`,
      `REVOKE ALL ON FUNCTION clinics_due_monthly_report(timestamptz) FROM PUBLIC`,
      grantExecuteLike('clinics_due_monthly_report(timestamptz)', 'reports'),
      // The retention sweep: deletes what has expired (files go with their report), keys only.
      `CREATE FUNCTION delete_expired_reports(at timestamptz)
         RETURNS TABLE (clinic_id uuid, report_id uuid)
         LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
         BEGIN
           RETURN QUERY DELETE FROM reports r WHERE r.expires_at <= at RETURNING r.clinic_id, r.id;
         END
         $$`,
      `REVOKE ALL ON FUNCTION delete_expired_reports(timestamptz) FROM PUBLIC`,
      grantExecuteLike('delete_expired_reports(timestamptz)', 'reports'),
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP FUNCTION delete_expired_reports(timestamptz)`,
      `DROP FUNCTION clinics_due_monthly_report(timestamptz)`,
      `DROP TABLE report_files`,
      `DROP TABLE reports`,
      `DROP TYPE report_status`,
      `DROP TYPE report_kind`,
      `DELETE FROM notifications WHERE kind = 'report_ready'`,
      `ALTER TABLE notifications DROP COLUMN report_id`,
      `ALTER TABLE notifications ALTER COLUMN kind TYPE delivery_kind USING kind::text::delivery_kind`,
      `DROP TYPE notification_kind`,
      `ALTER TABLE clinics DROP CONSTRAINT ck_clinics_report_retention`,
      `ALTER TABLE clinics DROP COLUMN report_retention_days`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}
