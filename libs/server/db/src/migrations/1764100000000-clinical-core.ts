import type { MigrationInterface, QueryRunner } from 'typeorm';
import { protect } from './row-level-security';

/**
 * The clinical core: couples and their partners and therapists, the exercise library,
 * programs, assignments and their occurrences, responses and feedback, promises, private
 * safety flags and alerts. Every table is a tenant table under forced row-level security, with
 * clinic_id leading every key.
 */
export class ClinicalCore1764100000000 implements MigrationInterface {
  name = 'ClinicalCore1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE clinics ADD COLUMN missed_alert_threshold integer NOT NULL DEFAULT 3`,
      // SECURITY.md: admins see private answers only when the clinic's policy grants it.
      `ALTER TABLE clinics ADD COLUMN admin_reads_private_answers boolean NOT NULL DEFAULT false`,
      `ALTER TABLE users ADD COLUMN reminder_time time`,
      `ALTER TABLE users ADD COLUMN quiet_hours_start time`,
      `ALTER TABLE users ADD COLUMN quiet_hours_end time`,
      `ALTER TABLE users ADD COLUMN email_reminders boolean NOT NULL DEFAULT true`,
      `CREATE TYPE couple_status AS ENUM ('invited', 'active', 'paused', 'closed')`,
      `CREATE TYPE partner_seat AS ENUM ('a', 'b')`,
      `CREATE TYPE exercise_source AS ENUM ('library', 'clinic')`,
      `CREATE TYPE exercise_theme AS ENUM ('communication', 'listening', 'time_together', 'shared_activity', 'responsibility', 'apology', 'patience', 'consistency', 'promises', 'transparency', 'boundaries', 'roots_of_distrust', 'individual_counseling')`,
      `CREATE TYPE completion_mode AS ENUM ('each', 'joint', 'one')`,
      `CREATE TYPE assignment_status AS ENUM ('active', 'paused', 'ended')`,
      `CREATE TYPE occurrence_status AS ENUM ('open', 'completed', 'missed', 'cancelled')`,
      `CREATE TYPE response_status AS ENUM ('draft', 'awaiting_confirmation', 'submitted')`,
      `CREATE TYPE promise_status AS ENUM ('open', 'kept', 'partly', 'not_kept')`,
      `CREATE TYPE alert_kind AS ENUM ('missed_streak', 'asymmetry', 'safety')`,
      `CREATE TYPE alert_status AS ENUM ('open', 'acknowledged', 'resolved')`,
      `CREATE TYPE alert_severity AS ENUM ('normal', 'urgent')`,
      `CREATE TABLE couples (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         label text NOT NULL,
         status couple_status NOT NULL DEFAULT 'invited',
         time_zone text NOT NULL,
         safety_paused_at timestamptz,
         created_by_user_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         closed_at timestamptz,
         CONSTRAINT pk_couples PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_couples_clinic FOREIGN KEY (clinic_id) REFERENCES clinics (id)
       )`,
      ...protect('couples'),
      `CREATE TABLE couple_partners (
         clinic_id uuid NOT NULL,
         couple_id uuid NOT NULL,
         seat partner_seat NOT NULL,
         user_id uuid NOT NULL,
         policy_acknowledged_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_couple_partners PRIMARY KEY (clinic_id, couple_id, seat),
         CONSTRAINT uq_couple_partners_user UNIQUE (clinic_id, user_id),
         CONSTRAINT fk_couple_partners_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id),
         CONSTRAINT fk_couple_partners_user FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
       )`,
      ...protect('couple_partners'),
      `CREATE TABLE couple_therapists (
         clinic_id uuid NOT NULL,
         couple_id uuid NOT NULL,
         therapist_user_id uuid NOT NULL,
         assigned_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_couple_therapists PRIMARY KEY (clinic_id, couple_id, therapist_user_id),
         CONSTRAINT fk_couple_therapists_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id),
         CONSTRAINT fk_couple_therapists_user FOREIGN KEY (clinic_id, therapist_user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_couple_therapists_therapist ON couple_therapists (clinic_id, therapist_user_id)`,
      ...protect('couple_therapists'),
      `CREATE TABLE exercises (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         key text NOT NULL,
         theme exercise_theme NOT NULL,
         source exercise_source NOT NULL,
         current_version integer NOT NULL DEFAULT 1,
         copied_from_id uuid,
         archived_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_exercises PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_exercises_key UNIQUE (clinic_id, key),
         CONSTRAINT fk_exercises_clinic FOREIGN KEY (clinic_id) REFERENCES clinics (id)
       )`,
      ...protect('exercises'),
      `CREATE TABLE exercise_versions (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         exercise_id uuid NOT NULL,
         version integer NOT NULL,
         title text NOT NULL,
         definition jsonb NOT NULL,
         created_by_user_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_exercise_versions PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_exercise_versions_version UNIQUE (clinic_id, exercise_id, version),
         CONSTRAINT fk_exercise_versions_exercise FOREIGN KEY (clinic_id, exercise_id) REFERENCES exercises (clinic_id, id)
       )`,
      ...protect('exercise_versions'),
      `CREATE TABLE programs (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         key text NOT NULL,
         title text NOT NULL,
         summary text NOT NULL,
         weeks integer NOT NULL,
         source exercise_source NOT NULL,
         steps jsonb NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_programs PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_programs_key UNIQUE (clinic_id, key),
         CONSTRAINT fk_programs_clinic FOREIGN KEY (clinic_id) REFERENCES clinics (id)
       )`,
      ...protect('programs'),
      `CREATE TABLE assignments (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         couple_id uuid NOT NULL,
         exercise_version_id uuid NOT NULL,
         program_id uuid,
         program_run_id uuid,
         completion_mode completion_mode NOT NULL,
         assignee_user_id uuid,
         schedule jsonb NOT NULL,
         reminder_policy jsonb NOT NULL,
         note text,
         status assignment_status NOT NULL DEFAULT 'active',
         planned_until date,
         created_by_user_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         paused_at timestamptz,
         ended_at timestamptz,
         CONSTRAINT pk_assignments PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_assignments_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id),
         CONSTRAINT fk_assignments_exercise_version FOREIGN KEY (clinic_id, exercise_version_id) REFERENCES exercise_versions (clinic_id, id),
         CONSTRAINT fk_assignments_program FOREIGN KEY (clinic_id, program_id) REFERENCES programs (clinic_id, id),
         CONSTRAINT fk_assignments_assignee FOREIGN KEY (clinic_id, assignee_user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_assignments_couple ON assignments (clinic_id, couple_id)`,
      ...protect('assignments'),
      `CREATE TABLE occurrences (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         assignment_id uuid NOT NULL,
         couple_id uuid NOT NULL,
         local_date date NOT NULL,
         due_at timestamptz NOT NULL,
         status occurrence_status NOT NULL DEFAULT 'open',
         completed_at timestamptz,
         CONSTRAINT pk_occurrences PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_occurrences_date UNIQUE (clinic_id, assignment_id, local_date),
         CONSTRAINT fk_occurrences_assignment FOREIGN KEY (clinic_id, assignment_id) REFERENCES assignments (clinic_id, id),
         CONSTRAINT fk_occurrences_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id)
       )`,
      `CREATE INDEX ix_occurrences_couple_due ON occurrences (clinic_id, couple_id, due_at)`,
      `CREATE INDEX ix_occurrences_due ON occurrences (due_at)`,
      ...protect('occurrences'),
      `CREATE TABLE responses (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         occurrence_id uuid NOT NULL,
         couple_id uuid NOT NULL,
         author_user_id uuid NOT NULL,
         status response_status NOT NULL DEFAULT 'draft',
         answers jsonb NOT NULL DEFAULT '{}',
         submitted_at timestamptz,
         late boolean NOT NULL DEFAULT false,
         confirmed_by_user_id uuid,
         confirmed_at timestamptz,
         released_at timestamptz,
         reviewed_at timestamptz,
         reviewed_by_user_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_responses PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_responses_author UNIQUE (clinic_id, occurrence_id, author_user_id),
         CONSTRAINT fk_responses_occurrence FOREIGN KEY (clinic_id, occurrence_id) REFERENCES occurrences (clinic_id, id),
         CONSTRAINT fk_responses_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id),
         CONSTRAINT fk_responses_author FOREIGN KEY (clinic_id, author_user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_responses_couple ON responses (clinic_id, couple_id, submitted_at)`,
      ...protect('responses'),
      `CREATE TABLE response_feedback (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         response_id uuid NOT NULL,
         author_user_id uuid NOT NULL,
         body text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_response_feedback PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_response_feedback_response FOREIGN KEY (clinic_id, response_id) REFERENCES responses (clinic_id, id),
         CONSTRAINT fk_response_feedback_author FOREIGN KEY (clinic_id, author_user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_response_feedback_response ON response_feedback (clinic_id, response_id)`,
      ...protect('response_feedback'),
      `CREATE TABLE promises (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         couple_id uuid NOT NULL,
         promiser_user_id uuid NOT NULL,
         description text NOT NULL,
         due_date date NOT NULL,
         status promise_status NOT NULL DEFAULT 'open',
         confirmed_by_user_id uuid,
         confirmed_at timestamptz,
         confirmation_note text,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_promises PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_promises_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id),
         CONSTRAINT fk_promises_promiser FOREIGN KEY (clinic_id, promiser_user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_promises_couple ON promises (clinic_id, couple_id, due_date)`,
      ...protect('promises'),
      `CREATE TABLE safety_flags (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         couple_id uuid NOT NULL,
         raised_by_user_id uuid NOT NULL,
         note text,
         created_at timestamptz NOT NULL DEFAULT now(),
         resolved_at timestamptz,
         resolved_by_user_id uuid,
         resolution_note text,
         CONSTRAINT pk_safety_flags PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_safety_flags_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id),
         CONSTRAINT fk_safety_flags_raised_by FOREIGN KEY (clinic_id, raised_by_user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_safety_flags_couple ON safety_flags (clinic_id, couple_id)`,
      ...protect('safety_flags'),
      `CREATE TABLE alerts (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         couple_id uuid NOT NULL,
         kind alert_kind NOT NULL,
         severity alert_severity NOT NULL DEFAULT 'normal',
         status alert_status NOT NULL DEFAULT 'open',
         subject_user_id uuid,
         dedupe_key text NOT NULL,
         detail jsonb NOT NULL DEFAULT '{}',
         created_at timestamptz NOT NULL DEFAULT now(),
         acknowledged_at timestamptz,
         acknowledged_by_user_id uuid,
         resolved_at timestamptz,
         resolved_by_user_id uuid,
         CONSTRAINT pk_alerts PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_alerts_couple FOREIGN KEY (clinic_id, couple_id) REFERENCES couples (clinic_id, id)
       )`,
      `CREATE INDEX ix_alerts_couple ON alerts (clinic_id, couple_id, status)`,
      `CREATE INDEX ix_alerts_dedupe ON alerts (clinic_id, dedupe_key)`,
      ...protect('alerts'),
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE alerts`);
    await queryRunner.query(`DROP TABLE safety_flags`);
    await queryRunner.query(`DROP TABLE promises`);
    await queryRunner.query(`DROP TABLE response_feedback`);
    await queryRunner.query(`DROP TABLE responses`);
    await queryRunner.query(`DROP TABLE occurrences`);
    await queryRunner.query(`DROP TABLE assignments`);
    await queryRunner.query(`DROP TABLE programs`);
    await queryRunner.query(`DROP TABLE exercise_versions`);
    await queryRunner.query(`DROP TABLE exercises`);
    await queryRunner.query(`DROP TABLE couple_therapists`);
    await queryRunner.query(`DROP TABLE couple_partners`);
    await queryRunner.query(`DROP TABLE couples`);
    await queryRunner.query(`DROP TYPE couple_status`);
    await queryRunner.query(`DROP TYPE partner_seat`);
    await queryRunner.query(`DROP TYPE exercise_source`);
    await queryRunner.query(`DROP TYPE exercise_theme`);
    await queryRunner.query(`DROP TYPE completion_mode`);
    await queryRunner.query(`DROP TYPE assignment_status`);
    await queryRunner.query(`DROP TYPE occurrence_status`);
    await queryRunner.query(`DROP TYPE response_status`);
    await queryRunner.query(`DROP TYPE promise_status`);
    await queryRunner.query(`DROP TYPE alert_kind`);
    await queryRunner.query(`DROP TYPE alert_status`);
    await queryRunner.query(`DROP TYPE alert_severity`);
    for (const column of [
      'reminder_time',
      'quiet_hours_start',
      'quiet_hours_end',
      'email_reminders',
    ]) {
      await queryRunner.query(`ALTER TABLE users DROP COLUMN ${column}`);
    }
    await queryRunner.query(`ALTER TABLE clinics DROP COLUMN admin_reads_private_answers`);
    await queryRunner.query(`ALTER TABLE clinics DROP COLUMN missed_alert_threshold`);
  }
}
