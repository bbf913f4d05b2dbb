import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantExecuteLike, protect } from './row-level-security';

/**
 * Reminders: a delivery row per (recipient, kind, subject) is the truth about what was sent,
 * whatever Redis remembers; in-app notifications; and which occurrences have had their
 * reminders planned. Platform jobs find work through narrow SECURITY DEFINER functions that
 * answer keys only, never content; the work itself runs inside each clinic's tenant context.
 */
export class Reminders1764300000000 implements MigrationInterface {
  name = 'Reminders1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TYPE delivery_kind AS ENUM ('due_soon', 'overdue', 'digest', 'escalation')`,
      `CREATE TYPE delivery_status AS ENUM ('planned', 'sending', 'sent', 'failed', 'skipped')`,
      `CREATE TABLE deliveries (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         kind delivery_kind NOT NULL,
         recipient_user_id uuid NOT NULL,
         subject_key text NOT NULL,
         occurrence_id uuid,
         alert_id uuid,
         due_at timestamptz NOT NULL,
         status delivery_status NOT NULL DEFAULT 'planned',
         attempts integer NOT NULL DEFAULT 0,
         lease_until timestamptz,
         last_error text,
         email_sent_at timestamptz,
         sent_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_deliveries PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_deliveries_key UNIQUE (clinic_id, recipient_user_id, kind, subject_key),
         CONSTRAINT fk_deliveries_recipient FOREIGN KEY (clinic_id, recipient_user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_deliveries_due ON deliveries (status, due_at)`,
      `CREATE INDEX ix_deliveries_occurrence ON deliveries (clinic_id, occurrence_id)`,
      ...protect('deliveries'),
      `CREATE TABLE notifications (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL,
         kind delivery_kind NOT NULL,
         delivery_id uuid,
         occurrence_id uuid,
         couple_id uuid,
         alert_id uuid,
         detail jsonb NOT NULL DEFAULT '{}',
         created_at timestamptz NOT NULL DEFAULT now(),
         read_at timestamptz,
         CONSTRAINT pk_notifications PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_notifications_delivery UNIQUE (clinic_id, delivery_id),
         CONSTRAINT fk_notifications_user FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_notifications_user ON notifications (clinic_id, user_id, created_at)`,
      ...protect('notifications'),
      `CREATE TABLE reminder_plans (
         clinic_id uuid NOT NULL,
         occurrence_id uuid NOT NULL,
         planned_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_reminder_plans PRIMARY KEY (clinic_id, occurrence_id),
         CONSTRAINT fk_reminder_plans_occurrence FOREIGN KEY (clinic_id, occurrence_id) REFERENCES occurrences (clinic_id, id)
       )`,
      ...protect('reminder_plans'),
      // Which clinics have reminders to plan: occurrences not planned yet, missed-streak alerts
      // without an escalation, or therapists whose next digest is not planned.
      `CREATE FUNCTION clinics_needing_reminder_plans(at timestamptz, horizon interval,
                                                     only_clinics uuid[])
         RETURNS TABLE (clinic_id uuid)
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
           SELECT x.clinic_id FROM (
           SELECT o.clinic_id FROM occurrences o
            WHERE o.status = 'open' AND o.due_at BETWEEN at - interval '7 days' AND at + horizon
              AND NOT EXISTS (SELECT 1 FROM reminder_plans p
                               WHERE p.clinic_id = o.clinic_id AND p.occurrence_id = o.id)
           UNION
           SELECT a.clinic_id FROM alerts a
            WHERE a.kind = 'missed_streak' AND a.status = 'open'
              AND EXISTS (SELECT 1 FROM couple_therapists ct
                           WHERE ct.clinic_id = a.clinic_id AND ct.couple_id = a.couple_id)
              AND NOT EXISTS (SELECT 1 FROM deliveries d
                               WHERE d.clinic_id = a.clinic_id AND d.kind = 'escalation'
                                 AND d.subject_key = a.id::text)
           UNION
           SELECT u.clinic_id FROM users u
            WHERE u.role = 'therapist' AND u.status = 'active'
              AND NOT EXISTS (SELECT 1 FROM deliveries d
                               WHERE d.clinic_id = u.clinic_id AND d.recipient_user_id = u.id
                                 AND d.kind = 'digest' AND d.status IN ('planned', 'sending'))
           ) x WHERE only_clinics IS NULL OR x.clinic_id = ANY (only_clinics)
         $$`,
      `REVOKE ALL ON FUNCTION clinics_needing_reminder_plans(timestamptz, interval, uuid[]) FROM PUBLIC`,
      grantExecuteLike(
        'clinics_needing_reminder_plans(timestamptz, interval, uuid[])',
        'occurrences',
      ),
      // Deliveries due by `due_until` (or whose sender died mid-send), keys only, in pages
      // ordered by (due_at, id). Leases (a live sender, or a retry's backoff) are compared with
      // `at`, the tick's own clock. `only_clinics` narrows the search (parallel tests).
      `CREATE FUNCTION due_deliveries(at timestamptz, due_until timestamptz, after_due timestamptz,
                                      after_id uuid, max_rows integer, only_clinics uuid[])
         RETURNS TABLE (clinic_id uuid, delivery_id uuid, kind delivery_kind,
                        recipient_user_id uuid, subject_key text, attempts integer,
                        due_at timestamptz)
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
           SELECT d.clinic_id, d.id, d.kind, d.recipient_user_id, d.subject_key, d.attempts,
                  d.due_at
             FROM deliveries d
            WHERE ((d.status = 'planned' AND d.due_at <= due_until
                    AND (d.lease_until IS NULL OR d.lease_until < at))
                OR (d.status = 'sending' AND d.lease_until < at))
              AND (d.due_at, d.id) > (after_due, after_id)
              AND (only_clinics IS NULL OR d.clinic_id = ANY (only_clinics))
            ORDER BY d.due_at, d.id
            LIMIT max_rows
         $$`,
      `REVOKE ALL ON FUNCTION due_deliveries(timestamptz, timestamptz, timestamptz, uuid, integer, uuid[]) FROM PUBLIC`,
      grantExecuteLike(
        'due_deliveries(timestamptz, timestamptz, timestamptz, uuid, integer, uuid[])',
        'occurrences',
      ),
      // Operators' figures: counts by status and the oldest unsent due time, across clinics.
      `CREATE FUNCTION delivery_figures(at timestamptz)
         RETURNS TABLE (status delivery_status, deliveries bigint, oldest_due_at timestamptz)
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
           SELECT d.status, count(*), min(d.due_at) FILTER (WHERE d.due_at <= at)
             FROM deliveries d GROUP BY d.status
         $$`,
      `REVOKE ALL ON FUNCTION delivery_figures(timestamptz) FROM PUBLIC`,
      grantExecuteLike('delivery_figures(timestamptz)', 'occurrences'),
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION delivery_figures(timestamptz)`);
    await queryRunner.query(
      `DROP FUNCTION due_deliveries(timestamptz, timestamptz, timestamptz, uuid, integer, uuid[])`,
    );
    await queryRunner.query(
      `DROP FUNCTION clinics_needing_reminder_plans(timestamptz, interval, uuid[])`,
    );
    await queryRunner.query(`DROP TABLE reminder_plans`);
    await queryRunner.query(`DROP TABLE notifications`);
    await queryRunner.query(`DROP TABLE deliveries`);
    await queryRunner.query(`DROP TYPE delivery_status`);
    await queryRunner.query(`DROP TYPE delivery_kind`);
  }
}
