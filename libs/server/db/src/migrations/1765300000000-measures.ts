import type { MigrationInterface, QueryRunner } from 'typeorm';
import { protect } from './row-level-security';

/**
 * Outcome measures: versioned definitions (data, checked by @mend/shared-measures), the
 * licence attestation each version needs before it is given, schedules per couple, and one
 * administration per partner and date. An answered administration is never edited: a trigger
 * refuses it, whatever the code does. Scores keep the definition version they were scored with.
 */
export class Measures1765300000000 implements MigrationInterface {
  name = 'Measures1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TYPE alert_kind ADD VALUE IF NOT EXISTS 'measure_deterioration'`,
      `ALTER TYPE alert_kind ADD VALUE IF NOT EXISTS 'measure_gap'`,
      `CREATE TABLE measure_definitions (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         key text NOT NULL,
         source text NOT NULL CHECK (source IN ('mend', 'clinic')),
         current_version integer NOT NULL DEFAULT 1,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_measure_definitions PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_measure_definitions_key UNIQUE (clinic_id, key),
         CONSTRAINT fk_measure_definitions_clinic FOREIGN KEY (clinic_id) REFERENCES clinics (id)
       )`,
      ...protect('measure_definitions'),
      `CREATE TABLE measure_definition_versions (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         definition_id uuid NOT NULL,
         version integer NOT NULL,
         body jsonb NOT NULL,
         created_by_user_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         licence_attested_by_user_id uuid,
         licence_attested_at timestamptz,
         CONSTRAINT pk_measure_definition_versions PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_measure_definition_versions_version UNIQUE (clinic_id, definition_id, version),
         CONSTRAINT fk_measure_definition_versions_definition FOREIGN KEY (clinic_id, definition_id) REFERENCES measure_definitions (clinic_id, id),
         CONSTRAINT fk_measure_definition_versions_attested_by FOREIGN KEY (clinic_id, licence_attested_by_user_id) REFERENCES users (clinic_id, id),
         CONSTRAINT ck_measure_definition_versions_attested CHECK ((licence_attested_by_user_id IS NULL) = (licence_attested_at IS NULL))
       )`,
      ...protect('measure_definition_versions'),
      `CREATE TABLE measure_settings (
         clinic_id uuid NOT NULL,
         partners_see_own_graph boolean NOT NULL DEFAULT false,
         gap_alert_percent integer NOT NULL DEFAULT 25 CHECK (gap_alert_percent BETWEEN 1 AND 100),
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_measure_settings PRIMARY KEY (clinic_id),
         CONSTRAINT fk_measure_settings_clinic FOREIGN KEY (clinic_id) REFERENCES clinics (id)
       )`,
      ...protect('measure_settings'),
      `CREATE TABLE measure_schedules (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         couple_id uuid NOT NULL,
         definition_version_id uuid NOT NULL,
         schedule jsonb NOT NULL,
         expiry_days integer NOT NULL DEFAULT 4 CHECK (expiry_days BETWEEN 1 AND 30),
         created_by_user_id uuid NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         ended_at timestamptz,
         CONSTRAINT pk_measure_schedules PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_measure_schedules_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id),
         CONSTRAINT fk_measure_schedules_version FOREIGN KEY (clinic_id, definition_version_id) REFERENCES measure_definition_versions (clinic_id, id)
       )`,
      `CREATE INDEX ix_measure_schedules_couple ON measure_schedules (clinic_id, couple_id)`,
      ...protect('measure_schedules'),
      `CREATE TABLE measure_administrations (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         schedule_id uuid NOT NULL,
         couple_id uuid NOT NULL,
         partner_user_id uuid NOT NULL,
         definition_version_id uuid NOT NULL,
         local_date date NOT NULL,
         opens_at timestamptz NOT NULL,
         expires_at timestamptz NOT NULL,
         answered_at timestamptz,
         answers jsonb,
         total numeric,
         subscales jsonb,
         keyed_items jsonb,
         prorated boolean,
         CONSTRAINT pk_measure_administrations PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_measure_administrations_round UNIQUE (clinic_id, schedule_id, partner_user_id, local_date),
         CONSTRAINT fk_measure_administrations_schedule FOREIGN KEY (clinic_id, schedule_id) REFERENCES measure_schedules (clinic_id, id),
         CONSTRAINT fk_measure_administrations_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id),
         CONSTRAINT fk_measure_administrations_partner FOREIGN KEY (clinic_id, partner_user_id) REFERENCES users (clinic_id, id),
         CONSTRAINT fk_measure_administrations_version FOREIGN KEY (clinic_id, definition_version_id) REFERENCES measure_definition_versions (clinic_id, id),
         CONSTRAINT ck_measure_administrations_window CHECK (expires_at > opens_at),
         CONSTRAINT ck_measure_administrations_scored CHECK ((answered_at IS NULL) = (total IS NULL) AND (answered_at IS NULL) = (answers IS NULL))
       )`,
      `CREATE INDEX ix_measure_administrations_couple ON measure_administrations (clinic_id, couple_id, opens_at)`,
      `CREATE INDEX ix_measure_administrations_partner ON measure_administrations (clinic_id, partner_user_id, opens_at)`,
      ...protect('measure_administrations'),
      // Answers are a record of what a partner said at the time: once given, never rewritten.
      `CREATE FUNCTION measure_answers_final() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           RAISE EXCEPTION 'an answered measure administration is never edited'
             USING ERRCODE = 'insufficient_privilege';
         END $$`,
      `CREATE TRIGGER measure_administrations_answers_final
         BEFORE UPDATE OR DELETE ON measure_administrations
         FOR EACH ROW WHEN (OLD.answered_at IS NOT NULL)
         EXECUTE FUNCTION measure_answers_final()`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE measure_administrations`);
    await queryRunner.query(`DROP FUNCTION measure_answers_final()`);
    await queryRunner.query(`DROP TABLE measure_schedules`);
    await queryRunner.query(`DROP TABLE measure_settings`);
    await queryRunner.query(`DROP TABLE measure_definition_versions`);
    await queryRunner.query(`DROP TABLE measure_definitions`);
    // PostgreSQL cannot drop an enum value; the alert kinds stay, unused.
  }
}
