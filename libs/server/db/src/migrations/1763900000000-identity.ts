import type { MigrationInterface, QueryRunner } from 'typeorm';
import { protect } from './row-level-security';

export class Identity1763900000000 implements MigrationInterface {
  name = 'Identity1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TYPE user_role AS ENUM ('clinic_admin', 'therapist', 'client')`,
      `CREATE TYPE user_status AS ENUM ('invited', 'active', 'deactivated')`,
      `CREATE TABLE clinics (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         name text NOT NULL,
         time_zone text NOT NULL DEFAULT 'UTC',
         require_staff_mfa boolean NOT NULL DEFAULT true,
         inactivity_timeout_minutes integer NOT NULL DEFAULT 30,
         quiet_hours_start time NOT NULL DEFAULT '21:00',
         quiet_hours_end time NOT NULL DEFAULT '08:00',
         secrets_policy text NOT NULL DEFAULT '',
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_clinics PRIMARY KEY (id)
       )`,
      ...protect('clinics', 'id'),
      `CREATE TABLE users (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         email text NOT NULL,
         display_name text NOT NULL,
         role user_role NOT NULL,
         status user_status NOT NULL DEFAULT 'invited',
         password_hash text,
         locale text NOT NULL DEFAULT 'en',
         time_zone text NOT NULL DEFAULT 'UTC',
         mfa_secret text,
         mfa_enabled_at timestamptz,
         failed_logins integer NOT NULL DEFAULT 0,
         locked_until timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_users PRIMARY KEY (clinic_id, id),
         CONSTRAINT uq_users_email UNIQUE (clinic_id, email),
         CONSTRAINT fk_users_clinic FOREIGN KEY (clinic_id) REFERENCES clinics (id),
         CONSTRAINT ck_users_email_lower CHECK (email = lower(email))
       )`,
      ...protect('users'),
      `CREATE TABLE sessions (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL,
         refresh_token_hash text NOT NULL,
         previous_token_hash text,
         created_at timestamptz NOT NULL DEFAULT now(),
         last_seen_at timestamptz NOT NULL DEFAULT now(),
         expires_at timestamptz NOT NULL,
         revoked_at timestamptz,
         revoked_reason text,
         CONSTRAINT pk_sessions PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_sessions_user FOREIGN KEY (clinic_id, user_id) REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_sessions_user ON sessions (clinic_id, user_id)`,
      ...protect('sessions'),
      `CREATE TABLE audit_events (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         occurred_at timestamptz NOT NULL DEFAULT now(),
         actor_user_id uuid,
         action text NOT NULL,
         record_type text,
         record_id uuid,
         request_id text,
         ip text,
         detail jsonb NOT NULL DEFAULT '{}',
         CONSTRAINT pk_audit_events PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_audit_events_clinic FOREIGN KEY (clinic_id) REFERENCES clinics (id)
       )`,
      `CREATE INDEX ix_audit_events_time ON audit_events (clinic_id, occurred_at)`,
      ...protect('audit_events'),
      // Append-only for everyone, whatever grants a role holds.
      `CREATE FUNCTION forbid_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
       END $$`,
      `CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
         FOR EACH ROW EXECUTE FUNCTION forbid_audit_change()`,
      `DO $$ DECLARE grantee text; BEGIN
         FOR grantee IN SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
           WHERE g.table_name = 'audit_events' AND g.grantee <> current_user LOOP
           EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM %I', grantee);
         END LOOP;
       END $$`,
      // Sign-in must find an account before any clinic is known. This function (run with the
      // owner's rights, which bypass row-level security) answers only what sign-in needs.
      `CREATE FUNCTION auth_login_candidates(login_email text)
         RETURNS TABLE (clinic_id uuid, user_id uuid)
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
           SELECT u.clinic_id, u.id FROM users u WHERE u.email = lower(login_email)
         $$`,
      `REVOKE ALL ON FUNCTION auth_login_candidates(text) FROM PUBLIC`,
      `DO $$ DECLARE grantee text; BEGIN
         FOR grantee IN SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
           WHERE g.table_name = 'users' AND g.grantee <> current_user LOOP
           EXECUTE format('GRANT EXECUTE ON FUNCTION auth_login_candidates(text) TO %I', grantee);
         END LOOP;
       END $$`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION auth_login_candidates(text)`);
    await queryRunner.query(`DROP TABLE audit_events`);
    await queryRunner.query(`DROP FUNCTION forbid_audit_change()`);
    await queryRunner.query(`DROP TABLE sessions`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE clinics`);
    await queryRunner.query(`DROP TYPE user_status`);
    await queryRunner.query(`DROP TYPE user_role`);
  }
}
